import { describe, expect, it } from "vitest";
import { findTableInSheet } from "../../src/core/table";
import { parseTaskNumber, readTasks, splitDepartments } from "../../src/core/tasks";
import { row, sheet, trackingSheet, HEADER } from "../helpers/grid";

describe("task numbers", () => {
  it("reads the forms departments write", () => {
    expect(["30", "第30项", "第３０项", "30.", "（30）", "第三十项", 30, " 30 "].map(parseTaskNumber)).toEqual([30, 30, 30, 30, 30, 30, 30, 30]);
    expect(["", "合计", "1.5", 0, -3, "第项"].map(parseTaskNumber)).toEqual([null, null, null, null, null, null]);
  });
  it("splits lead departments", () => {
    expect(splitDepartments("区财政局、区自然资源局")).toEqual(["区财政局", "区自然资源局"]);
    expect(splitDepartments("区发改局，区住建局\n区水利局")).toEqual(["区发改局", "区住建局", "区水利局"]);
    expect(splitDepartments("区发改局  区住建局　区水利局")).toEqual(["区发改局", "区住建局", "区水利局"]);
  });
});

describe("reading tasks", () => {
  const read = (s: ReturnType<typeof sheet>) => readTasks(s, findTableInSheet(s)!).tasks;

  it("reads sub-items under a merged number as 1-5 and shows them as 第1项的⑤", () => {
    const s = trackingSheet([
      row(1, "①地区生产总值增长6%。", "区发改局", "序时推进"),
      row(null, "②一般公共预算收入增长5%。", "区财政局", "序时推进"),
      row(null, "③规上工业增加值增长7%。", "区工信局", "序时推进"),
      row(null, "④固定资产投资增长8%。", "区发改局", "序时推进"),
      row(null, "⑤居民人均可支配收入增长5.5%。", "区发改局", "待确定"),
      row(2, "任务二", "区住建局", "滞后"),
    ]);
    const s2 = { ...s, merges: [...s.merges, { row: 2, col: 0, rowCount: 5, colCount: 1 }] };
    const tasks = read(s2);
    expect(tasks.map((t) => t.id)).toEqual(["1-1", "1-2", "1-3", "1-4", "1-5", "2"]);
    expect(tasks[4]).toMatchObject({ label: "第1项的⑤", text: "居民人均可支配收入增长5.5%。", category: "pending", row: 6 });
  });

  it("numbers sub-rows of a merged number without circled digits by position", () => {
    const s = trackingSheet([row(7, "子任务甲", "区商务局", "序时推进"), row(null, "子任务乙", "区商务局", "未完成")]);
    const tasks = read({ ...s, merges: [...s.merges, { row: 2, col: 0, rowCount: 2, colCount: 1 }] });
    expect(tasks.map((t) => t.label)).toEqual(["第7项的①", "第7项的②"]);
  });

  it("fills a department merged over rows down to each row", () => {
    const s = trackingSheet([row(1, "甲", "区水利局", "序时推进"), row(2, "乙", "", "滞后")]);
    const tasks = read({ ...s, merges: [...s.merges, { row: 2, col: 2, rowCount: 2, colCount: 1 }] });
    expect(tasks.map((t) => t.leadText)).toEqual(["区水利局", "区水利局"]);
  });

  it("skips blank rows, keeps rows with a status only, and normalises text", () => {
    const tasks = read(trackingSheet([row("第１项", "  加快\n建设 ", "区发改局、区住建局", " 序时 推进 "), [], [null, null, null, null, null, null], row(null, "", "", "滞后")]));
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({ id: "1", text: "加快建设", leads: ["区发改局", "区住建局"], category: "onTrack" });
    expect(tasks[1]).toMatchObject({ id: "R6", number: null, label: "未编号任务（第6行）", category: "missed" });
  });

  it("never takes a formula-looking reason for anything but text", () => {
    const tasks = read(trackingSheet([row(3, "任务", "区发改局", "未完成", { reason: "=HYPERLINK(\"x\")", next: "-补齐材料" })]));
    expect(tasks[0]).toMatchObject({ reason: '=HYPERLINK("x")', nextSteps: "-补齐材料" });
  });

  it("reads from the header's own columns when the table does not start at A", () => {
    const s = sheet("偏移", [[], [null, null, ...HEADER], [null, null, ...row(5, "任务", "区教体局", "已完成")]]);
    expect(read(s)[0]).toMatchObject({ id: "5", leadText: "区教体局", category: "completed", row: 2 });
  });
});

describe("reading tasks from less tidy sheets", () => {
  const read = (s: ReturnType<typeof sheet>) => readTasks(s, findTableInSheet(s)!).tasks;

  it("splits departments written one a line in a cell, and keeps a department with a single space whole", () => {
    const tasks = read(trackingSheet([row(1, "甲", "区财政局\n区自然资源局", "序时推进"), row(2, "乙", "市生态环境局 淄川分局", "序时推进")]));
    expect(tasks[0]).toMatchObject({ leads: ["区财政局", "区自然资源局"], leadText: "区财政局、区自然资源局" });
    expect(tasks[1]!.leads).toEqual(["市生态环境局 淄川分局"]);
  });

  it("gives a status, reason and next steps merged over several rows to each of those rows", () => {
    const s = trackingSheet([
      row(1, "①甲", "区发改局", "未完成", { reason: "资金未到位", next: "争取资金" }),
      row(null, "②乙", "区发改局", "", { reason: "", next: "" }),
    ]);
    const merged = { ...s, merges: [...s.merges, { row: 2, col: 0, rowCount: 2, colCount: 1 }, ...[5, 6, 7].map((col) => ({ row: 2, col, rowCount: 2, colCount: 1 }))] };
    const tasks = read(merged);
    expect(tasks.map((t) => [t.id, t.category, t.reason, t.nextSteps])).toEqual([
      ["1-1", "missed", "资金未到位", "争取资金"],
      ["1-2", "missed", "资金未到位", "争取资金"],
    ]);
  });

  it("skips section headings, total rows and a repeated header, but not a task numbered in Chinese numerals", () => {
    const tasks = read(
      trackingSheet([
        ["一", "扩大有效投资", null, null, null, null, null, null],
        row(1, "甲", "区发改局", "序时推进"),
        ["二、", "建设宜居城市", null, null, null, null, null, null],
        [...HEADER],
        row("第二项", "乙", "区住建局", "滞后"),
        ["合计", null, null, null, null, "2项", null, null],
        [null, "小 计", null, null, null, null, null, null],
      ]),
    );
    expect(tasks.map((t) => t.label)).toEqual(["第1项", "第2项"]);
  });

  it("skips a heading merged across the table, but keeps a task whose status is merged from above", () => {
    const s = trackingSheet([
      ["填报单位：区发改局", null, null, null, null, null, null, null],
      row(1, "甲", "区发改局", "序时推进"),
      row(2, "乙", "区发改局", ""),
    ]);
    const tasks = read({ ...s, merges: [...s.merges, { row: 2, col: 0, rowCount: 1, colCount: 8 }, { row: 3, col: 5, rowCount: 2, colCount: 1 }] });
    expect(tasks.map((t) => [t.label, t.category])).toEqual([
      ["第1项", "onTrack"],
      ["第2项", "onTrack"],
    ]);
  });
});
