/**
 * The pane's workbook operations (src/taskpane/actions.ts) on the strict
 * Excel double: what each Excel.run batch reads, and in how many syncs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { firstLoad, storeSettings } from "../../src/taskpane/actions";
import { cellText, emptySheet, type ExcelDouble } from "../excel-double";
import { installDouble, sampleModel } from "../excel-double/samples";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

async function setUp(legacy: boolean): Promise<ExcelDouble> {
  const model = await sampleModel("tracking-variant.xlsx");
  if (legacy) model.settings.supervisionNotice = JSON.stringify({ settings: { issuer: "区政府办公室" }, sheet: "一季度推进情况" });
  const installed = installDouble(model);
  restore = installed.restore;
  return installed.excel;
}

describe("firstLoad", () => {
  it("gives the sheet names, the stored settings and the analysis in 2 syncs", async () => {
    const excel = await setUp(true);
    const first = await firstLoad("2025-10-29", (batch) => excel.run(batch as never));
    expect(first.error).toBeNull();
    expect(first.sheets).toEqual(excel.model.sheets.map((s) => s.name));
    expect(first.stored).toEqual({ settings: { issuer: "区政府办公室" }, trackingSheet: "一季度推进情况", mapping: {}, sheet: false, legacy: true });
    expect(first.analysis?.settings.issuer).toBe("区政府办公室");
    expect(excel.syncCount).toBe(2);
  });

  it("reads the settings from the 通报设置 sheet", async () => {
    const excel = await setUp(false);
    const sheet = emptySheet("通报设置", "{settings}");
    sheet.cells = { A1: { value: "项目" }, B1: { value: "内容" }, A2: { value: "落款单位" }, B2: { value: "淄川区人民政府办公室" } };
    excel.model.sheets.push(sheet);
    const first = await firstLoad("2025-10-29", (batch) => excel.run(batch as never));
    expect(first.stored).toMatchObject({ settings: { issuer: "淄川区人民政府办公室" }, sheet: true, legacy: false });
    expect(first.analysis?.settings.issuer).toBe("淄川区人民政府办公室");
  });
});

describe("storeSettings", () => {
  it("moves the old hidden settings to a new 通报设置 sheet in 2 syncs", async () => {
    const excel = await setUp(true);
    const run = (batch: (c: Excel.RequestContext) => Promise<unknown>) => excel.run(batch as never);
    const before = excel.syncCount;
    await storeSettings({ settings: { issuer: "区政府办公室", decimals: 1 }, trackingSheet: "一季度推进情况", mapping: {} }, run as never);
    expect(excel.syncCount - before).toBe(2);
    expect(excel.model.settings.supervisionNotice).toBeUndefined();
    const sheet = excel.sheet("通报设置");
    const rows = new Map<string, string>();
    for (let r = 1; sheet.cells[`A${r}`]; r++) rows.set(cellText(sheet.cells[`A${r}`]), cellText(sheet.cells[`B${r}`]));
    expect(rows.get("落款单位")).toBe("区政府办公室");
    expect(rows.get("小数位数")).toBe("1");
    expect(rows.get("调度表")).toBe("一季度推进情况");
    // Written as text: 1 stays the text the sheet shows, not a number.
    expect(sheet.cells[`B${[...rows.keys()].indexOf("小数位数") + 2}`]?.numberFormat).toBe("@");
  });
});
