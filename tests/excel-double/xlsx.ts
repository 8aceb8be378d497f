/**
 * Node only: `.xlsx` ⇄ the double's workbook model, through ExcelJS.
 *
 * Loading keeps what the add-in reads or must leave alone (values, formulas,
 * number formats, fonts, fills, alignment, merges, row heights, column
 * widths, hidden columns, conditional formats, page setup, gridlines,
 * protection); saving writes the same back, so a workbook can go through the
 * add-in's Office.js code path and be opened, compared or rendered after.
 * Workbook settings (`workbook.settings`) are not kept in the file: ExcelJS
 * has no place for them. Charts are read (xlsx-charts.ts) but not saved:
 * ExcelJS cannot write them.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { chartsOf } from "./xlsx-charts";
import {
  cellKey,
  columnLetters,
  columnNumber,
  emptySheet,
  emptyWorkbook,
  parseArea,
  parseCellKey,
  rectAddress,
  splitSheet,
  type CellModel,
  type ConditionalFormatModel,
  type ConditionalFormatTypeModel,
  type HorizontalModel,
  type SheetModel,
  type VerticalModel,
  type WorkbookModel,
} from "./model";

/** Excel column width (characters of the default font) → points: pixels = chars·7 + 5, 0.75 pt a pixel. */
export function charsToPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}
export function pointsToChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function hex(argb: string | undefined): string | undefined {
  if (!argb) return undefined;
  const s = argb.replace(/^#/, "").toUpperCase();
  return `#${s.length === 8 ? s.slice(2) : s}`;
}
function argb(hexColor: string): string {
  return `FF${hexColor.replace(/^#/, "").toUpperCase()}`;
}

const H_IN: Record<string, HorizontalModel> = {
  left: "Left",
  center: "Center",
  right: "Right",
  fill: "Fill",
  justify: "Justify",
  centerContinuous: "CenterAcrossSelection",
  distributed: "Distributed",
};
const V_IN: Record<string, VerticalModel> = { top: "Top", middle: "Center", bottom: "Bottom", justify: "Justify", distributed: "Distributed" };
const H_OUT = Object.fromEntries(Object.entries(H_IN).map(([k, v]) => [v, k])) as Record<string, ExcelJS.Alignment["horizontal"]>;
const V_OUT = Object.fromEntries(Object.entries(V_IN).map(([k, v]) => [v, k])) as Record<string, ExcelJS.Alignment["vertical"]>;

const CF_TYPES_IN: Record<string, ConditionalFormatTypeModel> = {
  expression: "Custom",
  cellIs: "CellValue",
  containsText: "ContainsText",
  top10: "TopBottom",
  dataBar: "DataBar",
  colorScale: "ColorScale",
  iconSet: "IconSet",
};

const PAPER_IN: Record<number, string> = { 1: "Letter", 5: "Legal", 8: "A3", 9: "A4", 11: "A5", 12: "B4", 13: "B5" };
const PAPER_OUT = Object.fromEntries(Object.entries(PAPER_IN).map(([k, v]) => [v, Number(k)])) as Record<string, number>;

/** The centre section of a header/footer string (`&L…&C…&R…`), codes kept. */
export function centerSection(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const sections: Record<string, string> = { L: "", C: "", R: "" };
  let current: string | null = null;
  let sawSection = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "&" && i + 1 < text.length) {
      const next = text[i + 1]!;
      if (next === "L" || next === "C" || next === "R") {
        current = next;
        sawSection = true;
        i++;
        continue;
      }
      if (current === null) current = "C";
      sections[current] += ch + next;
      i++;
      continue;
    }
    if (current === null) current = "C";
    sections[current] += ch;
  }
  if (!sawSection) return text;
  return sections.C === "" ? undefined : sections.C;
}

