/**
 * Translating the core's plans into queued Office.js writes: the highlight
 * as conditional formats over the plan's ranges, a tool sheet (the notice
 * sheet, the department sheet) block by block, its numbers with their
 * number formats and its charts. Nothing here decides anything the plan
 * does not say.
 *
 * Writes are queued on the context and sent by the caller's sync. Excel on
 * the web rejects a request over 5 MB, so the queue keeps an estimate of the
 * request size and syncs early when the next write would take a batch past
 * WRITE_BATCH_LIMIT (only very large notices ever need this).
 */
import { cellAddress, columnLetter, rangeAddress, type CellBlock, type CellRange, type CellStyle, type ChartPlan, type HighlightPlan, type NumberBlock, type SheetPlan } from "../../core";
import type { ExcelFeatures } from "./features";

/** Batches stay under this many estimated request bytes (Excel on the web: 5 MB per request). */
const WRITE_BATCH_LIMIT = 4 * 1024 * 1024;
/** One values/numberFormat write is cut into row chunks of at most this many estimated bytes. */
const CHUNK_BYTES = 512 * 1024;
/** Longest multi-area address given to one `getRanges` call. */
const MAX_AREAS_ADDRESS = 2000;
/** Request overhead of one action (object path, action JSON). */
const ACTION_BYTES = 80;

const encoder = new TextEncoder();

/** Estimated bytes of a value in the request JSON. */
function estimateBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

/** Queued writes with a running size estimate; syncs early when a batch would pass the limit. */
export class WriteQueue {
  private bytes = 0;
  /** Syncs made only to keep a batch under the limit. */
  extraSyncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly limit: number = WRITE_BATCH_LIMIT,
  ) {}

  /** Queues writes estimated at `bytes`, in one batch; sends what is queued first if they would not fit. Returns what `queue` returns. */
  async add<T>(bytes: number, queue: () => T): Promise<T> {
    if (this.bytes > 0 && this.bytes + bytes > this.limit) {
      await this.context.sync();
      this.extraSyncs++;
      this.bytes = 0;
    }
    const result = queue();
    this.bytes += bytes;
    return result;
  }

  /** Counts writes that are always small (a property or two). */
  small<T>(queue: () => T, actions = 1): Promise<T> {
    return this.add(actions * ACTION_BYTES, queue);
  }
}

/** Excel character units → points, as Office.js takes column widths: pixels = chars·7 + 5, 0.75 pt a pixel. */
function columnWidthPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

/** Custom rule formulas start with `=` in Office.js. */
function ruleFormula(plan: HighlightPlan): string {
  return plan.formula.startsWith("=") ? plan.formula : `=${plan.formula}`;
}

/** Groups addresses into comma-joined strings no longer than `max`. */
function groupAddresses(addresses: readonly string[], max = MAX_AREAS_ADDRESS): string[] {
  const groups: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current !== "" && current.length + 1 + a.length > max) {
      groups.push(current);
      current = "";
    }
    current = current === "" ? a : `${current},${a}`;
  }
  if (current !== "") groups.push(current);
  return groups;
}

/**
 * Deletes this tool's old rules and adds the plan's highlight. With ExcelApi
 * 1.9 one rule covers many rows (a multi-area range); before it, one rule per
 * row range.
 */
