import { describe, expect, it } from "vitest";
import { InputError, locateTable } from "../../src/core";
import { findTableInSheet } from "../../src/core/table";
import { HEADER, book, row, sheet, trackingSheet } from "../helpers/grid";

describe("finding the tracking table", () => {
  it("finds a one-row header under a merged title and maps every column", () => {
    const t = findTableInSheet(trackingSheet([row(1, "任务", "区发改局", "序时推进")]))!;
    expect(t.headerRows).toEqual([1]);
    expect(t.firstDataRow).toBe(2);
    expect(t.mapping).toEqual({ number: 0, task: 1, lead: 2, quarterTarget: 3, progress: 4, status: 5, reason: 6, nextSteps: 7 });
    expect(t.title).toContain("三季度");
  });

  it("reads a two-row header with merged group cells and line breaks", () => {
    const s = sheet(
      "推进表",
      [
        ["2024年重点工作任务一季度推进情况"],
        ["编号", "工作任务", "责任\n单位", "推进情况", null, "状态", "问题及措施", null],
        [null, null, null, "节点目标", "完成情况", null, "存在问题", "下步措施"],
        ["第1项", "任务一", "区水利局", "目标", "进展", "达进度", "", ""],
      ],
      ["A1:H1", "A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3", "G2:H2"],
    );
    const t = findTableInSheet(s)!;
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.mapping).toMatchObject({ number: 0, task: 1, lead: 2, quarterTarget: 3, progress: 4, status: 5, reason: 6, nextSteps: 7 });
  });

  it("tells a 完成情况 column of status words from one of progress text", () => {
    const header = ["序号", "重点工作", "牵头单位", "进展情况", "完成情况"];
    const asStatus = findTableInSheet(sheet("a", [header, [1, "任务", "区财政局", "已开工", "序时推进"], [2, "任务", "区财政局", "已开工", "滞后"]]))!;
    expect(asStatus.mapping.status).toBe(4);
    expect(asStatus.mapping.progress).toBe(3);
    const asProgress = findTableInSheet(
      sheet("b", [["序号", "重点工作", "牵头单位", "完成情况", "状态"], [1, "任务", "区财政局", "已开工建设", "序时推进"]]),
    )!;
    expect(asProgress.mapping).toMatchObject({ progress: 3, status: 4 });
  });

  it("takes 备注 as the status column only when it holds status words", () => {
    const header = ["序号", "重点工作任务", "牵头部门", "进展情况", "备注"];
    expect(findTableInSheet(sheet("a", [header, [1, "任务", "区财政局", "已开工", "暂不实施"]]))!.mapping.status).toBe(4);
    expect(findTableInSheet(sheet("b", [header, [1, "任务", "区财政局", "已开工", "请于月底前报送"]]))).toBeNull();
  });

  it("uses 责任单位 only when there is no 牵头 column", () => {
    const both = findTableInSheet(sheet("a", [["序号", "重点工作任务", "责任单位", "牵头单位", "状态"], [1, "任务", "甲", "乙", "已完成"]]))!;
    expect(both.mapping.lead).toBe(3);
    const only = findTableInSheet(sheet("b", [["序号", "重点工作任务", "责任单位", "状态"], [1, "任务", "甲", "已完成"]]))!;
    expect(only.mapping.lead).toBe(2);
  });

  it("ends the table at a remark row", () => {
    const s = trackingSheet([row(1, "任务", "区发改局", "序时推进"), [], ["备注：状态请填写规范用语"], row(2, "不是任务", "x", "滞后")]);
    expect(findTableInSheet(s)!.lastDataRow).toBe(2);
  });

  it("picks the tracking sheet among other sheets, and a user override wins", () => {
    const wb = book(sheet("填报说明", [["请各部门于10月10日前报送"]]), trackingSheet([row(1, "任务", "区发改局", "序时推进")], "三季度"));
    expect(locateTable(wb).sheet).toBe("三季度");
    const overridden = locateTable(wb, { mapping: { status: 4 } }).mapping;
    expect(overridden.status).toBe(4);
    expect(overridden.progress).toBeUndefined();
  });

  it("fails with a message naming the sheets when there is no table", () => {
    const wb = book(sheet("Sheet1", [["a", "b"], [1, 2]]));
    expect(() => locateTable(wb)).toThrow(InputError);
    expect(() => locateTable(wb)).toThrow(/Sheet1/);
    expect(() => locateTable(wb, { sheet: "三季度" })).toThrow(/找不到工作表“三季度”/);
  });

  it("does not take a header without a status column", () => {
    expect(findTableInSheet(sheet("a", [HEADER.filter((h) => h !== "完成状态"), [1, "任务", "区发改局"]]))).toBeNull();
  });

  it("reads headers that carry notes: brackets at the end, asterisks, a colon", () => {
    const t = findTableInSheet(
      sheet("注", [["序号", "*重点工作任务", "牵头部门：", "完成状态（已完成/序时推进/未完成）", "未完成原因（未完成的填写）", "下一步工作*"], [1, "甲", "区发改局", "序时推进", "", ""]]),
    )!;
    expect(t.mapping).toEqual({ number: 0, task: 1, lead: 2, status: 3, reason: 4, nextSteps: 5 });
  });

  it("lets a user's column choice rescue a status header it does not know", () => {
    const s = sheet("表", [["序号", "重点工作任务", "牵头部门", "评价"], [1, "甲", "区发改局", "进行中"]]);
    expect(findTableInSheet(s)).toBeNull();
    expect(findTableInSheet(s, { mapping: { status: 3 } })!.mapping).toMatchObject({ number: 0, task: 1, lead: 2, status: 3 });
  });

  it("prefers the sheet with the most status rows over a wider summary sheet", () => {
    const summary = sheet("汇总", [["序号", "重点工作任务", "牵头部门", "配合部门", "年度目标", "完成时限", "进展情况", "状态", "联系人"], [1, "甲", "区发改局", "x", "y", "z", "p", "已完成", "张三"]]);
    const tracking = trackingSheet([row(1, "甲", "区发改局", "已完成"), row(2, "乙", "区发改局", "序时推进"), row(3, "丙", "区发改局", "滞后")], "三季度");
    expect(locateTable(book(summary, tracking)).sheet).toBe("三季度");
  });
});
