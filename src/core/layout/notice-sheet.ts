/**
 * The notice as a print-exact sheet on GB/T 9704-2012's grid (see
 * page-model.ts): each printed line is one row of fixed height in one text
 * column, the lines broken by the core itself, so Excel, WPS and LibreOffice
 * print the same lines on the same pages — 22 lines a page of 28 characters.
 *
 * A sheet cannot narrow its characters as Word's document grid does (28
 * characters of 16 pt are 158 mm, the text block 156 mm), so the sheet
 * prints at 97 %: the column and the rows are drawn 1/0.97 as large as the
 * paper's text block and lines, the margins stay the standard's. Row
 * heights are whole pixels (Excel keeps a row height to whole pixels), so
 * 22 rows fill 220 mm of the 225 mm block and a 23rd never fits.
 */
import type { CellBlock, CellStyle, PageSetup, SheetPlan } from "../plan";
import type { NoticeModel } from "../notice/model";
import { FOOTER_MM, GBT9704, layoutPages, mmToPt, pageNumberFooters, type LineStyle } from "./page-model";

const MM_PER_INCH = 25.4;

export const PAGE_MARGINS_MM = GBT9704.marginsMm;
export const TEXT_BLOCK_WIDTH_MM = GBT9704.textBlockMm.width;

/** The tag in the hidden marker cell of every notice sheet this tool writes. */
export const NOTICE_MARKER = "supervision-notice:notice-sheet";
/** Where that tag stands: B1, in the hidden second column. Hosts read it to know a sheet is theirs to replace. */
export const NOTICE_MARKER_CELL = { row: 0, col: 1 } as const;

/** The sheet prints at this percentage (see above). */
export const PRINT_SCALE = 97;
/** Excel's pixels at 100 % zoom: 96 a inch, 0.75 pt each. */
const PT_PER_PX = 0.75;

/** Column width (Excel character units of the default font, 7 px a character plus 5 px) for a width in pixels. */
export function columnWidthForPixels(px: number): number {
  return Math.round(((px - 5) / 7) * 100) / 100;
}

/** The text column in whole pixels: the 156 mm text block at the print scale. */
export const TEXT_COLUMN_PX = Math.floor(mmToPt(GBT9704.textBlockMm.width) / (PRINT_SCALE / 100) / PT_PER_PX);
/** The room a cell leaves for its text (Excel keeps about 5 px of padding), in points. */
export const TEXT_COLUMN_TEXT_PT = (TEXT_COLUMN_PX - 5) * PT_PER_PX;

/**
 * One printed line's row height, in points of the sheet: the tallest whole
 * number of pixels at which 22 rows, printed at the scale, fit the 225 mm
 * block (29.25 pt, 28.4 pt on paper).
 */
export const LINE_ROW_HEIGHT = (() => {
  const blockPt = mmToPt(GBT9704.textBlockMm.height) / (PRINT_SCALE / 100);
  const px = Math.floor(blockPt / GBT9704.linesPerPage / PT_PER_PX);
  return px * PT_PER_PX;
})();

const style = (font: { name: string; size: number }, horizontal: CellStyle["horizontal"]): CellStyle => ({
  font: { name: font.name, size: font.size },
  horizontal,
  vertical: "center",
  wrap: false,
});

const BODY = style(GBT9704.body, "left");
const STYLES: Readonly<Record<LineStyle, CellStyle>> = {
  title: style(GBT9704.title, "center"),
  blank: BODY,
  body: BODY,
  heading1: style(GBT9704.heading1, "left"),
  heading2: style(GBT9704.heading2, "left"),
  number: style(GBT9704.body, "center"),
  addressee: BODY,
  issuer: BODY,
  date: BODY,
};

function pageSetup(lastRow: number): PageSetup {
  const inch = (mm: number) => Math.round((mm / MM_PER_INCH) * 10000) / 10000;
  const m = GBT9704.marginsMm;
  const footers = pageNumberFooters();
  return {
    paperSize: "A4",
    orientation: "portrait",
    margins: { top: inch(m.top), bottom: inch(m.bottom), left: inch(m.left), right: inch(m.right), header: inch(15), footer: inch(FOOTER_MM) },
    centerHorizontally: false,
    // Not applied: the sheet prints at `scale`. Kept for writers that only know fitting.
    fitToPagesWide: 1,
    scale: PRINT_SCALE,
    // The notice's own pages: — 1 — first, also when the whole workbook is printed.
    firstPageNumber: 1,
    printArea: { row: 0, col: 0, rowCount: lastRow + 1, colCount: 1 },
    // For writers that know no odd/even footers: the page number centred.
    centerFooter: `&"${GBT9704.pageNumber.name},Regular"&${GBT9704.pageNumber.size}— &P —`,
    oddEvenFooters: footers,
  };
}

/** The text of a printed line as a cell holds it: the issuer's and date's position as ideographic spaces. */
function cellText(text: string, indent: number): string {
  if (indent <= 0) return text;
  const whole = Math.floor(indent);
  // A half em left over (a half-width character in the issuer): one half-width space.
  return "\u3000".repeat(whole) + (indent - whole >= 0.5 ? " " : "") + text;
}

/** The notice sheet: one printed line a row, every row the same height. */
export function planNoticeSheet(model: NoticeModel): SheetPlan {
  const paged = layoutPages(model);
  const blocks: CellBlock[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  let open: { row: number; col: number; texts: string[][]; style: CellStyle } | null = null;

  paged.lines.forEach((line, row) => {
    const s = STYLES[line.style];
    if (!open || open.style !== s) {
      if (open) blocks.push(open);
      open = { row, col: 0, texts: [], style: s };
    }
    open.texts.push([cellText(line.text, line.indent)]);
    rowHeights.push({ row, height: LINE_ROW_HEIGHT });
  });
  if (open) blocks.push(open);

  return {
    name: model.sheetName,
    columnWidths: [columnWidthForPixels(TEXT_COLUMN_PX), 12],
    hiddenColumns: [1],
    blocks,
    merges: [],
    rowHeights,
    pageSetup: pageSetup(paged.lines.length - 1),
    showGridlines: false,
    marker: { ...NOTICE_MARKER_CELL, text: NOTICE_MARKER },
  };
}
