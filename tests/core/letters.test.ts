import { describe, expect, it } from "vitest";
import { WORDING, addDays, laggingDepartments, prepareNotice } from "../../src/core";
import { fileStem } from "../../src/core/notice/letters";
import { GOLDEN_SETTINGS, sampleGrid } from "../helpers/sample";
import { book, row, trackingSheet } from "../helpers/grid";

const today = "2025-10-29";

async function sampleNotice(settings: Record<string, unknown> = {}) {
  return prepareNotice(await sampleGrid(), { today, settings: { ...GOLDEN_SETTINGS, ...settings } });
}

describe("督办单 for the lagging departments", () => {
  it("writes one letter per lead department with missed tasks of the sample, each with exactly its tasks", async () => {
    const job = await sampleNotice();
    const { letters } = job.notice;
    const missed = job.analysis.tasks.filter((t) => t.category === "missed");
    const departments = [...new Set(missed.flatMap((t) => t.leads))];
    expect(letters.map((l) => l.department)).toEqual(departments);
    expect(letters.map((l) => [l.department, l.taskIds.join(",")])).toEqual([
      ["区财政局", "30"],
      ["区自然资源局", "30"],
      ["区发改局", "32,78"],
      ["区住建局", "32,45,50,71"],
      ["区水利局", "48"],
      ["区教体局", "90"],
    ]);
    for (const letter of letters) {
      const own = missed.filter((t) => t.leads.includes(letter.department));
      const text = letter.paragraphs.map((p) => p.text).join("\n");
      for (const t of missed) {
        const mentioned = text.includes(`${t.label}“`);
        expect(mentioned, `${letter.department} ${t.label}`).toBe(own.includes(t));
      }
      // Each task with its target, progress, reason and next steps as the sheet gives them.
      for (const t of own) {
        for (const part of [t.progress, t.reason, t.nextSteps]) expect(text).toContain(part.replace(/[。\s]+$/, "").slice(0, 20));
      }
    }
  });

  it("puts a task with two lead departments in both letters", async () => {
    const { notice } = await sampleNotice();
    const with30 = notice.letters.filter((l) => l.taskIds.includes("30")).map((l) => l.department);
    expect(with30).toEqual(["区财政局", "区自然资源局"]);
  });

  it("numbers the letters 督办〔2025〕3-01号…, asks for feedback 15 days after the notice, signed by the office", async () => {
    const { notice } = await sampleNotice();
    expect(notice.letters.map((l) => l.number)).toEqual(["督办〔2025〕3-01号", "督办〔2025〕3-02号", "督办〔2025〕3-03号", "督办〔2025〕3-04号", "督办〔2025〕3-05号", "督办〔2025〕3-06号"]);
    const letter = notice.letters[3]!;
    const texts = letter.paragraphs.map((p) => p.text);
    expect(letter.paragraphs.map((p) => p.role).slice(0, 6)).toEqual(["title", "number", "blank", "addressee", "body", "heading"]);
    expect(texts[0]).toBe(WORDING.letter.title);
    expect(texts[3]).toBe("区住建局：");
    expect(texts).toContain("请于2025年11月13日前将办理情况书面反馈区政府督查室。");
    expect(texts.slice(-2)).toEqual(["区政府督查室", "2025年10月29日"]);
    expect(letter.fileStem).toBe("区住建局");
  });

  it("takes the prefix and the feedback days from the settings", async () => {
    const { notice } = await sampleNotice({ letterPrefix: "淄督", feedbackDays: 7 });
    expect(notice.letters[0]!.number).toBe("淄督〔2025〕3-01号");
    expect(notice.letters[0]!.paragraphs.map((p) => p.text)).toContain("请于2025年11月5日前将办理情况书面反馈区政府督查室。");
  });

  it("reuses the notice's entries: the letter's item reads as the notice's, with the progress added", async () => {
    const { notice } = await sampleNotice();
    const noticeTexts = new Set(notice.paragraphs.map((p) => p.text));
    const item = notice.letters[4]!.paragraphs.filter((p) => p.role === "body").map((p) => p.text);
    const entry = item.filter((t) => noticeTexts.has(t));
    expect(entry.length).toBe(3);
    expect(item.some((t) => t.startsWith("进展情况："))).toBe(true);
  });

  it("writes no letters when nothing is missed; leaves the progress out when the sheet has none", () => {
    const none = prepareNotice(book(trackingSheet([row(1, "甲", "区发改局", "序时推进")])), { today });
    expect(none.notice.letters).toEqual([]);
    const job = prepareNotice(book(trackingSheet([row(1, "甲", "区发改局、区财政局", "未完成", { progress: "", reason: "原因", next: "措施" })])), { today });
    expect(job.notice.letters.map((l) => l.department)).toEqual(["区发改局", "区财政局"]);
    expect(job.notice.letters[0]!.paragraphs.some((p) => p.text.startsWith("进展情况"))).toBe(false);
    expect(laggingDepartments(job.analysis.tasks).map((d) => d.department)).toEqual(["区发改局", "区财政局"]);
  });

  it("makes file names of department names and adds days across months", () => {
    expect(fileStem("区住建局")).toBe("区住建局");
    expect(fileStem('a/b\\c:d*e?f"g<h>i|j.')).toBe("a_b_c_d_e_f_g_h_i_j");
    expect(addDays("2025-12-25", 15)).toBe("2026-01-09");
  });
});
