import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CATEGORIES,
  DEPARTMENT_MARKER,
  LIGHT_FILLS,
  LIGHT_RULES,
  departmentNote,
  departmentView,
  planDepartmentSheet,
  prepareNotice,
  type Analysis,
  type CellRange,
  type Comparison,
  type SheetPlan,
} from "../../src/core";
import { book, row, sheet, trackingSheet } from "../helpers/grid";

/** Every cell the plan writes: `row,col` → the text or number, and the style's fill. */
function cellsOf(plan: SheetPlan): Map<string, { value: string | number; fill: string | undefined; format: string | null }> {
  const cells = new Map<string, { value: string | number; fill: string | undefined; format: string | null }>();
  const put = (r: number, c: number, value: string | number, fill: string | undefined, format: string | null) => {
    const key = `${r},${c}`;
    expect(cells.has(key), `cell ${key} written twice`).toBe(false);
    cells.set(key, { value, fill, format });
  };
  for (const b of plan.blocks) b.texts.forEach((texts, i) => texts.forEach((t, j) => put(b.row + i, b.col + j, t, b.style.fill, null)));
  for (const n of plan.numbers ?? []) n.values.forEach((values, i) => values.forEach((v, j) => put(n.row + i, n.col + j, v, n.style.fill, n.numberFormat)));
  return cells;
}

const rowValues = (plan: SheetPlan, r: number) => {
  const cells = cellsOf(plan);
  const out: (string | number | undefined)[] = [];
  for (let c = 0; c < plan.columnWidths.length; c++) out.push(cells.get(`${r},${c}`)?.value);
  return out;
};

