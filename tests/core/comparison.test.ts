import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { InputError, analyse, composeNotice, noticeText, type CellValue, type Category, type Task } from "../../src/core";
import { PreviousWorkbookError, compareWithPrevious, previousPeriod } from "../../src/core/comparison";
import { findTableInSheet } from "../../src/core/table";
import { CHANGE_CLASSES, changeClass, classifyMatches, matchByNumberAndText, matchByRow, matchingText } from "../../src/core/task-matching";
import { book, row, sheet, trackingSheet } from "../helpers/grid";
import { CATEGORIES } from "../../src/core/types";
import { makeTask } from "../helpers/task";

const TODAY = "2025-10-20";

/** A yearly ledger: 二季度 and 三季度 status columns side by side, shared reason column. */
function ledger(rows: [number, string, string, string, string][], title = "2025年重点工作任务推进台账"): ReturnType<typeof sheet> {
  return sheet("台账", [
    [title],
    ["序号", "重点工作任务", "牵头单位", "二季度状态", "三季度状态", "存在问题"],
    ...rows.map(([n, task, lead, q2, q3]) => [n, task, lead, q2, q3, q3 === "未完成" ? "资金未到位" : null] as CellValue[]),
  ]);
}

describe("the previous quarter from the ledger's own columns", () => {
  const wb = book(
    ledger([
      [1, "任务一", "区发改局", "未完成", "未完成"],
      [2, "任务二", "区住建局", "序时推进", "未完成"],
      [3, "任务三", "区财政局", "未完成", "已完成"],
      [4, "任务四", "区商务局", "未完成", "暂不实施"],
      [5, "任务五", "区商务局", "序时推进", "序时推进"],
      [6, "任务六", "区人社局", "序时推进", "暂不实施"],
    ]),
  );

  it("classes every task by the same row's statuses", () => {
    const a = analyse(wb, { today: TODAY });
    expect(a.period.quarter).toBe(3);
    expect(a.comparison).not.toBeNull();
    const c = a.comparison!;
    expect(c.previous).toEqual({ year: 2025, quarter: 2, source: "columns", sheet: "台账" });
    expect(c.stillMissed).toEqual(["1"]);
    expect(c.newlyMissed).toEqual(["2"]);
    expect(c.resolved).toEqual(["3"]);
    expect(c.newlySuspended).toEqual(["4", "6"]);
    expect(c.unchanged).toEqual(["5"]);
    expect(c.unmatched).toEqual([]);
    expect(c.previousTasks.map((t) => t.category)).toEqual(["missed", "onTrack", "missed", "missed", "onTrack", "onTrack"]);
  });

  it("has nothing to compare in the first quarter column (一季度's previous is last year's 四季度)", () => {
    const first = book(
      sheet("台账", [
        ["2025年重点工作任务推进台账"],
        ["序号", "重点工作任务", "牵头单位", "一季度状态", "四季度状态"],
        [1, "任务一", "区发改局", "未完成", null],
      ]),
    );
    expect(analyse(first, { today: TODAY, settings: { quarter: 1 } }).comparison).toBeNull();
  });

  it("reads a 上季度状态 column as the quarter before", () => {
    const s = sheet("调度表", [
      ["2025年三季度调度表"],
      ["序号", "重点工作任务", "牵头单位", "上季度完成状态", "完成状态"],
      [1, "任务一", "区发改局", "未完成", "未完成"],
      [2, "任务二", "区发改局", "未完成", "序时推进"],
    ]);
    const c = analyse(book(s), { today: TODAY }).comparison!;
    expect(c.previous.source).toBe("columns");
    expect(c.previous.quarter).toBe(2);
    expect(c.stillMissed).toEqual(["1"]);
    expect(c.resolved).toEqual(["2"]);
  });

  it("takes an empty 二季度 column for no previous quarter, and refuses a named sheet without statuses", () => {
    const empty = ledger([
      [1, "任务一", "区发改局", "", "未完成"],
      [2, "任务二", "区发改局", "", "序时推进"],
    ]);
    expect(analyse(book(empty), { today: TODAY }).comparison).toBeNull();
    expect(() => analyse(book(empty), { today: TODAY, previousSheet: "台账" })).toThrow(/上季度工作表“台账”就是本季度的调度表，其中没有填有2025年二季度完成状态的列/);
    const blank = trackingSheet([row(1, "任务一", "区发改局", "")], "空状态", "2025年二季度调度表");
    const current = trackingSheet([row(1, "任务一", "区发改局", "未完成")]);
    expect(() => analyse(book(current, blank), { today: TODAY, previousSheet: "空状态" })).toThrow(/上季度工作表“空状态”的完成状态列（完成状态）没有可识别的状态/);
    // Found by its title only when it has statuses: no comparison, no refusal.
    expect(analyse(book(current, blank), { today: TODAY }).comparison).toBeNull();
  });

  it("is null without any previous quarter at hand (a single quarter's sheet)", () => {
    expect(analyse(book(trackingSheet([row(1, "任务", "区发改局", "未完成")])), { today: TODAY }).comparison).toBeNull();
  });
});

