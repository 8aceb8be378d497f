/**
 * The two hosts write the same notice: for each sample, the notice sheet the
 * Office.js host writes (through the strict double) and the one the command
 * line's package writer writes (`runOnWorkbook`, the file read back through
 * the double's xlsx loader) have the same cell texts, merges, fonts, fills,
 * alignment, row heights, column widths (points, after unit conversion),
 * hidden columns and page setup (print scale and odd/even footers included),
 * and both highlight the same cells of the tracking sheet; the department
 * sheet likewise (numbers as numbers with their formats, light fills,
 * borders) with the same chart (type, series and category ranges, axes,
 * position), the chart compared on the double's own model since ExcelJS
 * cannot save charts. The double's
 * result is saved to .xlsx and read back, so the comparison holds for the
 * files a user would get.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HIGHLIGHT_MARKER, SETTING_DEFINITIONS, noticeText, prepareNotice, summarise, type NoticeSettings } from "../src/core";
import { openWorkbook, readWorkbookGrid, runOnWorkbook, writeWorkbook } from "../src/hosts/xlsx-package";
import { detectFeatures, generateNotice } from "../src/hosts/officejs";
import { WriteQueue, queueToolSheet } from "../src/hosts/officejs/apply-plans";
import { planEdits } from "../src/hosts/xlsx-package/write";
import { handMadeDepartmentSheet } from "./fixtures/department-plan";
import { layoutWorkbook, loadLayouts } from "./fixtures/layouts";
import { cellText, emptySheet, parseArea, type SheetModel, type WorkbookModel } from "./excel-double";
import { SAMPLES, installDouble, sampleModel } from "./excel-double/samples";
import { loadModel, saveModel } from "./excel-double/xlsx";

const TODAY = "2025-10-29";
const CASES = [
  { file: "tracking-2025-q3.xlsx", tracking: "三季度调度表" },
  { file: "tracking-variant.xlsx", tracking: "一季度推进情况" },
] as const;

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 100) / 100);

/** What a reader of the notice sheet sees, in comparable form. */
function noticeView(sheet: SheetModel) {
  const cells: Record<string, { type: string } & Record<string, unknown>> = {};
  for (const [key, c] of Object.entries(sheet.cells)) {
    cells[key] = {
      text: cellText(c),
      type: typeof c.value,
      formula: c.formula ?? null,
      numberFormat: c.numberFormat ?? "General",
      font: { name: c.font?.name ?? null, size: c.font?.size ?? null, bold: c.font?.bold ?? false, color: c.font?.color ?? null },
      fill: c.fill ?? null,
      horizontal: c.horizontal ?? "General",
      vertical: c.vertical ?? "Bottom",
      wrap: c.wrap ?? false,
      indent: c.indent ?? 0,
      border: c.border ?? null,
    };
  }
  const p = sheet.pageLayout;
  return {
    cells,
    merges: [...sheet.merges].sort(),
    rowHeights: Object.fromEntries(Object.entries(sheet.rowHeights).map(([r, h]) => [r, round(h)])),
    columnWidths: Object.fromEntries(Object.entries(sheet.columnWidths).map(([c, w]) => [c, round(w)])),
    hiddenColumns: [...sheet.hiddenColumns].sort(),
    showGridlines: sheet.showGridlines,
    page: {
      paperSize: p.paperSize,
      orientation: p.orientation,
      margins: [p.topMargin, p.bottomMargin, p.leftMargin, p.rightMargin, p.headerMargin, p.footerMargin].map(round),
      centerHorizontally: p.centerHorizontally ?? false,
      fitToPagesWide: p.zoom?.horizontalFitToPages,
      fitToPagesTall: p.zoom?.verticalFitToPages ?? 0,
      printArea: p.printArea,
      centerFooter: p.centerFooter,
      scale: p.zoom?.scale,
      headerFooterState: p.headerFooterState ?? "Default",
      firstPageNumber: p.firstPageNumber ?? "",
      footers: p.footers ?? null,
    },
  };
}

/** A sheet's charts as both hosts must draw them (ids are each host's own). */
function chartsView(sheet: SheetModel) {
  return (sheet.charts ?? []).map(({ id: _id, ...chart }) => chart);
}

/** Cells covered by this tool's rules on a sheet, with the rule's colours. */
function highlightView(sheet: SheetModel) {
  const cells = new Set<string>();
  const colours = new Set<string>();
  for (const cf of sheet.conditionalFormats) {
    if (!cf.formula?.includes(HIGHLIGHT_MARKER)) continue;
    colours.add(`${cf.fill}/${cf.fontColor}`);
    for (const a of cf.ranges) {
      const r = parseArea(a)!;
      for (let i = 0; i < r.rowCount; i++) for (let j = 0; j < r.colCount; j++) cells.add(`${r.row + i},${r.col + j}`);
    }
  }
  return { cells: [...cells].sort(), colours: [...colours] };
}

