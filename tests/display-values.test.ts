/**
 * Values as the department sees them, in both hosts: a workbook with
 * percent, date, thousands and literal-format cells and a hidden column,
 * built with ExcelJS, gives the same grid through the command line's
 * package reader and through the Office.js host over the strict double
 * (loaded from the same bytes), whole and in row chunks.
 */
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { analyse, type CellValue, type SheetGrid } from "../src/core";
import { readWorkbookGrid } from "../src/hosts/xlsx-package";
import { analyseWorkbook, detectFeatures } from "../src/hosts/officejs";
import { probeWorkbook, readSheets } from "../src/hosts/officejs/read-grid";
import type { DoubleOptions } from "./excel-double";
import { installDouble } from "./excel-double/samples";
import { loadModel } from "./excel-double/xlsx";

const TODAY = "2025-10-29";
const SHEET = "三季度调度表";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

type Cell = string | number | Date | ExcelJS.CellFormulaValue | null | [value: number | Date | ExcelJS.CellFormulaValue, numFmt: string];

const HEADER = ["序号", "重点工作任务", "牵头部门", "牵头部门", "完成时限", "季度目标", "进展情况", "完成状态", "未完成原因", "下一步工作", "投资额"];
const ROWS: Cell[][] = [
  [1, "建设产业园", "原发改局", "发改局", [new Date(Date.UTC(2025, 8, 30)), 'yyyy"年"m"月"d"日"'], [1200, '#,##0"万元"'], [0.6, "0%"], "序时推进", null, null, [1234567.891, "#,##0.00"]],
  [2, "改造老旧小区", "原住建局", "住建局", [45930, "yyyy/m/d"], [12.345, '0.0"亿元"'], [0.125, "0.0%"], "未完成", "资金未到位", "加快拨付", [-1200, "#,##0_);[Red](#,##0)"]],
  [3, "建设公园", "原园林局", "园林局", new Date(Date.UTC(2025, 11, 31)), [0.8, "0%"], [{ formula: "0.25*2", result: 0.5 } as ExcelJS.CellFormulaValue, "0%"], "已完成", null, null, 300],
  [4, "建设学校", "原教育局", "教育局", [45930, "[$-x-sysdate]dddd, mmmm dd, yyyy"], [0, "0;-0;;@"], [45930.5, "yyyy-mm-dd hh:mm"], "已完成", null, null, [0.5, "0.00"]],
  [5, "修建道路", "原交通局", "交通局", [45747, "m月d日"], "完成路基", [0.756, "0.00%"], "序时推进", null, null, null],
];

/** The test workbook as .xlsx bytes; column C (the old lead department) is hidden. */
async function workbookBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("填报说明");
  notes.getCell("A1").value = "请按时填报";
  notes.getCell("B2").value = 0.5;
  notes.getCell("B2").numFmt = "0%";
  const ws = wb.addWorksheet(SHEET);
  ws.getCell("A1").value = "2025年重点工作任务三季度进展情况调度表";
  ws.getRow(2).values = HEADER;
  ROWS.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell === null) return;
      const target = ws.getCell(r + 3, c + 1);
      if (Array.isArray(cell)) {
        target.value = cell[0];
        target.numFmt = cell[1];
      } else target.value = cell;
    });
  });
  ws.getColumn(3).hidden = true;
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The grids the command line reads from the bytes. */
async function viaPackage(bytes: Buffer): Promise<readonly SheetGrid[]> {
  return (await readWorkbookGrid(bytes)).sheets;
}

/**
 * A grid's values without trailing empty cells and rows: the Office.js host
 * pads rows to the used range's width, the command line stops at a row's last
 * cell; the core reads both the same.
 */
function trimmed(sheet: SheetGrid): CellValue[][] {
  const rows = sheet.values.map((row) => {
    let end = row.length;
    while (end > 0 && row[end - 1] === null) end--;
    return row.slice(0, end);
  });
  while (rows.length > 0 && rows.at(-1)!.length === 0) rows.pop();
  return rows;
}

async function setUp(bytes: Buffer, options: DoubleOptions = {}) {
  const installed = installDouble(await loadModel(bytes), options);
  restore = installed.restore;
  return installed.excel;
}

/** The grids the Office.js host reads from the same bytes, through its read functions, in one sync. */
async function viaOfficeJs(bytes: Buffer, options: DoubleOptions = {}): Promise<readonly SheetGrid[]> {
  const excel = await setUp(bytes, options);
  const ctx = excel.context();
  const context = ctx as unknown as Excel.RequestContext;
  // The host's one read: the probe (names, sizes, top rows), then the sheets whole.
  const probe = await probeWorkbook(context, "supervisionNotice");
  const sheets = await readSheets(context, probe.names.map((n) => probe.sizes.get(n)!), detectFeatures(), false, "marker");
  expect(ctx.syncCount).toBe(2);
  return probe.names.map((n) => sheets.get(n)!.grid);
}

