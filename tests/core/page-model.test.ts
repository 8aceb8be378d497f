import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHAR_PITCH_PT, FOOTER_MM, GBT9704, TITLE_CHARS_PER_LINE, headingLevel, layoutPages, prepareNotice, signaturePlacement, type PageSource } from "../../src/core";
import { NO_LINE_END, NO_LINE_START } from "../../src/core/layout/line-break";
import { textWidth } from "../../src/core/layout/text-measure";
import { GOLDEN_SETTINGS, sampleGrid } from "../helpers/sample";

const para = (role: PageSource["paragraphs"][number]["role"], text: string) => ({ role, text });

describe("the GB/T 9704 page", () => {
  it("is A4 with a 156 × 225 mm text block, 22 lines of 28 characters", () => {
    const { paperMm, marginsMm, textBlockMm } = GBT9704;
    expect(paperMm.width - marginsMm.left - marginsMm.right).toBe(textBlockMm.width);
    expect(paperMm.height - marginsMm.top - marginsMm.bottom).toBe(textBlockMm.height);
    expect(GBT9704.linesPerPage).toBe(22);
    expect(GBT9704.charsPerLine).toBe(28);
    // 22 lines of 28.95 pt fill the block; 28 characters at 15.79 pt fill the line.
    expect(22 * GBT9704.linePitchPt).toBeLessThanOrEqual((225 / 25.4) * 72);
    expect(23 * GBT9704.linePitchPt).toBeGreaterThan((225 / 25.4) * 72);
    expect(CHAR_PITCH_PT).toBeCloseTo(15.79, 2);
    expect(TITLE_CHARS_PER_LINE).toBe(20);
    expect(FOOTER_MM).toBeGreaterThan(24);
    expect(FOOTER_MM).toBeLessThan(26);
  });

  it("knows `一、` and `（一）` headings", () => {
    expect(headingLevel("一、未完成季度目标任务具体情况")).toBe(1);
    expect(headingLevel("十二、其他")).toBe(1);
    expect(headingLevel("（三）加快工业转型升级")).toBe(2);
    expect(headingLevel("第30项")).toBe(0);
  });

  it("sets the issuer two characters from the right and the date two characters right of it", () => {
    expect(signaturePlacement("淄川区人民政府办公室", "2025年10月29日")).toEqual({ issuer: 16, date: 18 });
    // A date longer than the issuer: the date two characters from the right, the issuer two to its left.
    expect(signaturePlacement("区政府办", "2025年10月29日")).toEqual({ issuer: 17, date: 19 });
  });
});

describe("laying a document out on pages", () => {
  const body = (n: number) => para("body", "字".repeat(n));

  it("puts 22 lines on every page and numbers the slots", () => {
    const paged = layoutPages({ titleWords: ["标题"], paragraphs: [para("title", "标题"), para("blank", ""), ...Array.from({ length: 30 }, () => body(50))] });
    expect(paged.pageCount).toBe(Math.ceil(paged.lines.length / 22));
    paged.lines.forEach((l, i) => {
      expect(l.page).toBe(Math.floor(i / 22) + 1);
      expect(l.slot).toBe(i % 22);
    });
    for (const l of paged.lines) if (l.style === "body") expect(textWidth(l.text)).toBeLessThanOrEqual(28);
  });

  it("indents a body paragraph's first line two characters and lets the paragraph run on to the next page", () => {
    const paged = layoutPages({ titleWords: ["标题"], paragraphs: [para("title", "标题"), body(28 * 30)] });
    const lines = paged.lines.filter((l) => l.style === "body");
    expect(lines[0]!.text.startsWith("\u3000\u3000")).toBe(true);
    expect(lines[1]!.text.startsWith("\u3000")).toBe(false);
    expect(new Set(lines.map((l) => l.page)).size).toBe(2);
    expect(lines.every((l, i) => i === lines.length - 1 || textWidth(l.text) === 28)).toBe(true);
  });

  it("never ends a page with a heading or an issuer without its date", () => {
    for (let fill = 0; fill < 30; fill++) {
      const paragraphs = [para("title", "标题"), para("blank", ""), ...Array.from({ length: fill }, () => body(20)), para("heading", "一、标题"), body(20), para("blank", ""), para("issuer", "区人民政府办公室"), para("date", "2025年10月29日")];
      const paged = layoutPages({ titleWords: ["标题"], paragraphs });
      const heading = paged.lines.find((l) => l.style === "heading1")!;
      expect(heading.slot).toBeLessThan(21);
      const issuer = paged.lines.find((l) => l.style === "issuer")!;
      const date = paged.lines.find((l) => l.style === "date")!;
      expect(date.page).toBe(issuer.page);
    }
  });

  it("lays the sample notice out: 梯形 title, one blank line, no line starts with closing punctuation, every page full but the last", async () => {
    const job = prepareNotice(await sampleGrid(), { today: "2025-10-29", settings: GOLDEN_SETTINGS });
    const paged = layoutPages(job.notice);
    const titles = paged.lines.filter((l) => l.style === "title").map((l) => l.text);
    expect(titles).toEqual(["淄川区人民政府关于《政府工作报告》", "重点工作任务三季度进展情况的督查通报"]);
    expect(paged.lines[2]!.style).toBe("blank");
    for (let p = 1; p < paged.pageCount; p++) expect(paged.lines.filter((l) => l.page === p).length).toBe(22);
    for (const l of paged.lines) {
      expect(NO_LINE_START.has([...l.text][0] ?? "")).toBe(false);
      expect(NO_LINE_END.has([...l.text].pop() ?? "")).toBe(false);
    }
    // Every paragraph's text is printed, in order, nothing lost.
    const golden = readFileSync("tests/golden/notice-2025-q3.txt", "utf8").replace(/\n/g, "");
    const printed = paged.lines.map((l) => l.text.replace(/^\u3000+/, "")).join("");
    expect(printed).toBe(golden);
    const last = paged.lines.slice(-2);
    expect(last.map((l) => [l.style, l.indent])).toEqual([
      ["issuer", 16],
      ["date", 18],
    ]);
  });
});
