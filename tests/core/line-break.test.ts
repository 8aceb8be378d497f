import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_LINE_END, NO_LINE_START, breakLines, breakTitle, tokenize } from "../../src/core/layout/line-break";
import { textWidth } from "../../src/core/layout/text-measure";
import { literalWords, templateWords } from "../../src/core/notice/title-words";
import { WORDING } from "../../src/core";

const first = (line: string) => [...line][0];
const last = (line: string) => [...line].pop();

describe("the line breaker", () => {
  it("fills lines to the width, CJK at one em, ASCII at half", () => {
    expect(breakLines("一二三四五六", 4)).toEqual(["一二三四", "五六"]);
    expect(textWidth("ab一")).toBe(2);
    expect(breakLines("一".repeat(56), 28)).toEqual(["一".repeat(28), "一".repeat(28)]);
  });

  it("gives an empty paragraph one empty line", () => {
    expect(breakLines("", 28)).toEqual([""]);
    expect(breakLines("一\n\n二", 28)).toEqual(["一", "", "二"]);
  });

  it("never starts a line with 。，、；：？！）》”’: the character before comes down with it", () => {
    expect(breakLines("一二三，四五", 3)).toEqual(["一二", "三，四", "五"]);
    expect(breakLines("一二三四。", 4)).toEqual(["一二三", "四。"]);
    for (const p of "。，、；：？！）》”’") {
      const lines = breakLines("一二三" + p + "四五六", 3);
      expect(lines.slice(1).map(first)).not.toContain(p);
      expect(lines.join("")).toBe("一二三" + p + "四五六");
    }
  });

  it("carries down through a run of closing marks (。” at a line start)", () => {
    const lines = breakLines("一二三四。”五六", 4);
    expect(lines).toEqual(["一二三", "四。”五", "六"]);
  });

  it("never ends a line with （《“‘", () => {
    for (const p of "（《“‘") {
      const lines = breakLines("一二" + p + "三四五", 3);
      expect(lines.slice(0, -1).map(last)).not.toContain(p);
      expect(lines.join("")).toBe("一二" + p + "三四五");
    }
    expect(breakLines("一二三（四）", 4)).toEqual(["一二三", "（四）"]);
  });

  it("does not split digits, decimals, percentages or Latin words", () => {
    expect(breakLines("一二三2025年", 4)).toEqual(["一二三", "2025年"]);
    expect(breakLines("增长5.5%以上", 3)).toEqual(["增长", "5.5%", "以上"]);
    expect(breakLines("一二1,200万元", 4)).toEqual(["一二", "1,200万", "元"]);
    expect(breakLines("推进COVID-19防控", 7)).toEqual(["推进", "COVID-19防", "控"]);
    expect(tokenize("B2B平台").map((t) => t.text)).toEqual(["B2B", "平", "台"]);
  });

  it("counts a quarter em either side of a Western run next to Chinese, as LibreOffice and Word space it", () => {
    expect(tokenize("围绕2025年").map((t) => t.width)).toEqual([1, 1, 2.5, 1]);
    expect(tokenize("2025").map((t) => t.width)).toEqual([2]);
    // 26 ems of Chinese and “2025” would be 28 ems, but 28.5 with the spacing: the line breaks before the last character.
    expect(breakLines("一".repeat(12) + "2025" + "一".repeat(14), 28)).toEqual(["一".repeat(12) + "2025" + "一".repeat(13), "一"]);
  });

  it("splits a word longer than a whole line where the line ends", () => {
    const url = "https://www.example.gov.cn/" + "a".repeat(60);
    const lines = breakLines("见" + url, 10);
    expect(lines.join("")).toBe("见" + url);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(10);
    expect(lines.length).toBeGreaterThan(4);
  });

  it("keeps —— and …… in one piece", () => {
    const lines = breakLines("一二三——四", 4);
    expect(lines).toEqual(["一二三", "——四"]);
    expect(breakLines("一二三……", 4)).toEqual(["一二三", "……"]);
  });

  it("keeps closing punctuation off a line's start where no break keeps both rules (‘‘C？ in a full line)", () => {
    // Found by the property below: every place inside `‘‘C？` breaks one rule; the break before C breaks the weaker.
    expect(breakLines("‘‘C？一", 4)).toEqual(["‘‘", "C？一"]);
    // After closing punctuation, a run of it may still be split (nothing better is left).
    expect(breakLines("《一.’；", 4)).toEqual(["《一.’", "；"]);
  });

  it("splits a word that fits a line but not with its punctuation, carrying its end down with the marks", () => {
    expect(breakLines("y061B3C.一", 4)).toEqual(["y061B3", "C.一"]);
    expect(breakLines("一2.2B1、一", 4)).toEqual(["一2.2B", "1、一"]);
    expect(breakLines("见（ABCDEFG）", 5)).toEqual(["见（ABCD", "EFG）"]);
    // A word that fits with its marks stays whole.
    expect(breakLines("一二三ABC。", 4)).toEqual(["一二三", "ABC。"]);
  });

  it("keeps the spacing next to Chinese on the ends of a word it splits", () => {
    // 一A1BD1 is 3.86 ems, 4.11 with the quarter em between 一 and A: the line ends before the second 1.
    expect(breakLines("一A1BD10y5", 4)).toEqual(["一A1BD", "10y5"]);
  });

  it("holds for any text: lines fit, join to the text, and obey the punctuation rules", () => {
    const alphabet = fc.constantFrom(..."一二三四五六七八九十工作任务。，、；：？！）》”’（《“‘「」【】0123456789.,:/%ABCxyz —…-");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), fc.integer({ min: 4, max: 30 }), (chars, width) => {
        const text = chars.join("");
        const lines = breakLines(text, width);
        expect(lines.join("")).toBe(text);
        lines.forEach((l, i) => {
          const visible = l.replace(/ +$/, "");
          expect(textWidth(visible)).toBeLessThanOrEqual(width + 1e-9);
          // The rules give way only where a line would otherwise hold nothing but punctuation.
          const onlyMarks = [...visible].every((c) => NO_LINE_START.has(c) || NO_LINE_END.has(c));
          if (i > 0 && !onlyMarks && !NO_LINE_START.has(last(lines[i - 1]!) ?? "")) expect(NO_LINE_START.has(first(l) ?? "")).toBe(false);
        });
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the title breaker", () => {
  const words = ["淄川区人民政府", "关于", "《政府工作报告》", "重点工作任务", "三季度", "进展情况的", "督查通报"];

  it("breaks only between words, as evenly as they allow (梯形)", () => {
    expect(breakTitle(words, 20)).toEqual(["淄川区人民政府关于《政府工作报告》", "重点工作任务三季度进展情况的督查通报"]);
  });

  it("keeps a short title on one line", () => {
    expect(breakTitle(["督办通知单"], 20)).toEqual(["督办通知单"]);
  });

  it("shapes three lines as a 梯形 or a 菱形", () => {
    const lines = breakTitle([...words, "（草稿）", "的补充说明", "和下一步工作安排"], 20);
    expect(lines.length).toBe(3);
    const w = lines.map(textWidth);
    const monotonic = (w[0]! <= w[1]! && w[1]! <= w[2]!) || (w[0]! >= w[1]! && w[1]! >= w[2]!);
    const diamond = w[1]! >= w[0]! && w[1]! >= w[2]!;
    expect(monotonic || diamond).toBe(true);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(20);
  });

  it("cuts a word longer than a line as body text", () => {
    const lines = breakTitle(["一".repeat(45)], 20);
    expect(lines.join("")).toBe("一".repeat(45));
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(20);
  });

  it("finds the words in the title template: values whole, breaks around 关于, after 的, around 《》", () => {
    expect(literalWords("关于《政府工作报告》重点工作任务")).toEqual(["关于", "《政府工作报告》", "重点工作任务"]);
    expect(literalWords("进展情况的督查通报")).toEqual(["进展情况的", "督查通报"]);
    const values = { government: "淄川区人民政府", quarter: "三季度" };
    expect(templateWords(WORDING.title, values)).toEqual(words);
    const draft = templateWords(WORDING.draftTitle, { title: words.join("") }, { title: words });
    expect(draft).toEqual([...words, "（草稿）"]);
  });
});
