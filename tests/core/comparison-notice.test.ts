import { describe, expect, it } from "vitest";
import { buildNotice, noticeText, prepareNotice, type CellValue, type NoticeJob } from "../../src/core";
import { book, row, sheet, trackingSheet } from "../helpers/grid";

const TODAY = "2025-10-20";
const SETTINGS = { government: "淄川区人民政府", issuer: "淄川区人民政府办公室", date: "2025-10-29" };

/** A yearly ledger with 二季度 and 三季度 statuses side by side. */
function ledger(rows: [number, string, string, string][], extra: ReturnType<typeof sheet>[] = []) {
  return book(
    sheet("台账", [
      ["淄川区2025年重点工作任务推进台账"],
      ["序号", "重点工作任务", "牵头单位", "二季度状态", "三季度状态", "存在问题", "下一步打算"],
      ...rows.map(([n, task, q2, q3]) => [n, task, "区发改局", q2, q3, q3 === "未完成" ? "资金未到位" : null, q3 === "未完成" ? "加快推进" : null] as CellValue[]),
    ]),
    ...extra,
  );
}

const paragraphs = (job: NoticeJob) => job.notice.paragraphs.map((p) => p.text);

describe("the notice compared with the previous quarter", () => {
  const rows: [number, string, string, string][] = [
    [1, "任务一", "未完成", "未完成"],
    [2, "任务二", "序时推进", "未完成"],
    [3, "任务三", "未完成", "已完成"],
    [4, "任务四", "序时推进", "未完成"],
    [5, "任务五", "未完成", "未完成"],
  ];

  it("adds the change of the missed count to the overall paragraph and names the tasks missed twice running", () => {
    const job = prepareNotice(ledger(rows), { today: TODAY, settings: SETTINGS });
    const text = paragraphs(job);
    const overall = text.find((t) => t.includes("项重点工作任务中"))!;
    expect(overall.endsWith("4项未完成年初确定的季度目标任务，占总任务数的80.00%。未完成任务较二季度增加1项。")).toBe(true);
    const heading = text.indexOf("一、未完成季度目标任务具体情况");
    expect(text[heading + 1]).toBe("其中，第1项、第5项连续两个季度未完成季度目标任务。");
    expect(text[heading + 2]).toMatch(/^第1项“任务一”/);
  });

  it("says fewer, or the same, as the counts say", () => {
    const fewer = prepareNotice(ledger(rows.map(([n, t, q2, q3]) => [n, t, q2, n === 4 || n === 2 ? "序时推进" : q3])), { today: TODAY, settings: SETTINGS });
    expect(paragraphs(fewer).some((t) => t.endsWith("未完成任务较二季度减少1项。"))).toBe(true);
    const same = prepareNotice(ledger(rows.map(([n, t, q2, q3]) => [n, t, q2, n === 4 ? "序时推进" : q3])), { today: TODAY, settings: SETTINGS });
    expect(paragraphs(same).some((t) => t.endsWith("未完成任务与二季度持平。"))).toBe(true);
  });

  it("leaves out the sentence of section 一 when no task is missed twice running", () => {
    const job = prepareNotice(ledger([[1, "任务一", "序时推进", "未完成"], [2, "任务二", "未完成", "已完成"]]), { today: TODAY, settings: SETTINGS });
    expect(paragraphs(job).some((t) => t.includes("连续两个季度"))).toBe(false);
    expect(paragraphs(job).some((t) => t.endsWith("未完成任务与二季度持平。"))).toBe(true);
  });

  it("names last year's 四季度 with its year", () => {
    const q1 = trackingSheet([row(1, "任务一", "区发改局", "未完成", { reason: "原因", next: "措施" })], "一季度", "2026年一季度调度表");
    const q4 = trackingSheet([row(1, "任务一", "区发改局", "序时推进")], "四季度", "2025年四季度调度表");
    const text = paragraphs(prepareNotice(book(q1, q4), { today: TODAY, sheet: "一季度", settings: SETTINGS }));
    expect(text.some((t) => t.endsWith("未完成任务较2025年四季度增加1项。"))).toBe(true);
  });

  it("takes the office's wording from the settings sheet", () => {
    const settings = sheet("通报设置", [
      ["项目", "内容", "说明"],
      ["措辞：较上季度增加", "与{上季度}相比，未完成任务多了{变化数}项。"],
      ["措辞：连续未完成", "{连续未完成}已连续两个季度未完成。"],
    ]);
    const text = paragraphs(prepareNotice(ledger(rows, [settings]), { today: TODAY, settings: SETTINGS }));
    expect(text.some((t) => t.endsWith("与二季度相比，未完成任务多了1项。"))).toBe(true);
    expect(text).toContain("第1项、第5项已连续两个季度未完成。");
  });

  it("is the notice of today without a comparison, word for word", () => {
    const job = prepareNotice(ledger(rows), { today: TODAY, settings: SETTINGS });
    const without = buildNotice({ ...job.analysis, comparison: null, today: TODAY }, job.analysis.wording);
    const text = noticeText(without);
    expect(text).not.toMatch(/二季度|连续两个季度/);
    expect(noticeText(job.notice).replace("未完成任务较二季度增加1项。", "").replace("其中，第1项、第5项连续两个季度未完成季度目标任务。\n", "")).toBe(text);
  });
});
