/**
 * One of the core's SheetPlans (the notice sheet, the department sheet) as a
 * worksheet part: every text an inline string in a cell formatted as text
 * (`@`), so nothing can become a formula or a number; the number blocks as
 * numbers with their number format; column widths and hidden columns, row
 * heights, merges, gridlines, page setup and footer as the plan says, and
 * the `<drawing>` that holds the plan's charts (see chart.ts).
 */
import { cellAddress, columnLetter, rangeAddress, type CellStyle, type PageSetup, type SheetPlan } from "../../core";
import { escapeCellText, escapeXml } from "./xml";

/** Numbers as short as they are exact. */
const num = (n: number) => String(Math.round(n * 1e6) / 1e6);

type Sections = { readonly left: string; readonly center: string; readonly right: string };
/** Page setup fields a plan may carry beyond fitting to pages: a print scale, odd and even footers. */
type PageOptions = PageSetup & { readonly scale?: number; readonly oddEvenFooters?: { readonly odd: Sections; readonly even: Sections } };

/** `&L…&C…&R…`, empty sections left out. */
const sectionCodes = (s: Sections) => (s.left ? `&L${s.left}` : "") + (s.center ? `&C${s.center}` : "") + (s.right ? `&R${s.right}` : "");

function headerFooterXml(ps: PageOptions): string {
  if (ps.oddEvenFooters) {
    const { odd, even } = ps.oddEvenFooters;
    return `<headerFooter differentOddEven="1"><oddFooter>${escapeXml(sectionCodes(odd))}</oddFooter><evenFooter>${escapeXml(sectionCodes(even))}</evenFooter></headerFooter>`;
  }
  return ps.centerFooter === "" ? "" : `<headerFooter><oddFooter>${escapeXml("&C" + ps.centerFooter)}</oddFooter></headerFooter>`;
}

/** The cell styles a sheet part refers to (indexes into styles.xml's cellXfs). */
export interface SheetStyles {
  /** A text cell (`@`) with the plan's style. */
  cellStyle(style: CellStyle): number;
  /** A number cell with the plan's style and number format. */
  numberStyle(style: CellStyle, numberFormat: string): number;
  /** The marker cell: the default style as text. */
  textStyle(): number;
}

/**
 * The part's text, made in pieces as it is written (the notice of 100,000
 * tasks is tens of megabytes of XML: never held whole). The cell styles are
 * taken now, so that the styles part is complete before the sheet is made.
 * `drawingRelId`: the sheet's relationship to the drawing part holding its
 * charts, when it has charts.
 */
export function toolSheetXml(plan: SheetPlan, styles: SheetStyles, drawingRelId?: string): () => Generator<string> {
  const taken = takeStyles(plan, styles);
  return () => sheetPieces(plan, taken, drawingRelId);
}

/** The plan's styles taken from `styles` in the order the sheet uses them, answered again from memory. */
function takeStyles(plan: SheetPlan, styles: SheetStyles): SheetStyles {
  const cells = new Map<CellStyle, number>();
  const numbers = new Map<CellStyle, Map<string, number>>();
  const taken: SheetStyles = {
    cellStyle(style) {
      let id = cells.get(style);
      if (id === undefined) cells.set(style, (id = styles.cellStyle(style)));
      return id;
    },
    numberStyle(style, numberFormat) {
      let formats = numbers.get(style);
      if (!formats) numbers.set(style, (formats = new Map()));
      let id = formats.get(numberFormat);
      if (id === undefined) formats.set(numberFormat, (id = styles.numberStyle(style, numberFormat)));
      return id;
    },
    textStyle: () => text,
  };
  for (const block of plan.blocks) taken.cellStyle(block.style);
  for (const block of plan.numbers ?? []) taken.numberStyle(block.style, block.numberFormat);
  const text = styles.textStyle();
  return taken;
}

/** About this many characters of `<sheetData>` a piece. */
const PIECE = 64 * 1024;

