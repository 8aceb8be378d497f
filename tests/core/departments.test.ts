import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CATEGORIES, LIGHT_CONDITION_NAMES, LIGHT_RULES, NO_LEAD, departmentView, lightOf, lightRuleText, type Category, type DepartmentRow, type Task } from "../../src/core";
import { makeTask } from "../helpers/task";

function task(id: number, category: Category | null, leads: string[], reason = ""): Task {
  return makeTask(id, category, { leads, reason });
}

/** `good/total` compared exactly: positive when a is better. */
const shareOrder = (a: DepartmentRow, b: DepartmentRow) => (a.counts.completed + a.counts.onTrack) * b.total - (b.counts.completed + b.counts.onTrack) * a.total;

describe("lights", () => {
  const one = (category: Category, reason = "") => [task(1, category, ["甲"], reason)];

  it("is red with a missed task, with or without a reason", () => {
    expect(lightOf(one("missed", "资金未到位"))).toBe("red");
    expect(lightOf(one("missed"))).toBe("red");
    expect(lightOf([...one("completed"), task(2, "missed", ["甲"], "原因"), task(3, "pending", ["甲"])])).toBe("red");
  });

  it("is yellow with a pending task, or a suspended one without a reason", () => {
    expect(lightOf(one("pending"))).toBe("yellow");
    expect(lightOf(one("suspended"))).toBe("yellow");
    expect(lightOf(one("suspended", "  "))).toBe("yellow");
  });

  it("is green otherwise: completed, on track, suspended with a reason", () => {
    expect(lightOf(one("completed"))).toBe("green");
    expect(lightOf(one("onTrack"))).toBe("green");
    expect(lightOf(one("suspended", "政策调整"))).toBe("green");
    expect(lightOf([])).toBe("green");
  });

  it("follows other rules given as data, the first that holds", () => {
    const rules = [
      { light: "red", when: ["suspended"] },
      { light: "yellow", when: ["missedWithoutReason"] },
    ] as const;
    expect(lightOf(one("suspended", "政策调整"), rules)).toBe("red");
    expect(lightOf(one("missed", "原因"), rules)).toBe("green");
    expect(lightOf(one("missed"), rules)).toBe("yellow");
    expect(lightOf([task(1, "suspended", ["甲"]), task(2, "missed", ["甲"])], rules)).toBe("red");
  });

  it("names every condition in Chinese once, and writes the default rules as the settings sheet shows them", () => {
    expect(new Set(Object.values(LIGHT_CONDITION_NAMES)).size).toBe(Object.keys(LIGHT_CONDITION_NAMES).length);
    expect(LIGHT_RULES.map(lightRuleText)).toEqual(["未完成", "待确定、未完成未说明原因、暂不实施未说明原因"]);
  });
});