/** The three sections of a header/footer string (`&L…&C…&R…`), codes kept; text before any section mark is the centre. */
export function footerSections(text: string | undefined): { left: string; center: string; right: string } {
  const t = text ?? "";
  const hasMark = /&[LCR]/.test(t);
  return {
    left: (hasMark && partOf(t, "L")) || "",
    center: hasMark ? partOf(t, "C") : t,
    right: (hasMark && partOf(t, "R")) || "",
  };
}

function partOf(text: string, section: "L" | "C" | "R"): string {
  let current: string | null = null;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === "&" && next !== undefined) {
      if (next === "L" || next === "C" || next === "R") {
        current = next;
        i++;
        continue;
      }
      if ((current ?? "C") === section) out += ch + next;
      i++;
      continue;
    }
    if ((current ?? "C") === section) out += ch;
  }
  return out;
}

/** Sections back into one header/footer string. */
function joinSections(f: { left?: string; center?: string; right?: string } | undefined): string {
  if (!f) return "";
  return (f.left ? `&L${f.left}` : "") + (f.center ? `&C${f.center}` : "") + (f.right ? `&R${f.right}` : "");
}

function cellValue(cell: ExcelJS.Cell): Pick<CellModel, "value" | "formula"> {
  const v = cell.value;
  if (v === null || v === undefined) return {};
  if (typeof v === "string") return v === "" ? {} : { value: v };
  if (typeof v === "number" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: (v.getTime() - EXCEL_EPOCH) / 86_400_000 };
  if (typeof v === "object") {
    if ("richText" in v) return { value: v.richText.map((r) => r.text).join("") };
    if ("formula" in v || "sharedFormula" in v) {
      const f = (v as { formula?: string }).formula ?? (v as { sharedFormula?: string }).sharedFormula ?? "";
      const result = (v as { result?: unknown }).result;
      const value =
        result === undefined || result === null
          ? undefined
          : typeof result === "object" && result !== null && "error" in result
            ? String((result as { error: string }).error)
            : result instanceof Date
              ? (result.getTime() - EXCEL_EPOCH) / 86_400_000
              : (result as string | number | boolean);
      return { formula: `=${f}`, ...(value === undefined ? {} : { value }) };
    }
    if ("hyperlink" in v) return { value: String((v as { text?: unknown }).text ?? "") };
    if ("error" in v) return { value: String((v as ExcelJS.CellErrorValue).error) };
  }
  return {};
}

function cellModel(cell: ExcelJS.Cell): CellModel {
  const out: CellModel = cell.type === ExcelJS.ValueType.Merge ? {} : cellValue(cell);
  if (cell.numFmt && cell.numFmt !== "General") out.numberFormat = cell.numFmt;
  const f = cell.font;
  if (f && Object.keys(f).length > 0) {
    const font: CellModel["font"] = {};
    if (f.name !== undefined) font.name = f.name;
    if (f.size !== undefined) font.size = f.size;
    if (f.bold !== undefined) font.bold = f.bold;
    const color = hex(f.color?.argb);
    if (color) font.color = color;
    if (Object.keys(font).length > 0) out.font = font;
  }
  const fill = cell.fill;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const color = hex(fill.fgColor?.argb);
    if (color) out.fill = color;
  }
  const a = cell.alignment;
  if (a) {
    if (a.horizontal && H_IN[a.horizontal]) out.horizontal = H_IN[a.horizontal];
    if (a.vertical && V_IN[a.vertical]) out.vertical = V_IN[a.vertical];
    if (a.wrapText !== undefined) out.wrap = a.wrapText;
    if (a.indent) out.indent = a.indent;
  }
  const b = cell.border;
  if (b) {
    const border: NonNullable<CellModel["border"]> = {};
    for (const edge of ["top", "bottom", "left", "right"] as const) {
      const line = b[edge];
      if (!line?.style) continue;
      const color = hex(line.color?.argb);
      border[edge] = color && color !== "#000000" ? `${line.style} ${color}` : line.style;
    }
    if (Object.keys(border).length > 0) out.border = border;
  }
  return out;
}