describe("values as the department sees them", () => {
  it("the command line reads percentages, dates, thousands and literal formats as displayed", async () => {
    const [notes, sheet] = await viaPackage(await workbookBytes());
    expect(notes!.values[1]![1]).toBe("50%");
    const rows = sheet!.values.slice(2).map((row) => [...row.slice(4, 7), row[10] ?? null]);
    expect(rows).toEqual([
      ["2025年9月30日", "1,200万元", "60%", "1,234,567.89"],
      ["2025/9/30", "12.3亿元", "12.5%", "(1,200)"],
      ["2025/12/31", "80%", "50%", 300],
      ["2025年9月30日", null, "2025-09-30 12:00", "0.50"],
      ["3月31日", "完成路基", "75.60%", null],
    ]);
    // Numbers under General stay numbers.
    expect(sheet!.values.slice(2).map((row) => row[0])).toEqual([1, 2, 3, 4, 5]);
    expect(sheet!.hiddenColumns).toEqual([2]);
    expect(notes!.hiddenColumns).toEqual([]);
  });

  it("both hosts give the same grid: values as displayed and the hidden column", async () => {
    const bytes = await workbookBytes();
    const cli = await viaPackage(bytes);
    const office = await viaOfficeJs(bytes);
    expect(office.map((s) => s.name)).toEqual(cli.map((s) => s.name));
    for (const [i, sheet] of cli.entries()) {
      expect(trimmed(office[i]!), sheet.name).toEqual(trimmed(sheet));
      expect(office[i]!.hiddenColumns, sheet.name).toEqual(sheet.hiddenColumns);
    }
  });

  it("without ExcelApi 1.9 the Office.js host reads the values as displayed but no hidden columns", async () => {
    const bytes = await workbookBytes();
    const cli = await viaPackage(bytes);
    const office = await viaOfficeJs(bytes, { apiVersion: "1.7" });
    expect(trimmed(office[1]!)).toEqual(trimmed(cli[1]!));
    expect(office[1]!.hiddenColumns).toBeUndefined();
  });

  it("the Office.js host gives the core the same workbook when it reads in row chunks", async () => {
    const bytes = await workbookBytes();
    const expected = analyse({ sheets: await viaPackage(bytes) }, { today: TODAY });
    expect(expected.tasks.map((t) => [t.target, t.progress])).toEqual([
      ["1,200万元", "60%"],
      ["12.3亿元", "12.5%"],
      ["80%", "50%"],
      ["", "2025-09-30 12:00"],
      ["完成路基", "75.60%"],
    ]);

    // The largest response, then a limit under it: the host reads again, smaller (heads left out, then row windows).
    const whole = await setUp(bytes);
    const first = whole.context();
    const same = await analyseWorkbook(first as unknown as Excel.RequestContext, TODAY);
    expect(JSON.parse(JSON.stringify(same))).toEqual(JSON.parse(JSON.stringify(expected)));
    const responses = first.syncs.map((s) => s.responseBytes);
    restore?.();

    const excel = await setUp(bytes, { responseLimitBytes: Math.floor(Math.max(...responses) * 0.6) });
    const ctx = excel.context();
    const chunked = await analyseWorkbook(ctx as unknown as Excel.RequestContext, TODAY);
    const errors = ctx.syncs.filter((s) => s.error).map((s) => s.error);
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors)).toEqual(new Set(["ResponsePayloadSizeLimitExceeded"]));
    expect(ctx.syncCount).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(JSON.stringify(chunked))).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});

/** The code of the error `read` throws. */
function errorCode(read: () => unknown): string | undefined {
  try {
    read();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe("the double reads number formats and hidden columns as strictly as the rest", () => {
  it("number formats need a load; column properties a sync; columnHidden is null over hidden and visible columns", async () => {
    const excel = await setUp(await workbookBytes());
    const ctx = excel.context();
    const ws = ctx.workbook.worksheets.getItem(SHEET);
    const cells = ws.getRange("F3:G4");
    cells.load("values");
    const columns = ws.getRange("B1:D1").getColumnProperties({ columnIndex: true, columnHidden: true });
    const mixed = ws.getRange("B1:D1").load("columnHidden");
    const hidden = ws.getRange("C:C").load("columnHidden");
    expect(errorCode(() => columns.value)).toBe("ValueNotLoaded");
    await ctx.sync();
    expect(errorCode(() => cells.numberFormat)).toBe("PropertyNotLoaded");
    expect(columns.value).toEqual([
      { columnIndex: 1, columnHidden: false },
      { columnIndex: 2, columnHidden: true },
      { columnIndex: 3, columnHidden: false },
    ]);
    expect(mixed.columnHidden).toBeNull();
    expect(hidden.columnHidden).toBe(true);
    cells.load("numberFormat");
    await ctx.sync();
    expect(cells.numberFormat).toEqual([
      ['#,##0"万元"', "0%"],
      ['0.0"亿元"', "0.0%"],
    ]);
  });

  it("column properties need ExcelApi 1.9 and fail the sync for properties the double does not model", async () => {
    const old = (await setUp(await workbookBytes(), { apiVersion: "1.8" })).context();
    old.workbook.worksheets.getItem(SHEET).getRange("A1:C1").getColumnProperties({ columnHidden: true });
    expect(await old.sync().then(() => "synced", (e: { code?: string }) => e.code)).toBe("ApiNotFound");
    restore?.();

    const ctx = (await setUp(await workbookBytes())).context();
    ctx.workbook.worksheets.getItem(SHEET).getRange("A1:C1").getColumnProperties({ columnHidden: true, format: { columnWidth: true, font: { bold: true } } } as never);
    expect(await ctx.sync().then(() => "synced", (e: { code?: string }) => e.code)).toBe("InvalidArgument");
  });
});
