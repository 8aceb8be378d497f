import { describe, expect, it } from "vitest";
import { sameSheetName } from "../../src/core";

describe("sameSheetName", () => {
  it("takes names differing only in case as one sheet, as Excel does", () => {
    expect(sameSheetName("Sheet1", "SHEET1")).toBe(true);
    expect(sameSheetName("三季度督查通报", "三季度督查通报")).toBe(true);
  });

  it("tells other names apart", () => {
    expect(sameSheetName("Sheet1", "Sheet2")).toBe(false);
    expect(sameSheetName("三季度督查通报", "二季度督查通报")).toBe(false);
    expect(sameSheetName("Sheet1", "Sheet1 ")).toBe(false);
  });
});