interface MergeDimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const index = (ws as unknown as { _merges: Record<string, MergeDimensions | undefined> })._merges ?? {};
  return Object.values(index)
    .filter((m): m is MergeDimensions => m !== undefined)
    .map((m) => rectAddress({ row: m.top - 1, col: m.left - 1, rowCount: m.bottom - m.top + 1, colCount: m.right - m.left + 1 }));
}

interface ExcelJsCfRule {
  type: string;
  priority?: number;
  formulae?: unknown[];
  style?: { fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } }; font?: { color?: { argb?: string } } };
}

function sheetModel(ws: ExcelJS.Worksheet, id: string): SheetModel {
  const s = emptySheet(ws.name, id);
  s.visibility = ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.height !== undefined && row.height !== null) s.rowHeights[String(rowNumber)] = row.height;
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const m = cellModel(cell);
      if (Object.keys(m).length > 0) s.cells[cellKey(rowNumber - 1, colNumber - 1)] = m;
    });
  });
  const columnCount = Math.max(ws.columnCount, ws.columns?.length ?? 0);
  for (let c = 1; c <= columnCount; c++) {
    const col = ws.getColumn(c);
    if (col.width !== undefined) s.columnWidths[columnLetters(c - 1)] = charsToPoints(col.width);
    if (col.hidden) s.hiddenColumns.push(columnLetters(c - 1));
  }
  s.merges = mergesOf(ws);
  const cfs = (ws as unknown as { conditionalFormattings?: { ref: string; rules: ExcelJsCfRule[] }[] }).conditionalFormattings ?? [];
  let n = 0;
  for (const cf of cfs) {
    const ranges = cf.ref.split(/\s+/).filter((r) => r !== "");
    for (const rule of cf.rules) {
      const type = CF_TYPES_IN[rule.type] ?? "PresetCriteria";
      const m: ConditionalFormatModel = { id: `{${id}-cf-${++n}}`, type, ranges };
      if (type === "Custom") {
        m.formula = `=${String(rule.formulae?.[0] ?? "")}`;
        const fill = hex(rule.style?.fill?.bgColor?.argb ?? rule.style?.fill?.fgColor?.argb);
        if (fill) m.fill = fill;
        const font = hex(rule.style?.font?.color?.argb);
        if (font) m.fontColor = font;
      } else {
        m.source = JSON.parse(JSON.stringify(rule)) as unknown;
      }
      s.conditionalFormats.push(m);
    }
  }
  const ps = ws.pageSetup;
  if (ps) {
    const layout = s.pageLayout;
    if (ps.paperSize !== undefined && PAPER_IN[ps.paperSize]) layout.paperSize = PAPER_IN[ps.paperSize];
    if (ps.orientation) layout.orientation = ps.orientation === "landscape" ? "Landscape" : "Portrait";
    if (ps.margins) {
      layout.topMargin = ps.margins.top * 72;
      layout.bottomMargin = ps.margins.bottom * 72;
      layout.leftMargin = ps.margins.left * 72;
      layout.rightMargin = ps.margins.right * 72;
      layout.headerMargin = ps.margins.header * 72;
      layout.footerMargin = ps.margins.footer * 72;
    }
    if (ps.horizontalCentered !== undefined) layout.centerHorizontally = ps.horizontalCentered;
    if (ps.verticalCentered !== undefined) layout.centerVertically = ps.verticalCentered;
    if (ps.fitToPage) layout.zoom = { horizontalFitToPages: ps.fitToWidth ?? 1, verticalFitToPages: ps.fitToHeight ?? 1 };
    else if (ps.scale !== undefined) layout.zoom = { scale: ps.scale };
    // Read from a file, useFirstPageNumber says whether the number counts; in memory, that one is given.
    const useFirst = (ps as { useFirstPageNumber?: boolean }).useFirstPageNumber ?? ps.firstPageNumber !== undefined;
    if (useFirst) layout.firstPageNumber = ps.firstPageNumber ?? 1;
    if (ps.printArea) layout.printArea = ps.printArea.split(",").map((a) => splitSheet(a).bare.replace(/\$/g, "")).join(",");
  }
  const hf = ws.headerFooter;
  if (hf?.differentOddEven) {
    // In the file the odd pages' footer is the one Office.js calls the odd pages', the default one being the same element.
    s.pageLayout.headerFooterState = "OddAndEven";
    s.pageLayout.footers = { odd: footerSections(hf.oddFooter ?? undefined), even: footerSections(hf.evenFooter ?? undefined) };
  } else {
    const footer = centerSection(hf?.oddFooter ?? undefined);
    if (footer !== undefined) s.pageLayout.centerFooter = footer;
  }
  s.showGridlines = ws.views?.[0]?.showGridLines ?? true;
  s.protected = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
  return s;
}