export async function queueHighlight(
  queue: WriteQueue,
  worksheet: Excel.Worksheet,
  plan: HighlightPlan,
  oldRules: readonly Excel.ConditionalFormat[],
  features: ExcelFeatures,
): Promise<void> {
  for (const rule of oldRules) await queue.small(() => rule.delete());
  if (plan.ranges.length === 0) return;
  const formula = ruleFormula(plan);
  const addresses = plan.ranges.map(rangeAddress);
  const targets = features.pageLayout ? groupAddresses(addresses) : addresses;
  for (const address of targets) {
    await queue.add(estimateBytes(address) + estimateBytes(formula) + 5 * ACTION_BYTES, () => {
      const range = features.pageLayout ? worksheet.getRanges(address) : worksheet.getRange(address);
      const rule = range.conditionalFormats.add("Custom");
      rule.custom.rule.formula = formula;
      rule.custom.format.fill.color = plan.fill;
      rule.custom.format.font.color = plan.fontColor;
    });
  }
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right", justify: "Justify" } as const;
const VERTICAL = { top: "Top", center: "Center", bottom: "Bottom" } as const;

function blockWidth(block: CellBlock): number {
  let w = 1;
  for (const row of block.texts) w = Math.max(w, row.length);
  return w;
}

/** Rows of a block cut into chunks whose text stays under `maxBytes`. */
function blockChunks(block: CellBlock, width: number, maxBytes: number): { row: number; texts: string[][] }[] {
  const chunks: { row: number; texts: string[][] }[] = [];
  let current: string[][] = [];
  let start = block.row;
  let bytes = 0;
  block.texts.forEach((rowTexts, i) => {
    const padded = [...rowTexts];
    while (padded.length < width) padded.push("");
    const b = estimateBytes(padded) + width * 6;
    if (current.length > 0 && bytes + b > maxBytes) {
      chunks.push({ row: start, texts: current });
      current = [];
      bytes = 0;
      start = block.row + i;
    }
    current.push(padded);
    bytes += b;
  });
  if (current.length > 0) chunks.push({ row: start, texts: current });
  return chunks;
}

/** Actions of a style's border: three properties of up to six borders. */
const BORDER_ACTIONS = 18;

const BORDER_WEIGHT = { thin: "Thin" } as const;

/** A plan's border on every cell of an area: the outer edges, and the inner lines where the area has more than one row or column. */
function applyBorder(range: Excel.Range, area: CellRange, border: NonNullable<CellStyle["border"]>): void {
  const lines: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (area.rowCount > 1) lines.push("InsideHorizontal");
  if (area.colCount > 1) lines.push("InsideVertical");
  for (const index of lines) {
    const line = range.format.borders.getItem(index);
    line.style = "Continuous";
    line.weight = BORDER_WEIGHT[border];
    line.color = "#000000";
  }
}

/** A range's font, alignment, fill and border as the plan's style says. */
function applyStyle(range: Excel.Range, area: CellRange, style: CellStyle, features: ExcelFeatures): void {
  range.format.font.name = style.font.name;
  range.format.font.size = style.font.size;
  range.format.font.bold = style.font.bold ?? false;
  if (style.font.color) range.format.font.color = style.font.color;
  range.format.horizontalAlignment = HORIZONTAL[style.horizontal];
  range.format.verticalAlignment = VERTICAL[style.vertical];
  range.format.wrapText = style.wrap;
  if (style.indent && features.pageLayout) range.format.indentLevel = style.indent;
  if (style.fill) range.format.fill.color = style.fill;
  if (style.border) applyBorder(range, area, style.border);
}

async function queueBlock(queue: WriteQueue, ws: Excel.Worksheet, block: CellBlock, features: ExcelFeatures): Promise<void> {
  const width = blockWidth(block);
  const style = block.style;
  // Values and number formats both travel: each chunk takes at most a quarter of a batch.
  for (const chunk of blockChunks(block, width, Math.min(CHUNK_BYTES, queue.limit / 4))) {
    const area: CellRange = { row: chunk.row, col: block.col, rowCount: chunk.texts.length, colCount: width };
    const formats = chunk.texts.map((row) => row.map(() => "@"));
    await queue.add(estimateBytes(chunk.texts) + estimateBytes(formats) + (12 + BORDER_ACTIONS) * ACTION_BYTES, () => {
      const range = ws.getRange(rangeAddress(area));
      // Text format first, so no value is ever parsed as a formula or a number.
      range.numberFormat = formats;
      range.values = chunk.texts;
      applyStyle(range, area, style, features);
    });
  }
}

/** Numbers with their number format (the format first, as for text). A number block is a table's column or two: one write. */
async function queueNumbers(queue: WriteQueue, ws: Excel.Worksheet, block: NumberBlock, features: ExcelFeatures): Promise<void> {
  const width = Math.max(1, ...block.values.map((r) => r.length));
  const values = block.values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
  const formats = values.map((r) => r.map(() => block.numberFormat));
  const area: CellRange = { row: block.row, col: block.col, rowCount: values.length, colCount: width };
  if (values.length === 0) return;
  await queue.add(estimateBytes(values) + estimateBytes(formats) + (12 + BORDER_ACTIONS) * ACTION_BYTES, () => {
    const range = ws.getRange(rangeAddress(area));
    range.numberFormat = formats;
    range.values = values;
    applyStyle(range, area, block.style, features);
  });
}

/**
 * A chart as the plan says: Excel's clustered bar chart over the first
 * series' values, each series named, filled and given the plan's category
 * cells, the value axis' bounds and number format, the categories top to
 * bottom with the value axis below them, over the anchor's cells. Needs
 * ExcelApi 1.7 (categories from cells); the axis' number format and where
 * the value axis crosses need 1.8 and are left to Excel without it.
 */
async function queueChart(queue: WriteQueue, ws: Excel.Worksheet, chart: ChartPlan, features: ExcelFeatures): Promise<void> {
  const [first] = chart.series;
  if (!features.charts || !first) return;
  await queue.add(estimateBytes(chart) + (12 + 6 * chart.series.length) * ACTION_BYTES, () => {
    const added = ws.charts.add("BarClustered", ws.getRange(rangeAddress(first.values)), "Columns");
    added.title.text = chart.title;
    added.legend.visible = chart.series.length > 1;
    const categories = ws.getRange(rangeAddress(chart.categories));
    chart.series.forEach((plan, i) => {
      const series = i === 0 ? added.series.getItemAt(0) : added.series.add(plan.name);
      series.name = plan.name;
      if (i > 0) series.setValues(ws.getRange(rangeAddress(plan.values)));
      series.setXAxisValues(categories);
      series.format.fill.setSolidColor(plan.color);
    });
    const value = added.axes.valueAxis;
    value.minimum = chart.valueAxis.min;
    value.maximum = chart.valueAxis.max;
    const category = added.axes.categoryAxis;
    category.tickLabelSpacing = 1;
    if (chart.reverseCategories) category.reversePlotOrder = true;
    if (features.showGridlines) {
      value.numberFormat = chart.valueAxis.numberFormat;
      // The value axis crosses the reversed category axis at its last category: at the bottom.
      if (chart.reverseCategories) category.position = "Maximum";
    }
    const a = chart.anchor;
    added.setPosition(cellAddress(a.row, a.col), cellAddress(a.row + a.rowCount - 1, a.col + a.colCount - 1));
  });
}

/** Consecutive rows of equal height, as `first:last` runs. */
function heightRuns(rowHeights: SheetPlan["rowHeights"]): { first: number; last: number; height: number }[] {
  const sorted = [...rowHeights].sort((a, b) => a.row - b.row);
  const runs: { first: number; last: number; height: number }[] = [];
  for (const { row, height } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.last + 1 === row && last.height === height) last.last = row;
    else runs.push({ first: row, last: row, height });
  }
  return runs;
}

