/** Applying the core's plans to an ExcelJS workbook. */
import type ExcelJS from "exceljs";
import { InputError, rangeAddress, sheetNameTaken, type CellStyle, type HighlightPlan, type SheetPlan } from "../../core";

/** `#FFC7CE` → `FFFFC7CE`. */
function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

function cellFormat(style: CellStyle): Partial<ExcelJS.Style> {
  return {
    numFmt: "@",
    font: {
      name: style.font.name,
      size: style.font.size,
      bold: style.font.bold ?? false,
      ...(style.font.color ? { color: { argb: argb(style.font.color) } } : {}),
    },
    alignment: {
      horizontal: style.horizontal,
      vertical: style.vertical === "center" ? "middle" : style.vertical,
      wrapText: style.wrap,
      ...(style.indent ? { indent: style.indent } : {}),
    },
    ...(style.fill ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } } as ExcelJS.Fill } : {}),
  };
}

/** Whether a sheet was written by this tool (its marker cell carries the plan's marker). */
export function carriesMarker(ws: ExcelJS.Worksheet, plan: SheetPlan): boolean {
  const v = ws.getCell(plan.marker.row + 1, plan.marker.col + 1).value;
  return v === plan.marker.text;
}

/**
 * Writes the notice sheet, replacing an earlier one this tool wrote. A sheet
 * of that name that the tool did not write is never touched.
 */
export function assertNoticeSheetFree(wb: ExcelJS.Workbook, plan: SheetPlan): void {
  const existing = wb.getWorksheet(plan.name);
  if (existing && !carriesMarker(existing, plan)) throw sheetNameTaken(plan.name);
}

export function applyNoticeSheet(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  assertNoticeSheetFree(wb, plan);
  const existing = wb.getWorksheet(plan.name);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(plan.name, { views: [{ showGridLines: plan.showGridlines }] });

  plan.columnWidths.forEach((width, i) => {
    const col = ws.getColumn(i + 1);
    col.width = width;
    if (plan.hiddenColumns.includes(i)) col.hidden = true;
  });
  for (const block of plan.blocks) {
    const format = cellFormat(block.style);
    block.texts.forEach((rowTexts, r) => {
      rowTexts.forEach((text, c) => {
        const cell = ws.getCell(block.row + r + 1, block.col + c + 1);
        cell.style = format as ExcelJS.Style;
        // A plain string value is stored as a shared string: never a formula.
        cell.value = text;
      });
    });
  }
  const marker = ws.getCell(plan.marker.row + 1, plan.marker.col + 1);
  marker.numFmt = "@";
  marker.value = plan.marker.text;
  for (const m of plan.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rowCount, m.col + m.colCount);
  for (const { row, height } of plan.rowHeights) ws.getRow(row + 1).height = height;

  const ps = plan.pageSetup;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: ps.orientation,
    margins: ps.margins,
    horizontalCentered: ps.centerHorizontally,
    ...(ps.scale !== undefined ? { fitToPage: false, scale: ps.scale } : { fitToPage: true, fitToWidth: ps.fitToPagesWide, fitToHeight: 0 }),
    printArea: rangeAddress(ps.printArea),
    ...(ps.firstPageNumber !== undefined ? { firstPageNumber: ps.firstPageNumber } : {}),
  };
  const sections = (f: { left: string; center: string; right: string }) => (f.left ? `&L${f.left}` : "") + (f.center ? `&C${f.center}` : "") + (f.right ? `&R${f.right}` : "");
  ws.headerFooter = ps.oddEvenFooters
    ? { ...ws.headerFooter, differentOddEven: true, oddFooter: sections(ps.oddEvenFooters.odd), evenFooter: sections(ps.oddEvenFooters.even) }
    : { ...ws.headerFooter, oddFooter: "&C" + ps.centerFooter };
  return ws;
}

type CfRule = ExcelJS.ConditionalFormattingRule & { formulae?: string[] };

function isOurs(cf: ExcelJS.ConditionalFormattingOptions, marker: string): boolean {
  return cf.rules.some((r) => ((r as CfRule).formulae ?? []).some((f) => String(f).includes(marker)));
}

/** Removes this tool's highlight rules from a sheet; the departments' own rules stay. Returns how many went. */
export function clearHighlight(ws: ExcelJS.Worksheet, marker: string): number {
  const count = () => (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length;
  const before = count();
  ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => !isOurs(cf, marker));
  return before - count();
}

/** Replaces this tool's highlight on the tracking sheet with the plan's. */
export function applyHighlight(wb: ExcelJS.Workbook, plan: HighlightPlan): void {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new InputError(`找不到工作表“${plan.sheet}”。`);
  clearHighlight(ws, plan.marker);
  if (plan.ranges.length === 0) return;
  ws.addConditionalFormatting({
    ref: plan.ranges.map(rangeAddress).join(" "),
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: [plan.formula],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(plan.fill) } },
          font: { color: { argb: argb(plan.fontColor) } },
        },
      } as ExcelJS.ConditionalFormattingRule,
    ],
  });
}