/** The model of an ExcelJS workbook. */
export function modelFromWorkbook(wb: ExcelJS.Workbook): WorkbookModel {
  const model = emptyWorkbook();
  model.sheets = wb.worksheets.map((ws) => sheetModel(ws, `{sheet-${model.nextId++}}`));
  const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  model.activeSheet = model.sheets[activeTab]?.name ?? model.sheets[0]?.name ?? null;
  return model;
}

/** Loads an `.xlsx` file (path or bytes) into a model, with its charts (read apart: ExcelJS does not read them). */
export async function loadModel(source: string | Buffer | ArrayBuffer): Promise<WorkbookModel> {
  const bytes = typeof source === "string" ? await readFile(source) : source;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  const model = modelFromWorkbook(wb);
  const charts = await chartsOf(bytes);
  for (const sheet of model.sheets) {
    const found = charts.get(sheet.name);
    if (found) sheet.charts = found;
  }
  return model;
}

function writeCell(cell: ExcelJS.Cell, m: CellModel): void {
  if (m.numberFormat) cell.numFmt = m.numberFormat;
  if (m.formula) cell.value = { formula: m.formula.slice(1), result: m.value } as ExcelJS.CellFormulaValue;
  else if (m.value !== undefined) cell.value = m.value;
  if (m.font) {
    cell.font = {
      ...(m.font.name !== undefined ? { name: m.font.name } : {}),
      ...(m.font.size !== undefined ? { size: m.font.size } : {}),
      ...(m.font.bold !== undefined ? { bold: m.font.bold } : {}),
      ...(m.font.color ? { color: { argb: argb(m.font.color) } } : {}),
    };
  }
  if (m.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(m.fill) } };
  if (m.border) {
    const line = (text: string | undefined): Partial<ExcelJS.Border> | undefined => {
      if (!text) return undefined;
      const [style, color] = text.split(" ");
      return { style: style as ExcelJS.BorderStyle, color: { argb: argb(color ?? "#000000") } };
    };
    const { top, bottom, left, right } = m.border;
    cell.border = Object.fromEntries(Object.entries({ top: line(top), bottom: line(bottom), left: line(left), right: line(right) }).filter(([, v]) => v)) as Partial<ExcelJS.Borders>;
  }
  if (m.horizontal || m.vertical || m.wrap !== undefined || m.indent) {
    cell.alignment = {
      ...(m.horizontal && H_OUT[m.horizontal] ? { horizontal: H_OUT[m.horizontal] } : {}),
      ...(m.vertical && V_OUT[m.vertical] ? { vertical: V_OUT[m.vertical] } : {}),
      ...(m.wrap !== undefined ? { wrapText: m.wrap } : {}),
      ...(m.indent ? { indent: m.indent } : {}),
    };
  }
}