function othersOf(sheet: SheetModel) {
  return sheet.conditionalFormats.filter((cf) => !cf.formula?.includes(HIGHLIGHT_MARKER)).map(({ id: _id, ...rest }) => rest);
}

/** The command line's result: the package with the plans written into it, as the double's xlsx loader reads it. */
async function viaPackage(file: string): Promise<{ model: WorkbookModel; notice: string; departments: string }> {
  const book = await openWorkbook(readFileSync(path.join(SAMPLES, file)), file);
  const { job, edits } = runOnWorkbook(book, { today: TODAY });
  return { model: await loadModel(await writeWorkbook(book, edits)), notice: job.noticeSheet.name, departments: job.departmentSheet.name };
}

async function viaOfficeJs(file: string): Promise<{ model: WorkbookModel; notice: string; departments: string }> {
  const model = await sampleModel(file);
  const installed = installDouble(model);
  restore = installed.restore;
  const ctx = installed.excel.context();
  const job = await generateNotice(ctx as unknown as Excel.RequestContext, TODAY);
  expect(ctx.syncCount).toBeLessThanOrEqual(3);
  return { model, notice: job.noticeSheet.name, departments: job.departmentSheet.name };
}

function sheet(model: WorkbookModel, name: string): SheetModel {
  const s = model.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe("the Office.js host and the command line write the same notice", () => {
  for (const c of CASES) {
    it(`on ${c.file}`, async () => {
      const cli = await viaPackage(c.file);
      const office = await viaOfficeJs(c.file);
      expect(office.notice).toBe(cli.notice);
      expect(office.model.sheets.map((s) => s.name)).toEqual(cli.model.sheets.map((s) => s.name));

      // File against file: a cell's font in a file is always some font (the default one, index 0, for the marker cell).
      const reread = await loadModel(await saveModel(office.model));
      const want = noticeView(sheet(cli.model, cli.notice));
      const got = noticeView(sheet(reread, office.notice));
      expect(Object.keys(got.cells).length).toBeGreaterThan(20);
      expect(got).toEqual(want);

      const wantHighlight = highlightView(sheet(cli.model, c.tracking));
      expect(wantHighlight.cells.length).toBeGreaterThan(0);
      expect(highlightView(sheet(office.model, c.tracking))).toEqual(wantHighlight);
      expect(othersOf(sheet(office.model, c.tracking))).toEqual(othersOf(sheet(cli.model, c.tracking)));
      expect(highlightView(sheet(reread, c.tracking))).toEqual(wantHighlight);

      // The department sheet: the same cells (numbers as numbers, formats, light fills, borders), and the same chart.
      expect(office.departments).toBe(cli.departments);
      const wantDepartments = noticeView(sheet(cli.model, cli.departments));
      expect(Object.values(wantDepartments.cells).filter((x) => x.type === "number").length).toBeGreaterThan(10);
      expect(Object.values(wantDepartments.cells).filter((x) => x.fill !== null).length).toBeGreaterThan(3);
      expect(Object.values(wantDepartments.cells).filter((x) => x.border !== null).length).toBeGreaterThan(10);
      expect(noticeView(sheet(reread, office.departments))).toEqual(wantDepartments);
      const charts = chartsView(sheet(cli.model, cli.departments));
      expect(charts).toEqual([expect.objectContaining({ type: "BarClustered", categoryAxis: expect.objectContaining({ reversePlotOrder: true }) })]);
      expect(chartsView(sheet(office.model, office.departments))).toEqual(charts);
    });
  }
});

describe("the two hosts write the same tool sheet with numbers, fills and a chart (a hand-made department sheet)", () => {
  it("on tracking-2025-q3.xlsx", async () => {
    const plan = handMadeDepartmentSheet("三季度部门情况", 8);
    const file = "tracking-2025-q3.xlsx";
    const book = await openWorkbook(readFileSync(path.join(SAMPLES, file)), file);
    const job = prepareNotice(book.read.grid, { today: TODAY });
    const cli = await loadModel(await writeWorkbook(book, planEdits(book.pkg, book.read, [job.noticeSheet, plan], job.highlight)));

    const model = await sampleModel(file);
    const installed = installDouble(model);
    restore = installed.restore;
    const ctx = installed.excel.context();
    const xl = ctx as unknown as Excel.RequestContext;
    await queueToolSheet(new WriteQueue(xl), xl, plan, false, detectFeatures());
    await ctx.sync();

    const reread = await loadModel(await saveModel(model));
    const want = noticeView(sheet(cli, plan.name));
    expect(Object.values(want.cells).filter((c) => c.type === "number").length).toBe(8 * 5);
    expect(noticeView(sheet(reread, plan.name))).toEqual(want);
    // The double's own model: the file saved from it has no charts (ExcelJS cannot write them).
    const charts = chartsView(sheet(cli, plan.name));
    expect(charts).toHaveLength(1);
    expect(chartsView(sheet(model, plan.name))).toEqual(charts);
  });
});

describe("with the tracking sheet named in 通报设置, the add-in still reads the previous quarter's sheet", () => {
  it("gives the core the same comparison as the command line's whole read (layout previous-quarter)", async () => {
    const layout = loadLayouts().find((l) => l.name === "previous-quarter")!;
    const buffer = Buffer.from((await layoutWorkbook(layout).xlsx.writeBuffer()) as ArrayBuffer);
    const cli = prepareNotice(await readWorkbookGrid(buffer), { today: TODAY, sheet: "三季度调度表" });
    expect(cli.analysis.comparison?.previous).toMatchObject({ quarter: 2, source: "sheet" });

    const model = await loadModel(buffer);
    setSettingsRows(model, [["调度表", "三季度调度表"]]);
    const installed = installDouble(model);
    restore = installed.restore;
    const ctx = installed.excel.context();
    const office = await generateNotice(ctx as unknown as Excel.RequestContext, TODAY);
    expect(ctx.syncCount).toBeLessThanOrEqual(3);
    expect(office.analysis.comparison).toEqual(cli.analysis.comparison);
    expect(noticeText(office.notice)).toBe(noticeText(cli.notice));
  });
});

/**
 * The options a layout run gives on the command line: for the command line,
 * run options; for the add-in, rows of the workbook's 通报设置 sheet (its one
 * place for settings), over the rows the layout's own sheet has.
 */
function runSettings(args: readonly string[] = []): { settings: Partial<NoticeSettings>; sheet?: string; rows: [string, string][]; draft: boolean } {
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args[i + 1];
  };
  const settings: Record<string, unknown> = {};
  const rows: [string, string][] = [];
  for (const d of SETTING_DEFINITIONS) {
    const text = value(`--${d.option}`);
    if (text === undefined) continue;
    const parsed = d.parse(text);
    if (parsed.ok) settings[d.key] = parsed.value;
    rows.push([d.name, text]);
  }
  const sheet = value("--sheet");
  if (sheet !== undefined) rows.push(["调度表", sheet]);
  return { settings: settings as Partial<NoticeSettings>, sheet, rows, draft: args.includes("--draft") };
}

