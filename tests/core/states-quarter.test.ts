import { describe, expect, it } from "vitest";
import { statesQuarter } from "../../src/core";

describe("statesQuarter: which sheets may hold another quarter's ledger", () => {
  it("a sheet whose name states a quarter", () => {
    expect(statesQuarter("二季度调度表", [])).toBe(true);
    expect(statesQuarter("2025Q2", [])).toBe(true);
  });

  it("a sheet whose title states a quarter", () => {
    expect(statesQuarter("Sheet3", ["2025年二季度重点工作推进情况"])).toBe(true);
  });

  it("not a sheet whose name and title state none", () => {
    expect(statesQuarter("名单", ["区直单位名单"])).toBe(false);
    expect(statesQuarter("上期台账", [])).toBe(false);
  });
});