describe("the department view", () => {
  it("counts each lead of a task, ranks by share, then fewer missed, then name, ties sharing a rank", () => {
    const tasks = [
      task(1, "completed", ["区商务局"]),
      task(2, "onTrack", ["区商务局"]),
      task(3, "missed", ["区发改局"], "原因"),
      task(4, "completed", ["区发改局", "区财政局"]),
      task(5, "completed", ["区财政局"]),
      task(6, "suspended", ["区财政局"], "原因"),
      task(7, "pending", ["区教体局"]),
      task(8, "completed", ["区教体局"]),
      task(9, "completed", ["区民政局"]),
      task(10, "pending", ["区民政局"]),
      task(11, null, ["区民政局"]),
      task(12, "onTrack", []),
    ];
    const view = departmentView(tasks, { decimals: 2 });
    expect(view.map((d) => [d.rank, d.name, d.total, d.share, d.light])).toEqual([
      [1, NO_LEAD, 1, "100.00", "green"],
      [1, "区商务局", 2, "100.00", "green"],
      [3, "区财政局", 3, "66.67", "green"],
      // 区发改局 1/2 with a missed task ranks after the two of 1/2 without.
      [4, "区教体局", 2, "50.00", "yellow"],
      [4, "区民政局", 2, "50.00", "yellow"],
      [6, "区发改局", 2, "50.00", "red"],
    ]);
    expect(view.find((d) => d.name === "区财政局")!.counts).toEqual({ completed: 2, onTrack: 0, missed: 0, suspended: 1, pending: 0 });
    expect(view.every((d) => d.missedChange === null)).toBe(true);
    expect(departmentView(tasks, { decimals: 0 }).find((d) => d.name === "区财政局")!.share).toBe("67");
  });

  it("gives each department's change of missed tasks against the previous quarter", () => {
    const now = [task(1, "missed", ["甲"], "r"), task(2, "missed", ["甲"], "r"), task(3, "completed", ["乙"]), task(4, "onTrack", ["丙"])];
    const before = [task(1, "missed", ["甲"], "r"), task(3, "missed", ["乙"], "r"), task(4, "missed", ["乙"], "r")];
    const view = departmentView(now, { decimals: 2, previousTasks: before });
    expect(Object.fromEntries(view.map((d) => [d.name, d.missedChange]))).toEqual({ 甲: 1, 乙: -2, 丙: 0 });
  });

  const leads = ["区发改局", "区财政局", "区商务局", "区住建局", "区教体局"];
  const arbitraryTask = fc.record({
    category: fc.constantFrom<Category | null>(...CATEGORIES, null),
    leads: fc.subarray(leads),
    reason: fc.constantFrom("", "原因"),
  });
  const arbitraryTasks = fc.array(arbitraryTask, { maxLength: 40 }).map((list) => list.map((t, i) => task(i + 1, t.category, t.leads, t.reason)));

  it("ranks as a competition ranking: never decreasing, ties share a rank, rank = 1 + departments strictly better (property)", () => {
    fc.assert(
      fc.property(arbitraryTasks, fc.integer({ min: 0, max: 4 }), (tasks, decimals) => {
        const view = departmentView(tasks, { decimals });
        const better = (a: DepartmentRow, b: DepartmentRow) => shareOrder(a, b) > 0 || (shareOrder(a, b) === 0 && a.counts.missed < b.counts.missed);
        view.forEach((d, i) => {
          if (i > 0) {
            const prev = view[i - 1]!;
            expect(d.rank).toBeGreaterThanOrEqual(prev.rank);
            expect(better(d, prev)).toBe(false);
            const tied = shareOrder(d, prev) === 0 && d.counts.missed === prev.counts.missed;
            expect(d.rank === prev.rank).toBe(tied);
            if (tied) expect(prev.name.localeCompare(d.name, "zh-CN")).toBeLessThan(0);
          }
          expect(d.rank).toBe(1 + view.filter((o) => better(o, d)).length);
        });
      }),
    );
  });

  it("counts every classified task for each of its leads, and no department twice (property)", () => {
    fc.assert(
      fc.property(arbitraryTasks, (tasks) => {
        const view = departmentView(tasks, { decimals: 2 });
        const classified = tasks.filter((t) => t.category !== null);
        expect(new Set(view.map((d) => d.name)).size).toBe(view.length);
        const sum = view.reduce((a, d) => a + d.total, 0);
        expect(sum).toBeGreaterThanOrEqual(classified.length);
        expect(sum).toBe(classified.reduce((a, t) => a + Math.max(1, new Set(t.leads).size), 0));
        for (const d of view) {
          expect(CATEGORIES.reduce((a, c) => a + d.counts[c], 0)).toBe(d.total);
          const own = classified.filter((t) => (t.leads.length === 0 ? [NO_LEAD] : t.leads).includes(d.name));
          expect(d.total).toBe(own.length);
          expect(d.light).toBe(lightOf(own));
          const exact = ((d.counts.completed + d.counts.onTrack) / d.total) * 100;
          expect(Math.abs(Number(d.share) - exact)).toBeLessThanOrEqual(0.5 * 10 ** -2 + 1e-9);
        }
      }),
    );
  });

  it("lights by the rules on constructed departments (property)", () => {
    fc.assert(
      fc.property(arbitraryTasks, (tasks) => {
        for (const d of departmentView(tasks, { decimals: 2 })) {
          const own = tasks.filter((t) => t.category !== null && (t.leads.length === 0 ? [NO_LEAD] : t.leads).includes(d.name));
          const expected = own.some((t) => t.category === "missed")
            ? "red"
            : own.some((t) => t.category === "pending" || (t.category === "suspended" && t.reason === ""))
              ? "yellow"
              : "green";
          expect(d.light).toBe(expected);
        }
      }),
    );
  });
});