/** Sets `项目 | 内容` rows of the model's 通报设置 sheet (adding the sheet, or a row, where there is none). */
function setSettingsRows(model: WorkbookModel, rows: readonly [string, string][]): void {
  if (rows.length === 0) return;
  let sheet = model.sheets.find((x) => x.name === "通报设置");
  if (!sheet) {
    sheet = emptySheet("通报设置", "{settings-sheet}");
    sheet.cells.A1 = { value: "项目" };
    sheet.cells.B1 = { value: "内容" };
    model.sheets.push(sheet);
  }
  for (const [key, text] of rows) {
    let r = 1;
    while (sheet.cells[`A${r}`] && cellText(sheet.cells[`A${r}`]) !== key) r++;
    sheet.cells[`A${r}`] = { value: key };
    sheet.cells[`B${r}`] = { value: text, numberFormat: "@" };
  }
}

describe("the two hosts read every layout alike", () => {
  const runs = loadLayouts().flatMap((layout) => layout.runs.filter((r) => (r.exit ?? 0) === 0).map((run) => ({ layout, run, name: `${layout.name}: ${run.name}` })));
  it.each(runs)("$name", async ({ layout, run }) => {
    const { settings, sheet: trackingSheet, rows, draft } = runSettings(run.args);
    const wb = layoutWorkbook(layout);
    const buffer = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const cli = prepareNotice(await readWorkbookGrid(buffer), { today: TODAY, settings, sheet: trackingSheet, draft });

    const model = await loadModel(buffer);
    setSettingsRows(model, rows);
    const installed = installDouble(model);
    restore = installed.restore;
    const ctx = installed.excel.context();
    const office = await generateNotice(ctx as unknown as Excel.RequestContext, TODAY, {}, { draft });
    expect(ctx.syncCount).toBeLessThanOrEqual(3);

    expect(summarise(office)).toEqual(summarise(cli));
    expect(noticeText(office.notice)).toBe(noticeText(cli.notice));
    // The notice sheet the add-in wrote holds the same text, line for line (the settings sheet's wording included).
    const written = Object.entries(sheet(model, office.noticeSheet.name).cells)
      .filter(([k]) => /^A\d+$/.test(k))
      .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
      .map(([, c]) => cellText(c))
      .join("");
    for (const p of office.notice.paragraphs) expect(written.replace(/\s/g, "")).toContain(p.text.replace(/\s/g, "").slice(0, 20));
  });
});