const q2Sheet = (rows: CellValue[][], name = "二季度调度表") => trackingSheet(rows, name, "2025年《政府工作报告》重点工作任务二季度进展情况调度表");

describe("the previous quarter from another sheet or workbook", () => {
  const current = trackingSheet([
    row(1, "任务一", "区发改局", "未完成"),
    row(2, "任务二（新表述）", "区发改局", "未完成"),
    row(3, "任务三", "区发改局", "序时推进"),
    row(4, "全新任务", "区发改局", "序时推进"),
  ]);
  const previous = q2Sheet([
    row(1, "任务一。", "区发改局", "未完成"),
    row(2, "任务二", "区发改局", "序时推进"),
    row(9, "任务 三", "区发改局", "未完成"),
  ]);

  it("finds a sheet stating the previous quarter and matches by number and text, then by unique text", () => {
    const a = analyse(book(current, previous), { today: TODAY });
    const c = a.comparison!;
    expect(c.previous).toEqual({ year: 2025, quarter: 2, source: "sheet", sheet: "二季度调度表" });
    expect(c.stillMissed).toEqual(["1"]);
    // Number 2 with another text, and no equal text elsewhere: unmatched, not guessed.
    expect(c.unmatched).toEqual(["2", "4"]);
    // Number 3 was 9 last quarter: the same text matches it.
    expect(c.resolved).toEqual(["3"]);
    const issues = a.issues.filter((i) => i.code === "unmatched-task");
    expect(issues.map((i) => i.cell)).toEqual(["调度表!B4", "调度表!B6"]);
    expect(issues[0]!.message).toContain("第2项在上季度（工作表“二季度调度表”）中找不到对应任务");
    expect(issues[0]!.severity).toBe("info");
  });

  it("takes a named sheet before the ledger's columns", () => {
    const c = analyse(book(current, q2Sheet([row(1, "任务一", "区发改局", "序时推进"), row(3, "任务三", "区发改局", "序时推进")], "旧表")), { today: TODAY, previousSheet: "旧表" }).comparison!;
    expect(c.previous.source).toBe("sheet");
    expect(c.previous.sheet).toBe("旧表");
    expect(c.newlyMissed).toEqual(["1"]);
  });

  it("refuses a named sheet that is missing, has no table, or is this quarter", () => {
    const run = (name: string, ...extra: ReturnType<typeof sheet>[]) => () => analyse(book(current, ...extra), { today: TODAY, previousSheet: name });
    expect(run("无此表")).toThrow(/找不到上季度工作表“无此表”/);
    expect(run("空表", sheet("空表", [["备注"]]))).toThrow(/上季度工作表“空表”中找不到调度表/);
    expect(run("又一张", trackingSheet([row(1, "任务一", "区发改局", "未完成")], "又一张"))).toThrow(/上季度工作表“又一张”是2025年三季度的调度表，与本次通报的季度相同/);
    expect(run("调度表")).toThrow(InputError);
  });

  it("reads another workbook as the previous quarter, and names the file when it cannot", () => {
    const c = analyse(book(current), { today: TODAY, previous: book(previous) }).comparison!;
    expect(c.previous).toEqual({ year: 2025, quarter: 2, source: "file", sheet: "二季度调度表" });
    expect(c.stillMissed).toEqual(["1"]);
    let error: unknown;
    try {
      analyse(book(current), { today: TODAY, previous: book(current) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PreviousWorkbookError);
    expect((error as PreviousWorkbookError).forFile("q3.xlsx")).toMatch(/^q3\.xlsx（工作表“调度表”）是2025年三季度的调度表，与本次通报的季度相同/);
    expect((error as Error).message).toMatch(/^上季度工作簿（工作表“调度表”）是/);
  });

  it("takes a previous quarter with another list of tasks (fewer than half matching) for none when found by itself, and refuses it when named", () => {
    const other = q2Sheet([row(1, "另一项任务", "区发改局", "未完成"), row(2, "又一项任务", "区发改局", "未完成"), row(3, "任务三", "区发改局", "未完成")]);
    expect(analyse(book(current, other), { today: TODAY }).comparison).toBeNull();
    expect(() => analyse(book(current, other), { today: TODAY, previousSheet: "二季度调度表" })).toThrow(
      /上季度工作表“二季度调度表”与本季度的任务对不上（4项任务中只有1项能按序号和任务内容对应）/,
    );
    let error: unknown;
    try {
      analyse(book(current), { today: TODAY, previous: book(other) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PreviousWorkbookError);
    expect((error as PreviousWorkbookError).forFile("q2.xlsx")).toMatch(/^q2\.xlsx（工作表“二季度调度表”）与本季度的任务对不上/);
    // Half the tasks matching is the same list (the case above: 2 of 4).
    expect(analyse(book(current, previous), { today: TODAY }).comparison).not.toBeNull();
  });

  it("takes 四季度 of the year before for 一季度 only from a sheet saying so", () => {
    expect(previousPeriod({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
    const q1 = trackingSheet([row(1, "任务一", "区发改局", "未完成")], "一季度", "2026年一季度调度表");
    const q4 = trackingSheet([row(1, "任务一", "区发改局", "未完成")], "四季度", "2025年四季度调度表");
    const thisYearQ4 = trackingSheet([row(1, "任务一", "区发改局", "未完成")], "四季度", "2026年四季度调度表");
    const c = analyse(book(q1, q4), { today: TODAY, sheet: "一季度" }).comparison!;
    expect(c.previous).toMatchObject({ year: 2025, quarter: 4, source: "sheet" });
    expect(c.stillMissed).toEqual(["1"]);
    expect(analyse(book(q1, thisYearQ4), { today: TODAY, sheet: "一季度" }).comparison).toBeNull();
  });
});

function task(id: number, category: Category | null, text = `任务${id}`, row = id): Task {
  return makeTask(id, category, { text, row });
}

describe("matching and classes", () => {
  it("orders the classes: missed first, then newly suspended, then resolved", () => {
    expect(changeClass("missed", "missed")).toBe("stillMissed");
    expect(changeClass("missed", null)).toBe("newlyMissed");
    expect(changeClass("suspended", "missed")).toBe("newlySuspended");
    expect(changeClass("suspended", "suspended")).toBe("unchanged");
    expect(changeClass("completed", "missed")).toBe("resolved");
    expect(changeClass("pending", "missed")).toBe("unchanged");
    expect(changeClass(null, "missed")).toBe("unchanged");
  });

  it("normalises text for matching: spaces, punctuation and full-width forms do not count", () => {
    expect(matchingText("推进 城中村改造，（一期）。")).toBe(matchingText("推进城中村改造(一期)"));
    expect(matchingText("ＡＢ１")).toBe("ab1");
  });

  it("does not match a text that stands twice, and uses a previous task once", () => {
    const m = matchByNumberAndText([task(1, "missed", "同名"), task(2, "missed", "同名"), task(3, "missed", "唯一")], [task(7, "missed", "同名"), task(8, "missed", "唯一"), task(9, "missed", "唯一")]);
    expect(m.map((x) => x.previous?.id ?? null)).toEqual([null, null, null]);
    const n = matchByNumberAndText([task(1, "missed", "甲"), task(2, "missed", "甲")], [task(1, "missed", "甲")]);
    expect(n.map((x) => [x.previous?.id ?? null, x.rule])).toEqual([["1", "number"], [null, null]]);
  });

  const categoryArb = fc.constantFrom<Category | null>(...CATEGORIES, null);
  const tasksArb = fc.array(fc.record({ now: categoryArb, before: categoryArb, text: fc.constantFrom("甲", "乙", "丙", "丁", ""), renumber: fc.integer({ min: 0, max: 3 }), present: fc.boolean() }), {
    maxLength: 30,
  });

  it("puts every task in exactly one class, and the classes add up (property)", () => {
    fc.assert(
      fc.property(tasksArb, fc.boolean(), (specs, byRow) => {
        const current = specs.map((s, i) => task(i + 1, s.now, s.text, i + 10));
        const previous = specs.flatMap((s, i) => (s.present ? [task(i + 1 + s.renumber, s.before, s.text, i + 10)] : []));
        const matches = byRow ? matchByRow(current, previous) : matchByNumberAndText(current, previous);
        const lists = classifyMatches(matches);
        const all = CHANGE_CLASSES.flatMap((c) => lists[c]);
        expect([...all].sort()).toEqual(current.map((t) => t.id).sort());
        const matched = matches.filter((m) => m.previous !== null);
        const prevOf = new Map(matched.map((m) => [m.current.id, m.previous!]));
        // A previous task is used once.
        expect(new Set(matched.map((m) => m.previous)).size).toBe(matched.length);
        const missedMatched = matched.filter((m) => m.current.category === "missed").map((m) => m.current.id);
        expect([...lists.stillMissed, ...lists.newlyMissed].sort()).toEqual(missedMatched.sort());
        for (const id of lists.resolved) expect(prevOf.get(id)!.category).toBe("missed");
        for (const id of lists.stillMissed) expect(prevOf.get(id)!.category).toBe("missed");
        for (const id of lists.newlySuspended) expect(prevOf.get(id)!.category).not.toBe("suspended");
        expect(lists.unmatched.length).toBe(current.length - matched.length);
        // Matched by text only when the texts agree.
        for (const m of matched) if (m.rule === "text") expect(matchingText(m.previous!.text)).toBe(matchingText(m.current.text));
      }),
    );
  });
});

describe("the comparison beside the table finder", () => {
  it("reads the previous quarter's rows as the same tasks even where they are empty", () => {
    const s = ledger([
      [1, "任务一", "区发改局", "", "未完成"],
      [2, "任务二", "区发改局", "序时推进", "未完成"],
    ]);
    const table = findTableInSheet(s)!;
    const tasks = analyse(book(s), { today: TODAY }).tasks;
    const c = compareWithPrevious(book(s), table, tasks, {})!;
    expect(c.newlyMissed).toEqual(["1", "2"]);
    expect(c.previousTasks.map((t) => t.category)).toEqual([null, "onTrack"]);
  });
});

describe("a yearly ledger's comparison end to end (property)", () => {
  const statusArb = fc.constantFrom("已完成", "序时推进", "未完成", "暂不实施", "待确定");
  it("classes every task once, by the same row, and the notice states the change the counts give", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(statusArb, statusArb), { minLength: 1, maxLength: 25 }), (pairs) => {
        const s = ledger(pairs.map(([q2, q3], i) => [i + 1, `任务${i + 1}`, "区发改局", q2, q3]));
        const a = analyse(book(s), { today: TODAY });
        const c = a.comparison!;
        expect(c.previous.source).toBe("columns");
        const lists = [c.stillMissed, c.newlyMissed, c.resolved, c.newlySuspended, c.unchanged, c.unmatched];
        expect(lists.flat().sort()).toEqual(a.tasks.map((t) => t.id).sort());
        expect(c.unmatched).toEqual([]);
        const before = (id: string) => pairs[Number(id) - 1]![0];
        expect(c.stillMissed.length + c.newlyMissed.length).toBe(a.statistics.counts.missed);
        for (const id of c.stillMissed) expect(before(id)).toBe("未完成");
        for (const id of c.newlyMissed) expect(before(id)).not.toBe("未完成");
        for (const id of c.resolved) expect(before(id)).toBe("未完成");
        const missedBefore = pairs.filter(([q2]) => q2 === "未完成").length;
        const change = a.statistics.counts.missed - missedBefore;
        const notice = noticeText(composeNotice(a, { today: TODAY }));
        const sentence = change > 0 ? `未完成任务较二季度增加${change}项。` : change < 0 ? `未完成任务较二季度减少${-change}项。` : "未完成任务与二季度持平。";
        expect(notice).toContain(sentence);
        expect(notice.includes("连续两个季度未完成")).toBe(c.stillMissed.length > 0);
      }),
      { numRuns: 60 },
    );
  });
});