/**
 * Writes a tool sheet (the notice sheet, the department sheet): deletes the
 * earlier one this tool wrote (the caller has checked its marker; its charts
 * go with it), adds the sheet and fills it from the plan.
 * Returns the new sheet (e.g. to activate it in the same batch).
 *
 * The marker cell is written together with the new sheet, in the same batch
 * and before anything else: when a split write fails half-way, the sheet it
 * leaves behind carries the marker, so the next run replaces it instead of
 * refusing it as someone else's.
 */
export async function queueToolSheet(
  queue: WriteQueue,
  context: Excel.RequestContext,
  plan: SheetPlan,
  replaceExisting: boolean,
  features: ExcelFeatures,
): Promise<Excel.Worksheet> {
  const sheets = context.workbook.worksheets;
  if (replaceExisting) await queue.small(() => sheets.getItem(plan.name).delete(), 2);
  const { marker } = plan;
  const ws = await queue.add(estimateBytes(marker.text) * 2 + 5 * ACTION_BYTES, () => {
    const added = sheets.add(plan.name);
    const cell = added.getRange(rangeAddress({ row: marker.row, col: marker.col, rowCount: 1, colCount: 1 }));
    cell.numberFormat = [["@"]];
    cell.values = [[marker.text]];
    return added;
  });
  await queue.small(() => {
    if (features.showGridlines) ws.showGridlines = plan.showGridlines;
  });

  for (let i = 0; i < plan.columnWidths.length; i++) {
    const letters = columnLetter(i);
    const column = ws.getRange(`${letters}:${letters}`);
    await queue.small(() => {
      column.format.columnWidth = columnWidthPoints(plan.columnWidths[i]!);
      if (plan.hiddenColumns.includes(i)) column.columnHidden = true;
    }, 3);
  }
  for (const col of plan.hiddenColumns) {
    if (col < plan.columnWidths.length) continue;
    const letters = columnLetter(col);
    await queue.small(() => (ws.getRange(`${letters}:${letters}`).columnHidden = true), 2);
  }

  for (const block of plan.blocks) await queueBlock(queue, ws, block, features);
  for (const block of plan.numbers ?? []) await queueNumbers(queue, ws, block, features);

  for (const m of plan.merges) await queue.small(() => ws.getRange(rangeAddress(m)).merge(false), 2);
  for (const run of heightRuns(plan.rowHeights)) {
    await queue.small(() => (ws.getRange(`${run.first + 1}:${run.last + 1}`).format.rowHeight = run.height), 2);
  }

  if (features.pageLayout) {
    const ps = plan.pageSetup;
    await queue.add(estimateBytes(ps) + 16 * ACTION_BYTES, () => {
      const layout = ws.pageLayout;
      layout.paperSize = ps.paperSize;
      layout.orientation = ps.orientation === "landscape" ? "Landscape" : "Portrait";
      layout.topMargin = ps.margins.top * 72;
      layout.bottomMargin = ps.margins.bottom * 72;
      layout.leftMargin = ps.margins.left * 72;
      layout.rightMargin = ps.margins.right * 72;
      layout.headerMargin = ps.margins.header * 72;
      layout.footerMargin = ps.margins.footer * 72;
      layout.centerHorizontally = ps.centerHorizontally;
      // A fixed scale, or 0 pages tall: as many pages as the text needs (the xlsx fitToHeight="0").
      layout.zoom = ps.scale !== undefined ? { scale: ps.scale } : { horizontalFitToPages: ps.fitToPagesWide, verticalFitToPages: 0 };
      layout.setPrintArea(rangeAddress(ps.printArea));
      if (ps.firstPageNumber !== undefined) layout.firstPageNumber = ps.firstPageNumber;
      const footers = layout.headersFooters;
      if (ps.oddEvenFooters) {
        const { odd, even } = ps.oddEvenFooters;
        footers.state = "OddAndEven";
        for (const [pages, f] of [
          [footers.oddPages, odd],
          [footers.evenPages, even],
        ] as const) {
          pages.leftFooter = f.left;
          pages.centerFooter = f.center;
          pages.rightFooter = f.right;
        }
      } else {
        footers.defaultForAllPages.centerFooter = ps.centerFooter;
      }
    });
  }
  // After the cells, merges and sizes: Excel places the chart over the cells as they now are.
  for (const chart of plan.charts ?? []) await queueChart(queue, ws, chart, features);
  return ws;
}
