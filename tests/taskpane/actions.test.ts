/**
 * The pane's workbook operations (src/taskpane/actions.ts) on the strict
 * Excel double: what each Excel.run batch reads, and in how many syncs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadStartup } from "../../src/taskpane/actions";
import type { ExcelDouble } from "../excel-double";
import { installDouble, sampleModel } from "../excel-double/samples";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

async function setUp(apiVersion?: string): Promise<ExcelDouble> {
  const model = await sampleModel("tracking-variant.xlsx");
  model.settings.supervisionNotice = JSON.stringify({ settings: { issuer: "区政府办公室" }, sheet: "一季度推进情况" });
  const installed = installDouble(model, apiVersion ? { apiVersion } : {});
  restore = installed.restore;
  return installed.excel;
}

describe("loadStartup", () => {
  it("reads the stored preferences and the sheet names in one sync", async () => {
    const excel = await setUp();
    const startup = await loadStartup((batch) => excel.run(batch as never));
    expect(startup.prefs).toEqual({ settings: { issuer: "区政府办公室" }, sheet: "一季度推进情况" });
    expect(startup.sheets).toEqual(excel.model.sheets.map((s) => s.name));
    expect(excel.syncCount).toBe(1);
  });

  it("still gets the sheet names where Excel keeps no settings (ExcelApi 1.3)", async () => {
    const excel = await setUp("1.3");
    const startup = await loadStartup((batch) => excel.run(batch as never));
    expect(startup.prefs).toEqual({ settings: {} });
    expect(startup.sheets).toEqual(excel.model.sheets.map((s) => s.name));
    expect(excel.syncCount).toBe(1);
  });
});
