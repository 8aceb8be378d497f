import { describe, expect, it } from "vitest";
import { chineseNumber, endSentence, headerKey, parseChineseNumber, toHalfWidth } from "../../src/core/text";
import { columnIndex, columnLetter, parseRangeAddress, qualifiedAddress, rangeAddress } from "../../src/core";

describe("text", () => {
  it("folds full-width digits, letters and spaces", () => {
    expect(toHalfWidth("第３０项　Ｑ３")).toBe("第30项 Q3");
  });
  it("reads header text without line breaks, spaces or full-width brackets", () => {
    expect(headerKey("牵头\n单位")).toBe("牵头单位");
    expect(headerKey(" 责任（配合）单位 ")).toBe("责任(配合)单位");
  });
  it("ends a sentence once, mending a trailing comma", () => {
    expect(endSentence("导致进度慢于预期")).toBe("导致进度慢于预期。");
    expect(endSentence("加快建设进度，")).toBe("加快建设进度。");
    expect(endSentence("已完成。")).toBe("已完成。");
    expect(endSentence("项目“花能互补”")).toBe("项目“花能互补”");
    expect(endSentence("")).toBe("");
  });
  it("writes and reads Chinese numbers", () => {
    expect([1, 3, 10, 12, 20, 99].map(chineseNumber)).toEqual(["一", "三", "十", "十二", "二十", "九十九"]);
    for (let n = 1; n < 100; n++) expect(parseChineseNumber(chineseNumber(n))).toBe(n);
    expect(parseChineseNumber("三五")).toBeNull();
  });
});

describe("addresses", () => {
  it("converts columns both ways", () => {
    for (const [i, s] of [[0, "A"], [25, "Z"], [26, "AA"], [701, "ZZ"], [702, "AAA"]] as const) {
      expect(columnLetter(i)).toBe(s);
      expect(columnIndex(s)).toBe(i);
    }
    expect(columnIndex("A1")).toBe(-1);
  });
  it("parses and prints ranges", () => {
    expect(parseRangeAddress("'调度 表'!$B$3:D9")).toEqual({ row: 2, col: 1, rowCount: 7, colCount: 3 });
    expect(rangeAddress({ row: 34, col: 5, rowCount: 1, colCount: 1 })).toBe("F35");
    expect(rangeAddress({ row: 4, col: 0, rowCount: 2, colCount: 8 })).toBe("A5:H6");
  });
  it("quotes sheet names only when Excel would", () => {
    expect(qualifiedAddress("三季度调度表", "F35")).toBe("三季度调度表!F35");
    expect(qualifiedAddress("Q3 表", "F35")).toBe("'Q3 表'!F35");
    expect(qualifiedAddress("2025", "A1")).toBe("'2025'!A1");
  });
});
