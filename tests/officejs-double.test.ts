/**
 * The Excel test double itself: it must be at least as strict as Excel about
 * load/sync, null objects, text parsing, requirement sets and protection, or
 * the host tests prove nothing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ExcelDouble, OfficeErrorDouble, emptySheet, emptyWorkbook, type WorkbookModel } from "./excel-double";
import { loadModel, saveModel } from "./excel-double/xlsx";
import { sampleModel } from "./excel-double/samples";

function workbook(): WorkbookModel {
  const m = emptyWorkbook();
  const s = emptySheet("Sheet1", "{s1}");
  s.cells.A1 = { value: "序号" };
  s.cells.B2 = { value: 42 };
  s.cells.C3 = { value: "text", numberFormat: "@" };
  s.merges.push("A5:B6");
  s.conditionalFormats.push({ id: "{cf-own}", type: "CellValue", ranges: ["B1:B9"], source: { type: "cellIs" } });
  s.conditionalFormats.push({ id: "{cf-custom}", type: "Custom", ranges: ["A1:A9"], formula: "=A1>0", fill: "#FFFF00" });
  m.sheets.push(s, emptySheet("Empty", "{s2}"));
  m.activeSheet = "Sheet1";
  m.nextId = 10;
  return m;
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof OfficeErrorDouble ? e.code : `not an Office error: ${String(e)}`;
  }
  return "resolved";
}

function sync(p: { sync(): Promise<void> }): Promise<void> {
  return p.sync();
}

describe("load and sync", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const ctx = new ExcelDouble(workbook()).context();
    const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
    expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
    range.load("values");
    // Loaded but not synced: still unavailable.
    expect(() => range.values).toThrow(OfficeErrorDouble);
    await sync(ctx);
    expect(range.values).toEqual([
      ["序号", ""],
      ["", 42],
    ]);
    // A property that was not asked for stays unavailable.
    expect(() => range.address).toThrow(/PropertyNotLoaded|not available/);
  });

  it("takes comma lists, paths through navigation properties and object forms", async () => {
    const ctx = new ExcelDouble(workbook()).context();
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    const r = ws.getRange("A1");
    r.load("address, rowIndex, format/font/name");
    const r2 = ws.getRange("B2");
    r2.load({ select: "values", expand: "format" });
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await sync(ctx);
    expect(r.address).toBe("Sheet1!A1");
    expect(r.rowIndex).toBe(0);
    expect(r.format.font.name).toBe("Calibri");
    expect(r2.values).toEqual([[42]]);
    expect(r2.format.wrapText).toBe(false);
    expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Empty"]);
  });

  it("applies writes only at sync, in order", async () => {
    const model = workbook();
    const ctx = new ExcelDouble(model).context();
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("D1:E1");
    r.values = [["a", "b"]];
    r.format.font.bold = true;
    expect(model.sheets[0]!.cells.D1).toBeUndefined();
    expect(ctx.pendingOperations).toBeGreaterThanOrEqual(3);
    await sync(ctx);
    expect(model.sheets[0]!.cells.D1).toMatchObject({ value: "a", font: { bold: true } });
    expect(model.sheets[0]!.cells.E1?.value).toBe("b");
  });

  it("rejects a write whose array does not match the range", async () => {
    const ctx = new ExcelDouble(workbook()).context();
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["only one"]];
    expect(await code(sync(ctx))).toBe("InvalidArgument");
  });

  it("counts syncs, operations and request bytes, and enforces the request limit", async () => {
    const excel = new ExcelDouble(workbook(), { requestLimitBytes: 2000 });
    const ctx = excel.context();
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A10").values = [["x".repeat(100)]];
    await sync(ctx);
    expect(ctx.syncCount).toBe(1);
    expect(ctx.operationCount).toBe(2); // getItem's existence check and the write
    expect(ctx.syncs[0]!.requestBytes).toBeGreaterThan(100);
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A11").values = [["x".repeat(3000)]];
    expect(await code(sync(ctx))).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.model.sheets[0]!.cells.A11).toBeUndefined();
    expect(ctx.syncCount).toBe(2);
  });

  it("enforces Excel on the web's 5 MB response limit by default, loading nothing of a refused sync", async () => {
    const model = workbook();
    const sheet = model.sheets[0]!;
    // 6,000 rows of 1 KB: about 6 MB of values.
    for (let r = 1; r <= 6000; r++) sheet.cells[`D${r}`] = { value: "x".repeat(1000) };
    const excel = new ExcelDouble(model);
    const ctx = excel.context();
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    const whole = ws.getRange("D1:D6000").load("values");
    expect(await code(sync(ctx))).toBe("ResponsePayloadSizeLimitExceeded");
    expect(ctx.syncs[0]!.responseBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(() => whole.values).toThrow();
    const half = ws.getRange("D1:D3000").load("values");
    await sync(ctx);
    expect(half.values).toHaveLength(3000);
    // Desktop Excel has no such limit: a double can be told so.
    const desktop = new ExcelDouble(model, { responseLimitBytes: Infinity }).context();
    desktop.workbook.worksheets.getItem("Sheet1").getRange("D1:D6000").load("values");
    await sync(desktop);
  });

  it("stops the batch at the first failing operation, keeping the ones before it", async () => {
    const model = workbook();
    const ctx = new ExcelDouble(model).context();
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A20").values = [["before"]];
    ws.getRange("A21:A22").values = [["bad"]];
    ws.getRange("A23").values = [["after"]];
    expect(await code(sync(ctx))).toBe("InvalidArgument");
    expect(model.sheets[0]!.cells.A20?.value).toBe("before");
    expect(model.sheets[0]!.cells.A23).toBeUndefined();
  });

  it("Excel.run syncs what the batch left queued", async () => {
    const excel = new ExcelDouble(workbook());
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("F1").values = [["late"]];
    });
    expect(excel.model.sheets[0]!.cells.F1?.value).toBe("late");
    expect(excel.syncCount).toBe(1);
  });
});

describe("null objects and missing items", () => {
  it("getItemOrNullObject: isNullObject is known only after sync", async () => {
    const ctx = new ExcelDouble(workbook()).context();
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
    const present = ctx.workbook.worksheets.getItemOrNullObject("sheet1");
    expect(() => missing.isNullObject).toThrow();
    await sync(ctx);
    expect(missing.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
    expect(() => missing.name).toThrow();
  });

  it("getUsedRangeOrNullObject and getMergedAreasOrNullObject give null objects when empty", async () => {
    const ctx = new ExcelDouble(workbook()).context();
    const empty = ctx.workbook.worksheets.getItem("Empty");
    const used = empty.getUsedRangeOrNullObject(true);
    const merges = empty.getRange().getMergedAreasOrNullObject();
    const full = ctx.workbook.worksheets.getItem("Sheet1");
    const used2 = full.getUsedRangeOrNullObject(true).load("address, rowIndex, columnIndex");
    const merges2 = full.getRange().getMergedAreasOrNullObject().load("address");
    await sync(ctx);
    expect(used.isNullObject).toBe(true);
    expect(merges.isNullObject).toBe(true);
    expect(used2.isNullObject).toBe(false);
    expect(used2.address).toBe("Sheet1!A1:C3");
    expect(merges2.address).toBe("Sheet1!A5:B6");
  });

  it("walks the sheets with getFirst and getNextOrNullObject, null objects past the last (and after a null object)", async () => {
    const ctx = new ExcelDouble(workbook()).context();
    const first = ctx.workbook.worksheets.getFirst().load("name");
    const second = first.getNextOrNullObject().load("name");
    const third = second.getNextOrNullObject().load("name");
    const fourth = third.getNextOrNullObject();
    const used = fourth.getUsedRangeOrNullObject(true).load("rowCount");
    await sync(ctx);
    expect([first.name, second.name]).toEqual(["Sheet1", "Empty"]);
    expect([third.isNullObject, fourth.isNullObject, used.isNullObject]).toEqual([true, true, true]);
    const old = new ExcelDouble(workbook(), { apiVersion: "1.4" }).context();
    old.workbook.worksheets.getFirst().getNextOrNullObject();
    expect(await code(sync(old))).toBe("ApiNotFound");
  });

  it("getIntersectionOrNullObject gives the part of a range inside rows, or a null object", async () => {
    const ctx = new ExcelDouble(workbook()).context();
    const used = ctx.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject(true);
    const top = used.getIntersectionOrNullObject("1:2").load("address, values");
    const below = used.getIntersectionOrNullObject("10:20").load("address");
    await sync(ctx);
    expect(top.address).toBe("Sheet1!A1:C2");
    expect(top.values).toEqual([
      ["序号", "", ""],
      ["", 42, ""],
    ]);
    expect(below.isNullObject).toBe(true);
  });

  it("getItem of a missing sheet rejects the sync with ItemNotFound", async () => {
    const ctx = new ExcelDouble(workbook()).context();
    ctx.workbook.worksheets.getItem("Nope");
    expect(await code(sync(ctx))).toBe("ItemNotFound");
  });

  it("custom of a rule of another type fails; customOrNullObject gives a null object", async () => {
    const ctx = new ExcelDouble(workbook()).context();
    const strict = ctx.workbook.worksheets.getItem("Sheet1").getRange().conditionalFormats;
    strict.load("items/type, items/custom/rule/formula");
    expect(await code(sync(ctx))).toBe("InvalidArgument");

    const ctx2 = new ExcelDouble(workbook()).context();
    const cfs = ctx2.workbook.worksheets.getItem("Sheet1").getRange().conditionalFormats;
    cfs.load("items/type, items/customOrNullObject/rule/formula");
    await sync(ctx2);
    const byType = Object.fromEntries(cfs.items.map((cf) => [cf.type, cf]));
    expect(byType.CellValue!.customOrNullObject.isNullObject).toBe(true);
    expect(() => byType.CellValue!.customOrNullObject.rule.formula).toThrow();
    expect(byType.Custom!.customOrNullObject.rule.formula).toBe("=A1>0");
  });
});

describe("text written through range.values", () => {
  async function write(texts: string[], numberFormatFirst: boolean | "after"): Promise<WorkbookModel> {
    const model = workbook();
    const ctx = new ExcelDouble(model).context();
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange(`H1:H${texts.length}`);
    const fmt = texts.map(() => ["@"]);
    if (numberFormatFirst === true) r.numberFormat = fmt;
    r.values = texts.map((t) => [t]);
    if (numberFormatFirst === "after") r.numberFormat = fmt;
    await sync(ctx);
    return model;
  }
  const texts = ["=1+1", "+86 区办公室", "-5", "-待定", "0012", "普通文字"];

  it("parses =, +, - and digits as Excel does when the cells are not text", async () => {
    const cells = (await write(texts, false)).sheets[0]!.cells;
    expect(cells.H1).toMatchObject({ formula: "=1+1" });
    expect(cells.H2).toMatchObject({ formula: "=+86 区办公室" });
    expect(cells.H3).toMatchObject({ value: -5 });
    expect(cells.H4).toMatchObject({ formula: "=-待定" });
    expect(cells.H5).toMatchObject({ value: 12 });
    expect(cells.H6).toMatchObject({ value: "普通文字" });
  });

  it("keeps text when the number format is @ before the values arrive", async () => {
    const cells = (await write(texts, true)).sheets[0]!.cells;
    texts.forEach((t, i) => {
      expect(cells[`H${i + 1}`]!.formula).toBeUndefined();
      expect(cells[`H${i + 1}`]!.value).toBe(t);
    });
  });

  it("setting @ after the values in the same batch is too late", async () => {
    const cells = (await write(texts, "after")).sheets[0]!.cells;
    expect(cells.H1!.formula).toBe("=1+1");
  });
});

describe("requirement sets, protection, settings, selection", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Office;
    delete (globalThis as Record<string, unknown>).Excel;
  });

  it("answers isSetSupported from the configured version and rejects newer APIs with ApiNotFound", async () => {
    const excel = new ExcelDouble(workbook(), { apiVersion: "1.7" });
    excel.install();
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.6")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    const ctx = excel.context();
    ctx.workbook.worksheets.getItem("Sheet1").getRange().getMergedAreasOrNullObject();
    expect(await code(sync(ctx))).toBe("ApiNotFound");
    const ctx2 = excel.context();
    ctx2.workbook.worksheets.getItem("Sheet1").pageLayout.orientation = "Landscape";
    expect(await code(sync(ctx2))).toBe("ApiNotFound");
  });

  it("rejects writes to a protected sheet with AccessDenied and changes nothing", async () => {
    const model = workbook();
    model.sheets[0]!.protected = true;
    const before = JSON.stringify(model);
    const ctx = new ExcelDouble(model).context();
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
    expect(await code(sync(ctx))).toBe("AccessDenied");
    const ctx2 = new ExcelDouble(model).context();
    ctx2.workbook.worksheets.getItem("Sheet1").getRange("A1:A3").conditionalFormats.add("Custom");
    expect(await code(sync(ctx2))).toBe("AccessDenied");
    expect(JSON.stringify(model)).toBe(before);
  });

  it("refuses a second sheet of the same name with ItemAlreadyExists", async () => {
    const ctx = new ExcelDouble(workbook()).context();
    ctx.workbook.worksheets.add("SHEET1");
    expect(await code(sync(ctx))).toBe("ItemAlreadyExists");
  });

  it("stores settings as JSON and reads them back", async () => {
    const model = workbook();
    const ctx = new ExcelDouble(model).context();
    ctx.workbook.settings.add("k", { a: 1 });
    await sync(ctx);
    expect(model.settings).toEqual({ k: { a: 1 } });
    const item = ctx.workbook.settings.getItemOrNullObject("k").load("value");
    const none = ctx.workbook.settings.getItemOrNullObject("none");
    await sync(ctx);
    expect(item.value).toEqual({ a: 1 });
    expect(none.isNullObject).toBe(true);
  });

  it("selects a range only on the active sheet", async () => {
    const model = workbook();
    const ctx = new ExcelDouble(model).context();
    ctx.workbook.worksheets.getItem("Empty").getRange("B2").select();
    expect(await code(sync(ctx))).toBe("InvalidOperation");
    const ws = ctx.workbook.worksheets.getItem("Empty");
    ws.activate();
    ws.getRange("B2").select();
    await sync(ctx);
    expect(model.activeSheet).toBe("Empty");
    expect(model.selection).toBe("Empty!B2");
  });
});

describe("xlsx conversion", () => {
  it("keeps values, merges, formats, conditional formats and page setup through a save and a load", async () => {
    const model = await sampleModel("tracking-2025-q3.xlsx");
    const again = await loadModel(await saveModel(model));
    const a = model.sheets[1]!;
    const b = again.sheets[1]!;
    expect(b.name).toBe("三季度调度表");
    expect(Object.keys(b.cells).length).toBe(Object.keys(a.cells).length);
    for (const [key, cell] of Object.entries(a.cells)) expect(b.cells[key], key).toEqual(cell);
    expect([...b.merges].sort()).toEqual([...a.merges].sort());
    expect(b.conditionalFormats.map(({ id: _id, ...rest }) => rest)).toEqual(a.conditionalFormats.map(({ id: _id, ...rest }) => rest));
    expect(b.pageLayout).toEqual(a.pageLayout);
    expect(b.columnWidths).toEqual(a.columnWidths);
  });
});
