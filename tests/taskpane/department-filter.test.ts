import { describe, expect, it } from "vitest";
import { NO_LEAD, analyse } from "../../src/core";
import { activeDepartment, belongsTo, narrow } from "../../src/taskpane/department-filter";
import { book, row, trackingSheet } from "../helpers/grid";

const analysis = analyse(
  book(
    trackingSheet([
      row(1, "任务一", "区发改局", "已完成"),
      row(2, "任务二", "区发改局、区财政局", "未完成", { next: "推进" }),
      row(3, "任务三", "区财政局", "未完成", { reason: "资金未到位", next: "加快拨付" }),
      row(4, "任务四", "区住建局", "未完成", { next: "推进" }),
      row(5, "任务五", "", "已完成"),
      row(6, "任务六", "区住建局", "进行中"),
    ]),
  ),
  { today: "2025-10-29" },
);

describe("the department filter", () => {
  it("puts a task with two leads in both departments, and a task without a lead in NO_LEAD", () => {
    const two = analysis.tasks.find((t) => t.id === "2")!;
    expect(belongsTo(two, "区发改局")).toBe(true);
    expect(belongsTo(two, "区财政局")).toBe(true);
    expect(belongsTo(two, "区住建局")).toBe(false);
    expect(belongsTo(analysis.tasks.find((t) => t.id === "5")!, NO_LEAD)).toBe(true);
  });

  it("shows everything when no department is chosen", () => {
    const all = narrow(analysis, null);
    expect(all.issues).toEqual(analysis.issues);
    expect(all.missed.map((t) => t.id)).toEqual(["2", "3", "4"]);
  });

  it("narrows the missed tasks and the problems to the department's task rows", () => {
    const finance = narrow(analysis, "区财政局");
    expect(finance.missed.map((t) => t.id)).toEqual(["2", "3"]);
    // Task 2 has no reason: its problem is the finance bureau's (and the development bureau's) too.
    expect(finance.issues.map((i) => i.cell)).toEqual(["调度表!G4"]);
    const housing = narrow(analysis, "区住建局");
    expect(housing.missed.map((t) => t.id)).toEqual(["4"]);
    // The unknown status of task 6 and the missing reason of task 4, nothing of other departments.
    expect(housing.issues.map((i) => i.cell).sort()).toEqual(["调度表!F8", "调度表!G6"]);
    expect(narrow(analysis, "区发改局").issues.map((i) => i.cell)).toEqual(["调度表!G4"]);
    // The task without a lead: its own problem (empty lead) only.
    expect(narrow(analysis, NO_LEAD).issues.map((i) => i.code)).toEqual(["empty-lead"]);
  });

  it("keeps a choice only while the analysis has that department", () => {
    expect(activeDepartment(analysis, "区财政局")).toBe("区财政局");
    expect(activeDepartment(analysis, "区教体局")).toBeNull();
    expect(activeDepartment(null, "区财政局")).toBeNull();
    expect(activeDepartment(analysis, null)).toBeNull();
  });
});
