/**
 * Lays the notice out as a print-ready sheet, as close to GB/T 9704-2012
 * 《党政机关公文格式》 as a worksheet allows: A4 portrait, 37/35/28/26 mm
 * margins, one text column as wide as the 156 mm text block, title 22 pt
 * 方正小标宋简体 centred, body 16 pt 仿宋_GB2312 with a two-character first-line
 * indent, headings 黑体, page numbers `— 1 —` in 14 pt 宋体.
 */
import type { CellBlock, CellStyle, PageSetup, SheetPlan } from "../plan";
import type { NoticeModel, ParagraphRole } from "../notice/model";
import { wrapLines } from "./text-measure";

const MM_PER_INCH = 25.4;

export const PAGE_MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const TEXT_BLOCK_WIDTH_MM = 156;

/** The tag in the hidden marker cell of every notice sheet this tool writes. */
export const NOTICE_MARKER = "supervision-notice:notice-sheet";
/** Where that tag stands: B1, in the hidden second column. Hosts read it to know a sheet is theirs to replace. */
export const NOTICE_MARKER_CELL = { row: 0, col: 1 } as const;

/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;
const ROW_PADDING = 4;
/**
 * Line height as a multiple of the font size. Excel draws 仿宋 at about 1.3;
 * the CJK fonts that stand in for it elsewhere (Noto CJK in LibreOffice/WPS)
 * at about 1.42. The larger keeps every viewer from clipping text.
 */
const LINE_HEIGHT_FACTOR = 1.42;
/** Wrap a little earlier than the cell width, so an estimate never clips text. */
const WRAP_SAFETY = 0.97;
/** Two ideographic spaces: the first-line indent of a paragraph. */
export const FIRST_LINE_INDENT = "\u3000\u3000";

/** Column width (Excel character units of the default font) for a width in mm. */
export function columnWidthForMm(mm: number): number {
  const pixels = (mm / MM_PER_INCH) * 96;
  return Math.round(((pixels - 5) / 7) * 100) / 100;
}

/** Usable text width of a column, in points. */
function columnTextPoints(width: number): number {
  return (width * 7 + 5) * 0.75 - 2 * 2.25;
}

const BODY_FONT = { name: "仿宋_GB2312", size: 16 } as const;

const STYLES: Readonly<Record<ParagraphRole, CellStyle>> = {
  title: { font: { name: "方正小标宋简体", size: 22 }, horizontal: "center", vertical: "center", wrap: true },
  body: { font: BODY_FONT, horizontal: "justify", vertical: "top", wrap: true },
  closing: { font: BODY_FONT, horizontal: "justify", vertical: "top", wrap: true },
  heading: { font: { name: "黑体", size: 16 }, horizontal: "left", vertical: "top", wrap: true },
  blank: { font: BODY_FONT, horizontal: "left", vertical: "top", wrap: false },
  issuer: { font: BODY_FONT, horizontal: "right", vertical: "top", wrap: false, indent: 2 },
  date: { font: BODY_FONT, horizontal: "right", vertical: "top", wrap: false, indent: 2 },
};

/** Roles whose paragraphs start with a two-character indent. */
const INDENTED: ReadonlySet<ParagraphRole> = new Set(["body", "closing", "heading"]);

export function lineHeight(fontSize: number): number {
  return Math.round(fontSize * LINE_HEIGHT_FACTOR * 4) / 4;
}

/**
 * One paragraph as one or more rows: a paragraph taller than Excel's tallest
 * row continues in the next row, split at an estimated line end.
 */
export function paragraphRows(text: string, style: CellStyle, columnWidth: number): { text: string; height: number }[] {
  const perLine = lineHeight(style.font.size);
  if (!style.wrap) return [{ text, height: perLine + ROW_PADDING }];
  const lineEms = (columnTextPoints(columnWidth) * WRAP_SAFETY) / style.font.size;
  const lines = wrapLines(text, lineEms);
  const maxLines = Math.floor((MAX_ROW_HEIGHT - ROW_PADDING) / perLine);
  const rows: { text: string; height: number }[] = [];
  for (let i = 0; i < lines.length; i += maxLines) {
    const chunk = lines.slice(i, i + maxLines);
    rows.push({ text: chunk.join(""), height: chunk.length * perLine + ROW_PADDING });
  }
  return rows;
}

function pageSetup(lastRow: number): PageSetup {
  const inch = (mm: number) => Math.round((mm / MM_PER_INCH) * 10000) / 10000;
  return {
    paperSize: "A4",
    orientation: "portrait",
    margins: {
      top: inch(PAGE_MARGINS_MM.top),
      bottom: inch(PAGE_MARGINS_MM.bottom),
      left: inch(PAGE_MARGINS_MM.left),
      right: inch(PAGE_MARGINS_MM.right),
      header: inch(15),
      footer: inch(20),
    },
    centerHorizontally: false,
    fitToPagesWide: 1,
    printArea: { row: 0, col: 0, rowCount: lastRow + 1, colCount: 1 },
    centerFooter: '&"宋体,Regular"&14— &P —',
  };
}

/** The notice sheet: one text column, one paragraph a row, every height set. */
export function planNoticeSheet(model: NoticeModel): SheetPlan {
  const width = columnWidthForMm(TEXT_BLOCK_WIDTH_MM);
  const blocks: CellBlock[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  let row = 0;
  let open: { row: number; col: number; texts: string[][]; style: CellStyle } | null = null;

  for (const p of model.paragraphs) {
    const style = STYLES[p.role];
    const text = INDENTED.has(p.role) ? FIRST_LINE_INDENT + p.text : p.text;
    for (const part of paragraphRows(text, style, width)) {
      if (!open || open.style !== style) {
        if (open) blocks.push(open);
        open = { row, col: 0, texts: [], style };
      }
      open.texts.push([part.text]);
      rowHeights.push({ row, height: Math.round(part.height * 4) / 4 });
      row++;
    }
  }
  if (open) blocks.push(open);
  const lastRow = row - 1;

  return {
    name: model.sheetName,
    columnWidths: [width, 12],
    hiddenColumns: [1],
    blocks,
    merges: [],
    rowHeights,
    pageSetup: pageSetup(lastRow),
    showGridlines: false,
    marker: { ...NOTICE_MARKER_CELL, text: NOTICE_MARKER },
  };
}