/** The sheet row of the table's header (排名 in column A). */
function headerRowOf(plan: SheetPlan): number {
  const cells = cellsOf(plan);
  const rows = [...cells].filter(([, c]) => c.value === "排名").map(([key]) => Number(key.split(",")[0]));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** Row i of the table: 0 the header, 1 the first department. */
const tableRow = (plan: SheetPlan, i: number) => rowValues(plan, headerRowOf(plan) + i);

function rangeValues(plan: SheetPlan, range: CellRange): (string | number | undefined)[] {
  const cells = cellsOf(plan);
  const out: (string | number | undefined)[] = [];
  for (let r = range.row; r < range.row + range.rowCount; r++) for (let c = range.col; c < range.col + range.colCount; c++) out.push(cells.get(`${r},${c}`)?.value);
  return out;
}

const TASKS = [
  row(1, "甲", "区发改局", "已完成"),
  row(2, "乙", "区发改局", "未完成", { reason: "资金未到位。" }),
  row(3, "丙", "区住房和城乡建设局、区发改局", "序时推进"),
  row(4, "丁", "区住房和城乡建设局", "待确定"),
  row(5, "戊", "区商务局", "已完成"),
  row(6, "己", "区商务局", "序时推进"),
];

const analysisOf = (rows = TASKS, title?: string, settings = {}): Analysis =>
  prepareNotice(book(trackingSheet(rows, "调度表", title)), { today: "2025-10-29", settings }).analysis;

describe("the department sheet", () => {
  it("is named after the quarter, or 本季度 when it is unknown", () => {
    expect(planDepartmentSheet(analysisOf()).name).toBe("三季度部门情况");
    expect(planDepartmentSheet(analysisOf(TASKS, "2025年重点工作任务二季度进展情况调度表")).name).toBe("二季度部门情况");
    const known = analysisOf();
    const unknown: Analysis = { ...known, period: { ...known.period, year: null, quarter: null } };
    expect(planDepartmentSheet(unknown).name).toBe("本季度部门情况");
    expect(rowValues(planDepartmentSheet(unknown), 0)[0]).toBe("本季度各部门重点工作任务完成情况");
  });

  it("holds a title, the header and one row per department in rank order, the light as its word on its fill", () => {
    const plan = planDepartmentSheet(analysisOf());
    expect(rowValues(plan, 0)[0]).toBe("2025年三季度各部门重点工作任务完成情况");
    expect(tableRow(plan, 0)).toEqual(["排名", "牵头部门", "任务数", "已完成", "序时推进", "未完成", "暂不实施", "待确定", "完成及序时推进占比（%）", "灯", undefined]);
    // 区商务局 2/2; 区发改局 2/3 with a missed task; 区住房和城乡建设局 1/2 with a pending one.
    expect(tableRow(plan, 1)).toEqual([1, "区商务局", 2, 1, 1, 0, 0, 0, 100, "绿", undefined]);
    expect(tableRow(plan, 2)).toEqual([2, "区发改局", 3, 1, 1, 1, 0, 0, 66.67, "红", undefined]);
    expect(tableRow(plan, 3)).toEqual([3, "区住房和城乡建设局", 2, 0, 1, 0, 0, 1, 50, "黄", undefined]);
    expect(tableRow(plan, 4)[0]).toBe(departmentNote(LIGHT_RULES));
    expect(tableRow(plan, 4).slice(1).every((v) => v === undefined)).toBe(true);

    const cells = cellsOf(plan);
    const first = headerRowOf(plan) + 1;
    expect([0, 1, 2].map((i) => cells.get(`${first + i},9`)?.fill)).toEqual([LIGHT_FILLS.green, LIGHT_FILLS.red, LIGHT_FILLS.yellow]);
    expect(cells.get(`${first},8`)?.format).toBe("0.00");
    expect(cells.get(`${first},1`)?.format).toBeNull(); // names are text
    // Nothing else is written: title, header, three departments, the note.
    expect(cells.size).toBe(1 + 10 + 3 * 10 + 1);
    expect(new Set(Object.values(LIGHT_FILLS)).size).toBe(3);
    // The table is ruled; the title is not.
    const table = (b: { row: number }) => b.row >= headerRowOf(plan) && b.row <= headerRowOf(plan) + 3;
    expect(plan.blocks.filter(table).every((b) => b.style.border === "thin")).toBe(true);
    expect(plan.blocks.filter((b) => !table(b)).map((b) => b.style.border)).toEqual([undefined, undefined]);
    expect(plan.merges).toEqual([
      { row: 0, col: 0, rowCount: 1, colCount: 10 },
      { row: headerRowOf(plan) + 4, col: 0, rowCount: 1, colCount: 10 },
    ]);
  });

  it("writes the shares with the settings' decimals", () => {
    const plan = planDepartmentSheet(analysisOf(TASKS, undefined, { decimals: 1 }));
    expect(cellsOf(plan).get(`${headerRowOf(plan) + 2},8`)).toEqual({ value: 66.7, fill: undefined, format: "0.0" });
    expect(planDepartmentSheet(analysisOf(TASKS, undefined, { decimals: 0 })).numbers?.find((n) => n.col === 8)?.numberFormat).toBe("0");
  });

  it("plots the shares in a bar chart whose ranges are exactly the name and share cells, rank 1 at the top, above the table", () => {
    const plan = planDepartmentSheet(analysisOf());
    expect(plan.charts).toHaveLength(1);
    const chart = plan.charts![0]!;
    expect(chart.kind).toBe("bar");
    expect(chart.reverseCategories).toBe(true);
    expect(chart.valueAxis).toEqual({ min: 0, max: 100, numberFormat: "0" });
    expect(chart.categories).toEqual({ row: headerRowOf(plan) + 1, col: 1, rowCount: 3, colCount: 1 });
    expect(rangeValues(plan, chart.categories)).toEqual(["区商务局", "区发改局", "区住房和城乡建设局"]);
    expect(chart.series.map((s) => s.name)).toEqual(["完成及序时推进占比"]);
    expect(rangeValues(plan, chart.series[0]!.values)).toEqual([100, 66.67, 50]);
    // Under the title, as wide as the table, before the header; the print area ends with the table.
    expect(chart.anchor).toEqual({ row: 1, col: 0, rowCount: chart.anchor.rowCount, colCount: 10 });
    expect(chart.anchor.row + chart.anchor.rowCount).toBeLessThan(headerRowOf(plan));
    expect(plan.pageSetup.printArea).toEqual({ row: 0, col: 0, rowCount: headerRowOf(plan) + 5, colCount: 10 });
  });

  it("grows the chart with the number of departments up to what the first page holds, and has every row's height", () => {
    const many = Array.from({ length: 30 }, (_, i) => row(i + 1, `任务${i + 1}`, `区第${i + 1}局`, i % 3 === 0 ? "未完成" : "已完成", { reason: "原因" }));
    const small = planDepartmentSheet(analysisOf());
    const big = planDepartmentSheet(analysisOf(many));
    expect(big.charts![0]!.anchor.rowCount).toBeGreaterThan(small.charts![0]!.anchor.rowCount * 3);
    const heights = new Map(big.rowHeights.map((h) => [h.row, h.height]));
    const chart = big.charts![0]!.anchor;
    const area = big.pageSetup.printArea;
    for (let r = 0; r < area.row + area.rowCount; r++) expect(heights.get(r), `row ${r}`).toBeGreaterThan(0);
    expect(big.rowHeights).toHaveLength(area.rowCount);
    // The chart's height in points gives each bar at least 16 pt.
    const pt = (p: SheetPlan, from: number, to: number) => p.rowHeights.filter((h) => h.row >= from && h.row < to).reduce((a, h) => a + h.height, 0);
    expect(pt(big, chart.row, chart.row + chart.rowCount) / 30).toBeGreaterThanOrEqual(16);
    // Title and chart fit on the first page (A4 less the margins), also for 80 departments.
    const most = Array.from({ length: 80 }, (_, i) => row(i + 1, `任务${i + 1}`, `区第${i + 1}局`, "已完成"));
    const huge = planDepartmentSheet(analysisOf(most));
    const m = huge.pageSetup.margins;
    const page = (297 / 25.4 - m.top - m.bottom) * 72;
    const hugeChart = huge.charts![0]!.anchor;
    expect(pt(huge, 0, hugeChart.row + hugeChart.rowCount)).toBeLessThanOrEqual(page);
    expect(pt(huge, 0, hugeChart.row + hugeChart.rowCount)).toBeGreaterThan(page - 40);
  });

  it("widens the name column for long names and wraps the longest", () => {
    const long = "区住房和城乡建设局（区人民防空办公室）（区城市管理综合执法局）";
    const plan = planDepartmentSheet(analysisOf([row(1, "甲", long, "已完成"), row(2, "乙", "区商务局", "已完成")]));
    const narrow = planDepartmentSheet(analysisOf([row(1, "甲", "区商务局", "已完成")]));
    expect(plan.columnWidths[1]).toBeGreaterThan(narrow.columnWidths[1]!);
    expect(plan.blocks.find((b) => b.col === 1 && b.row === headerRowOf(plan) + 1)?.style.wrap).toBe(true);
    const height = (p: SheetPlan, name: string) => p.rowHeights.find((h) => h.row === [1, 2].map((i) => headerRowOf(p) + i).find((r) => rowValues(p, r)[1] === name))!.height;
    expect(height(plan, long)).toBeGreaterThan(height(plan, "区商务局"));
  });

  it("adds the change of missed tasks when there is a previous quarter", () => {
    const analysis = analysisOf();
    const previous = prepareNotice(book(trackingSheet([row(1, "甲", "区发改局", "未完成", { reason: "r" }), row(2, "乙", "区发改局", "未完成", { reason: "r" }), row(5, "戊", "区商务局", "已完成"), row(6, "己", "区商务局", "未完成", { reason: "r" })])), { today: "2025-10-29" }).analysis;
    const comparison: Comparison = {
      previous: { year: 2025, quarter: 2, source: "sheet", sheet: "二季度调度表" },
      stillMissed: [],
      newlyMissed: [],
      resolved: [],
      newlySuspended: [],
      unchanged: [],
      unmatched: [],
      previousTasks: previous.tasks,
    };
    const compared: Analysis = { ...analysis, comparison, departments: departmentView(analysis.tasks, { decimals: 2, previousTasks: previous.tasks }) };
    const plan = planDepartmentSheet(compared);
    expect(tableRow(plan, 0)[10]).toBe("未完成较上季度");
    expect([1, 2, 3].map((i) => [tableRow(plan, i)[1], tableRow(plan, i)[10]])).toEqual([
      ["区商务局", -1],
      ["区发改局", -1],
      ["区住房和城乡建设局", 0],
    ]);
    expect(cellsOf(plan).get(`${headerRowOf(plan) + 1},10`)?.format).toBe("+0;-0;0");
    expect(plan.merges.map((m) => m.colCount)).toEqual([11, 11]);
    expect(plan.charts![0]!.anchor.colCount).toBe(11);
  });

  it("carries its marker in a hidden column, prints on A4 one page wide without gridlines", () => {
    const plan = planDepartmentSheet(analysisOf());
    expect(plan.marker).toEqual({ row: 0, col: 10, text: DEPARTMENT_MARKER });
    expect(DEPARTMENT_MARKER).toBe("supervision-notice:department-sheet");
    expect(plan.hiddenColumns).toEqual([10]);
    expect(plan.columnWidths).toHaveLength(11);
    expect(plan.showGridlines).toBe(false);
    expect(plan.pageSetup).toMatchObject({ paperSize: "A4", fitToPagesWide: 1 });
    expect(plan.pageSetup.scale).toBeUndefined();
  });

  it("explains the lights by the rules in effect, and the ranks", () => {
    expect(departmentNote(LIGHT_RULES)).toBe(
      "说明：有“未完成”情形的为红灯；有“待确定”“未完成未说明原因”“暂不实施未说明原因”情形之一的为黄灯；其余为绿灯。排名按完成及序时推进占比由高到低，占比相同的未完成任务少者在前，二者都相同的并列。",
    );
    const office = sheet("通报设置", [["项目", "内容"], ["灯：红", "未完成、暂不实施"]]);
    const job = prepareNotice(book(office, trackingSheet(TASKS)), { today: "2025-10-29" });
    const note = departmentNote(job.analysis.lightRules);
    expect(note).toContain("有“未完成”“暂不实施”情形之一的为红灯；");
    expect(tableRow(job.departmentSheet, 4)[0]).toBe(note);
    // The note row is tall enough for its wrapped lines.
    const noteHeight = job.departmentSheet.rowHeights.find((h) => h.row === headerRowOf(job.departmentSheet) + 4)!.height;
    expect(noteHeight).toBeGreaterThanOrEqual(3 * 14);
  });

  it("points the chart at the names and shares of the departments in rank order, one table row each, for any departments (property)", () => {
    const base = analysisOf();
    const names = ["区发改局", "区财政局", "区商务局", "区住房和城乡建设局", "市生态环境局淄川分局", "淄川经济开发区管委会"];
    const tasks = fc.array(fc.record({ category: fc.constantFrom(...CATEGORIES), lead: fc.constantFrom(...names), reason: fc.constantFrom("", "原因") }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(tasks, fc.integer({ min: 0, max: 3 }), (list, decimals) => {
        const built = list.map((t, i) => ({ ...base.tasks[0]!, id: String(i + 1), category: t.category, leads: [t.lead], reason: t.reason }));
        const departments = departmentView(built, { decimals });
        const plan = planDepartmentSheet({ ...base, departments, settings: { ...base.settings, decimals } });
        const chart = plan.charts![0]!;
        expect(rangeValues(plan, chart.categories)).toEqual(departments.map((d) => d.name));
        expect(rangeValues(plan, chart.series[0]!.values)).toEqual(departments.map((d) => Number(d.share)));
        departments.forEach((d, i) => expect(tableRow(plan, i + 1).slice(0, 3)).toEqual([d.rank, d.name, d.total]));
        expect(chart.anchor.row + chart.anchor.rowCount).toBeLessThan(headerRowOf(plan));
      }),
      { numRuns: 50 },
    );
  });

  it("is part of every notice job", () => {
    const job = prepareNotice(book(trackingSheet(TASKS)), { today: "2025-10-29" });
    expect(job.departmentSheet).toEqual(planDepartmentSheet(job.analysis));
  });

  it("marks a draft's title and plans no chart without departments", () => {
    const draft = prepareNotice(book(trackingSheet([...TASKS, row(7, "庚", "区商务局", "")])), { today: "2025-10-29", draft: true });
    expect(rowValues(draft.departmentSheet, 0)[0]).toBe("2025年三季度各部门重点工作任务完成情况（草稿）");
    const none = planDepartmentSheet({ ...analysisOf(), departments: [] });
    expect(none.charts).toEqual([]);
    expect(none.numbers).toEqual([]);
    expect(headerRowOf(none)).toBe(1);
    expect(none.pageSetup.printArea.rowCount).toBe(3);
  });
});