/** An ExcelJS workbook holding the model. */
export function workbookFromModel(model: WorkbookModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of model.sheets) {
    const ws = wb.addWorksheet(s.name, {
      state: s.visibility === "Hidden" ? "hidden" : s.visibility === "VeryHidden" ? "veryHidden" : "visible",
      views: [{ showGridLines: s.showGridlines }],
    });
    for (const [letters, points] of Object.entries(s.columnWidths)) ws.getColumn(columnNumber(letters) + 1).width = pointsToChars(points);
    for (const letters of s.hiddenColumns) ws.getColumn(columnNumber(letters) + 1).hidden = true;
    for (const [key, m] of Object.entries(s.cells)) {
      const { row, col } = parseCellKey(key);
      writeCell(ws.getCell(row + 1, col + 1), m);
    }
    for (const merge of s.merges) ws.mergeCells(merge);
    for (const [row, height] of Object.entries(s.rowHeights)) ws.getRow(Number(row)).height = height;
    s.conditionalFormats.forEach((cf, i) => {
      const ref = cf.ranges.join(" ");
      if (cf.type === "Custom") {
        ws.addConditionalFormatting({
          ref,
          rules: [
            {
              type: "expression",
              priority: i + 1,
              formulae: [(cf.formula ?? "=").slice(1)],
              style: {
                ...(cf.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } } } : {}),
                ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
              },
            } as ExcelJS.ConditionalFormattingRule,
          ],
        });
      } else if (cf.source) {
        ws.addConditionalFormatting({ ref, rules: [{ ...(cf.source as ExcelJS.ConditionalFormattingRule), priority: i + 1 }] });
      }
    });
    const p = s.pageLayout;
    const setup: Partial<ExcelJS.PageSetup> = {};
    if (p.paperSize && PAPER_OUT[p.paperSize]) setup.paperSize = PAPER_OUT[p.paperSize] as ExcelJS.PaperSize;
    if (p.orientation) setup.orientation = p.orientation === "Landscape" ? "landscape" : "portrait";
    if (p.topMargin !== undefined) {
      setup.margins = {
        top: (p.topMargin ?? 54) / 72,
        bottom: (p.bottomMargin ?? 54) / 72,
        left: (p.leftMargin ?? 50.4) / 72,
        right: (p.rightMargin ?? 50.4) / 72,
        header: (p.headerMargin ?? 21.6) / 72,
        footer: (p.footerMargin ?? 21.6) / 72,
      };
    }
    if (p.centerHorizontally !== undefined) setup.horizontalCentered = p.centerHorizontally;
    if (p.centerVertically !== undefined) setup.verticalCentered = p.centerVertically;
    if (p.zoom?.horizontalFitToPages !== undefined || p.zoom?.verticalFitToPages !== undefined) {
      setup.fitToPage = true;
      setup.fitToWidth = p.zoom.horizontalFitToPages ?? 0;
      setup.fitToHeight = p.zoom.verticalFitToPages ?? 0;
    } else if (p.zoom?.scale !== undefined) setup.scale = p.zoom.scale;
    if (p.printArea) setup.printArea = p.printArea;
    if (typeof p.firstPageNumber === "number") setup.firstPageNumber = p.firstPageNumber;
    ws.pageSetup = { ...ws.pageSetup, ...setup };
    if (p.headerFooterState === "OddAndEven") {
      ws.headerFooter = { ...ws.headerFooter, differentOddEven: true, oddFooter: joinSections(p.footers?.odd), evenFooter: joinSections(p.footers?.even) };
    } else if (p.centerFooter) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${p.centerFooter}` };
    if (s.protected) void ws.protect("", {});
  }
  const active = model.sheets.findIndex((s) => s.name === model.activeSheet);
  wb.views = [{ activeTab: Math.max(0, active), x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, visibility: "visible" }];
  return wb;
}

/** The model as `.xlsx` bytes. */
export async function saveModel(model: WorkbookModel): Promise<Buffer> {
  return Buffer.from((await workbookFromModel(model).xlsx.writeBuffer()) as ArrayBuffer);
}

/** Column letters → 0-based index and back, re-exported for tests that convert addresses. */
export { columnLetters, columnNumber, parseArea };
