import { describe, expect, it } from "vitest";
import { InputError, analyse, buildNotice, noticeText, prepareNotice } from "../../src/core";
import { book, row, trackingSheet } from "../helpers/grid";

const today = "2025-10-29";

function notice(rows: Parameters<typeof trackingSheet>[0], settings = {}) {
  const a = analyse(book(trackingSheet(rows)), { today, settings });
  return buildNotice({ ...a, today });
}

describe("wording the notice", () => {
  const full = [
    row(1, "全域公园建设，新建口袋公园10处。", "区城管局", "已完成"),
    row(2, "任务二。", "区发改局", "序时推进"),
    row(3, "任务三。", "区财政局、区自然资源局", "未完成", { target: "需开工建设", reason: "资金未落实", next: "加快进度，" }),
    row(4, "任务四。", "区住建局", "暂不实施", { target: "需完成挂牌。", reason: "政策调整。" }),
    row(5, "任务五。", "区发改局", "待确定", { reason: "数据将于10月下旬反馈", progress: "已与统计部门对接" }),
  ];

  it("titles the notice with the government and the quarter", () => {
    const n = notice(full, { government: "淄川区人民政府" });
    expect(n.title).toBe("淄川区人民政府关于《政府工作报告》重点工作任务三季度进展情况的督查通报");
    expect(n.sheetName).toBe("三季度督查通报");
  });

  it("gives every count and share, naming the completed tasks", () => {
    const overall = notice(full).paragraphs[3]!.text;
    expect(overall).toContain("5项重点工作任务中，1项已完成年度目标任务（全域公园建设），占总任务数的20.00%；1项有序推进中");
    expect(overall).toMatch(/1项待确定，占总任务数的20\.00%。$/);
  });

  it("writes the three sections in order, each entry with its reason and next steps, punctuation mended", () => {
    const text = noticeText(notice(full));
    expect(text).toContain(
      [
        "一、未完成季度目标任务具体情况",
        "第3项“任务三。”（牵头部门：区财政局、区自然资源局）。根据年初确定季度目标任务，三季度需开工建设。",
        "未完成原因：资金未落实。",
        "下一步工作：加快进度。",
        "二、暂不实施目标任务开展情况",
      ].join("\n"),
    );
    expect(text).toContain("第4项“任务四。”（牵头部门：区住建局）。根据年初确定季度目标任务，三季度需完成挂牌。\n暂不实施原因：政策调整。\n三、");
    expect(text).toContain("第5项“任务五。”（牵头部门：区发改局）。数据将于10月下旬反馈。已与统计部门对接。\n");
  });

  it("leaves empty sections out and renumbers the rest", () => {
    const text = noticeText(notice([row(1, "甲。", "区发改局", "序时推进"), row(2, "乙。", "区发改局", "待定", { reason: "待反馈" })]));
    expect(text).not.toContain("未完成季度目标任务具体情况");
    expect(text).toContain("一、待确定季度目标任务情况");
    expect(text).not.toMatch(/二、/);
  });

  it("keeps the counts in the text equal to the entries listed under them", () => {
    const n = notice(full);
    const text = noticeText(n);
    expect(text).toContain("暂不实施共1项");
    expect((text.match(/^第\d+项/gm) ?? []).length).toBe(3);
  });

  it("closes with the office, issuer and date", () => {
    const n = notice(full, { office: "区政府督查室", issuer: "淄川区人民政府办公室", date: "2025-10-29" });
    const last = n.paragraphs.slice(-3).map((p) => p.text);
    expect(last).toEqual(["", "淄川区人民政府办公室", "2025年10月29日"]);
    expect(noticeText(n)).toContain("区政府督查室将持续做好对5项重点工作的跟踪督导");
  });

  it("uses the run's date when no date is set, and the office's own summary when given", () => {
    const n = notice(full, { summary: "各部门扎实推进各项工作" });
    expect(n.paragraphs.at(-1)!.text).toBe("2025年10月29日");
    expect(n.paragraphs[3]!.text.startsWith("各部门扎实推进各项工作。5项重点工作任务中")).toBe(true);
  });

  it("quotes a task that quotes something with single quotes inside the double ones", () => {
    const text = noticeText(notice([row(1, "推进“放管服”改革。", "区行政审批局", "未完成", { reason: "系统未上线", next: "加快上线" })]));
    expect(text).toContain("第1项“推进‘放管服’改革。”（牵头部门：区行政审批局）。");
  });

  it("names the party committee and government of the government's own level", () => {
    const text = noticeText(notice(full, { government: "沂源县人民政府", office: "县政府督查室" }));
    expect(text).toContain("各级各部门要按照县委、县政府部署要求");
    expect(text).toContain("县政府督查室将持续做好");
  });

  it("states no cause the sheet does not give", () => {
    const text = noticeText(notice(full));
    expect(text).toContain("三季度《政府工作报告》重点工作任务暂不实施共1项，具体情况如下：");
    expect(text).not.toMatch(/政策调整，导致|暂未反馈数据|有序推进。/);
  });

  it("shortens a long completed task's name with an ellipsis", () => {
    const long = "实施城市更新行动" + "甲".repeat(40) + "，其余。";
    const overall = notice([row(1, long, "区住建局", "已完成"), row(2, "乙。", "区住建局", "序时推进")]).paragraphs[3]!.text;
    expect(overall).toContain(`（实施城市更新行动${"甲".repeat(21)}…）`);
  });

  it("drops a reason or next step that is only punctuation", () => {
    const text = noticeText(notice([row(1, "甲。", "区发改局", "未完成", { reason: "，", next: "。" })]));
    expect(text).not.toMatch(/未完成原因|下一步工作/);
  });

  it("refuses to word a notice when no task could be counted", () => {
    const a = () => prepareNotice(book(trackingSheet([row(1, "甲", "区发改局", "基本完成")])), { today });
    expect(a).toThrow(InputError);
    expect(a).toThrow("工作表“调度表”中没有可统计的任务（1 行任务的完成状态都为空或无法识别）");
  });
});