function* sheetPieces(plan: SheetPlan, styles: SheetStyles, drawingRelId: string | undefined): Generator<string> {
  // Cells by row (as [column, text or number, style]), in the order the plan gives them; heights by row.
  const rows: ([number, string | number, number][] | undefined)[] = [];
  const put = (row: number, col: number, text: string | number, style: number) => {
    const cells = rows[row] ?? (rows[row] = []);
    const same = cells.findIndex((c) => c[0] === col);
    if (same >= 0) cells[same] = [col, text, style];
    else cells.push([col, text, style]);
  };
  for (const block of plan.blocks) {
    const style = styles.cellStyle(block.style);
    for (let r = 0; r < block.texts.length; r++) {
      const texts = block.texts[r]!;
      for (let c = 0; c < texts.length; c++) put(block.row + r, block.col + c, texts[c]!, style);
    }
  }
  for (const block of plan.numbers ?? []) {
    const style = styles.numberStyle(block.style, block.numberFormat);
    for (let r = 0; r < block.values.length; r++) {
      const values = block.values[r]!;
      for (let c = 0; c < values.length; c++) put(block.row + r, block.col + c, values[c]!, style);
    }
  }
  // A merged area's other cells carry its top-left cell's style, as Excel writes them (its borders and fill span the area).
  for (const m of plan.merges) {
    const style = rows[m.row]?.find((c) => c[0] === m.col)?.[2];
    if (style === undefined) continue;
    for (let r = m.row; r < m.row + m.rowCount; r++) {
      for (let c = m.col; c < m.col + m.colCount; c++) if (!rows[r]?.some((x) => x[0] === c)) put(r, c, "", style);
    }
  }
  put(plan.marker.row, plan.marker.col, plan.marker.text, styles.textStyle());
  const heights: (number | undefined)[] = [];
  for (const { row, height } of plan.rowHeights) {
    heights[row] = height;
    if (!rows[row]) rows[row] = [];
  }

  const ps: PageOptions = plan.pageSetup;
  const lastRow = Math.max(0, rows.length - 1);
  let lastCol = 0;
  for (const cells of rows) for (const c of cells ?? []) lastCol = Math.max(lastCol, c[0]);

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    ps.scale === undefined ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "",
    `<dimension ref="A1:${cellAddress(lastRow, lastCol)}"/>`,
    `<sheetViews><sheetView${plan.showGridlines ? "" : ' showGridLines="0"'} workbookViewId="0"/></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
  ];

  const columns = Math.max(plan.columnWidths.length, ...plan.hiddenColumns.map((c) => c + 1));
  if (columns > 0) {
    out.push("<cols>");
    for (let c = 0; c < columns; c++) {
      const width = plan.columnWidths[c];
      const hidden = plan.hiddenColumns.includes(c);
      if (width === undefined && !hidden) continue;
      out.push(`<col min="${c + 1}" max="${c + 1}"${width === undefined ? "" : ` width="${num(width)}" customWidth="1"`}${hidden ? ' hidden="1"' : ""}/>`);
    }
    out.push("</cols>");
  }

  out.push("<sheetData>");
  yield out.join("");
  out.length = 0;
  let data = "";
  for (let row = 0; row < rows.length; row++) {
    const cells = rows[row];
    if (!cells) continue;
    const height = heights[row];
    const r = row + 1;
    data += `<row r="${r}"${height === undefined ? "" : ` ht="${num(height)}" customHeight="1"`}>`;
    if (cells.length > 1) cells.sort((x, y) => x[0] - y[0]);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      const text = cell[1];
      const style = cell[2];
      const ref = columnLetter(cell[0]) + r;
      if (typeof text === "number") {
        data += Number.isFinite(text) ? `<c r="${ref}" s="${style}"><v>${text}</v></c>` : `<c r="${ref}" s="${style}"/>`;
        continue;
      }
      data += text === "" ? `<c r="${ref}" s="${style}"/>` : `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeCellText(text)}</t></is></c>`;
    }
    data += "</row>";
    if (data.length >= PIECE) {
      yield data;
      data = "";
    }
  }
  out.push(data);
  out.push("</sheetData>");

  if (plan.merges.length > 0) out.push(`<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${rangeAddress(m)}"/>`).join("")}</mergeCells>`);
  if (ps.centerHorizontally) out.push('<printOptions horizontalCentered="1"/>');
  const m = ps.margins;
  out.push(`<pageMargins left="${num(m.left)}" right="${num(m.right)}" top="${num(m.top)}" bottom="${num(m.bottom)}" header="${num(m.header)}" footer="${num(m.footer)}"/>`);
  const fit = ps.scale === undefined ? `fitToWidth="${ps.fitToPagesWide}" fitToHeight="0"` : `scale="${Math.round(ps.scale)}"`;
  const first = ps.firstPageNumber === undefined ? "" : ` firstPageNumber="${ps.firstPageNumber}" useFirstPageNumber="1"`;
  out.push(`<pageSetup paperSize="9" ${fit} orientation="${ps.orientation}"${first}/>`);
  out.push(headerFooterXml(ps));
  if (drawingRelId !== undefined) out.push(`<drawing r:id="${drawingRelId}"/>`);
  out.push("</worksheet>");
  yield out.join("");
}
