/**
 * The add-in's operations on the open workbook. Each reads with whole-range
 * reads, lets the core decide, and applies the core's plans.
 *
 * Syncs (round trips) per operation, whatever the number of rows:
 *
 * | operation        | tracking sheet stored in prefs | no sheet stored |
 * |------------------|--------------------------------|-----------------|
 * | analyseWorkbook  | 1                              | 2               |
 * | highlightMissed  | 2                              | 3               |
 * | generateNotice   | 2, or 3 when a notice sheet of that name exists | 3 |
 * | clearHighlights  | 3 (2 when there is nothing to clear)            |
 *
 * Office.js cannot ask for a sheet's ranges before it knows the sheet: with
 * no stored sheet the first sync gets the sheet names and the second reads
 * every sheet (values, merges, this tool's rules, protection) at once. With a
 * stored sheet the first sync gets the names and reads that sheet. Writes go
 * in one last sync, split into more only when a batch would pass 4 MB
 * (Excel on the web refuses requests over 5 MB): see WriteQueue. Likewise a
 * read whose response is over the web's limit is done again in row chunks
 * (readSheetsInChunks), one more sync per chunk.
 */
import {
  HIGHLIGHT_MARKER,
  InputError,
  analyse,
  cellAddress,
  parseRangeAddress,
  planHighlight,
  prepareNotice,
  rangeAddress,
  sheetNameTaken,
  type Analysis,
  type HighlightPlan,
  type NoticeJob,
  type RunOptions,
  type SheetGrid,
  type SheetPlan,
  type WorkbookGrid,
} from "../../core";
import { queueHighlight, queueNoticeSheet, WriteQueue } from "./apply-plans";
import { officeErrorCode } from "./errors";
import { detectFeatures, type ExcelFeatures } from "./features";
import type { StoredPreferences } from "./preferences";
import { finishSheetRead, loadRuleFormulas, ownRules, queueSheetRead, type PendingSheet, type SheetRead } from "./read-grid";

export type ProgressStep = "reading" | "checking" | "highlighting" | "writing" | "done";

/** What one read of the workbook gives. */
interface WorkbookRead {
  readonly names: readonly string[];
  /** Sheets read (all of them, or only the stored tracking sheet). */
  readonly sheets: ReadonlyMap<string, SheetRead & { worksheet: Excel.Worksheet }>;
  /** Whether every sheet was read (so an existing notice sheet's marker is already known). */
  readonly complete: boolean;
}

function runOptions(prefs: StoredPreferences, today: string): RunOptions {
  return { sheet: prefs.sheet, mapping: prefs.mapping, settings: prefs.settings, today };
}

const PAYLOAD_ERRORS: ReadonlySet<string> = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);
/** Rows per read when a sheet is too large for one response; halved while a read is still too large. */
const FIRST_CHUNK_ROWS = 2000;

function isPayloadError(e: unknown): boolean {
  return PAYLOAD_ERRORS.has(officeErrorCode(e) ?? "");
}

/**
 * Reads every sheet whose name is given, in one sync. When the response is
 * too large (Excel on the web: 5 MB), reads again with the values in row
 * chunks: then one more sync for the shapes and one per chunk.
 */
async function readSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  features: ExcelFeatures,
  withRules: boolean,
): Promise<Map<string, SheetRead & { worksheet: Excel.Worksheet }>> {
  const worksheets = context.workbook.worksheets;
  const pending = names.map((name) => queueSheetRead(worksheets.getItem(name), name, features, { formats: withRules, protection: withRules }));
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    return readSheetsInChunks(context, names, features, withRules);
  }
  return collect(pending);
}

async function readSheetsInChunks(
  context: Excel.RequestContext,
  names: readonly string[],
  features: ExcelFeatures,
  withRules: boolean,
): Promise<Map<string, SheetRead & { worksheet: Excel.Worksheet }>> {
  const worksheets = context.workbook.worksheets;
  const pending = names.map((name) =>
    queueSheetRead(worksheets.getItem(name), name, features, { formats: withRules, protection: withRules, values: false }),
  );
  await context.sync();
  const out = new Map<string, SheetRead & { worksheet: Excel.Worksheet }>();
  for (const p of pending) {
    const values = p.used.isNullObject ? undefined : await readRows(context, p.worksheet, p.used);
    out.set(p.name, { ...finishSheetRead(p, HIGHLIGHT_MARKER, values), worksheet: p.worksheet });
  }
  return out;
}

/** The used range's values, a chunk of rows per sync. */
async function readRows(context: Excel.RequestContext, worksheet: Excel.Worksheet, used: Excel.Range): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  let size = FIRST_CHUNK_ROWS;
  let start = 0;
  while (start < used.rowCount) {
    const n = Math.min(size, used.rowCount - start);
    const chunk = worksheet.getRange(rangeAddress({ row: used.rowIndex + start, col: used.columnIndex, rowCount: n, colCount: used.columnCount }));
    chunk.load("values");
    try {
      // One round trip per chunk is the point here: each response must stay under the limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || n === 1) throw e;
      size = Math.max(1, Math.floor(n / 2));
      continue;
    }
    rows.push(...chunk.values);
    start += n;
  }
  return rows;
}

function collect(pending: readonly PendingSheet[]): Map<string, SheetRead & { worksheet: Excel.Worksheet }> {
  const out = new Map<string, SheetRead & { worksheet: Excel.Worksheet }>();
  for (const p of pending) out.set(p.name, { ...finishSheetRead(p, HIGHLIGHT_MARKER), worksheet: p.worksheet });
  return out;
}

/**
 * The read phase. `withRules` also reads conditional formats and protection
 * (needed before writing).
 */
async function readWorkbook(context: Excel.RequestContext, prefs: StoredPreferences, features: ExcelFeatures, withRules: boolean): Promise<WorkbookRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  if (prefs.sheet !== undefined) {
    // `getItem` of a sheet that is gone fails the whole batch with ItemNotFound; then read the names alone.
    const stored = queueSheetRead(worksheets.getItem(prefs.sheet), prefs.sheet, features, { formats: withRules, protection: withRules });
    try {
      await context.sync();
      const names = worksheets.items.map((w) => w.name);
      const sheets = collect([stored]);
      return { names, sheets, complete: names.length === 1 };
    } catch (e) {
      const missing = officeErrorCode(e) === "ItemNotFound";
      if (!missing && !isPayloadError(e)) throw e;
      worksheets.load("items/name");
      await context.sync();
      const names = worksheets.items.map((w) => w.name);
      // A missing sheet: the core reports it with the list of sheets. Too large: read it in chunks.
      if (missing) return { names, sheets: new Map(), complete: false };
      const sheets = await readSheetsInChunks(context, [prefs.sheet], features, withRules);
      return { names, sheets, complete: names.length === 1 };
    }
  }
  await context.sync();
  const names = worksheets.items.map((w) => w.name);
  const sheets = await readSheets(context, names, features, withRules);
  return { names, sheets, complete: true };
}

/** The grid the core sees: the sheets read, and empty sheets for the names not read (for its messages). */
function gridOf(read: WorkbookRead): { sheets: SheetGrid[] } {
  return {
    sheets: read.names.map((name) => read.sheets.get(name)?.grid ?? { name, values: [], merges: [] }),
  };
}

/** Checks the tracking sheet and returns its analysis; reads only (1 sync with a stored sheet, else 2). */
export async function analyseWorkbook(context: Excel.RequestContext, prefs: StoredPreferences, today: string): Promise<Analysis> {
  const features = detectFeatures();
  const read = await readWorkbook(context, prefs, features, false);
  return analyse(gridOf(read), runOptions(prefs, today));
}

/**
 * Whether a sheet of the notice's name exists and whether this tool wrote it
 * (its marker cell). Reads the marker in one sync of its own only when the
 * first read did not include that sheet.
 */
async function existingNotice(context: Excel.RequestContext, read: WorkbookRead, plan: SheetPlan): Promise<"none" | "ours" | "theirs"> {
  if (!read.names.includes(plan.name)) return "none";
  const { marker } = plan;
  const known = read.sheets.get(plan.name);
  let value: unknown;
  if (known) {
    value = known.grid.values[marker.row]?.[marker.col];
  } else {
    const cell = context.workbook.worksheets.getItem(plan.name).getRange(cellAddress(marker.row, marker.col));
    cell.load("values");
    await context.sync();
    value = cell.values[0]?.[0];
  }
  return value === marker.text ? "ours" : "theirs";
}

/** What a writing operation writes, as the core planned it from the workbook read. */
interface Writes<T> {
  /** What the operation returns. */
  readonly result: T;
  readonly highlight: HighlightPlan;
  /** The notice sheet to write (replacing this tool's earlier one); absent to write only the highlight. */
  readonly noticeSheet?: SheetPlan;
}

/**
 * The writing operations' one path: read the workbook, let `plan` (the
 * core) decide, refuse before writing anything when a write cannot be done,
 * queue the writes and send them in one last sync (more only when a batch
 * would pass the request limit). Without conditional formats (before
 * ExcelApi 1.6) the highlight is left out.
 */
async function readPlanWrite<T>(
  context: Excel.RequestContext,
  prefs: StoredPreferences,
  today: string,
  onProgress: ((s: ProgressStep) => void) | undefined,
  plan: (workbook: WorkbookGrid, options: RunOptions) => Writes<T>,
): Promise<T> {
  const features = detectFeatures();
  onProgress?.("reading");
  const read = await readWorkbook(context, prefs, features, true);
  onProgress?.("checking");
  const writes = plan(gridOf(read), runOptions(prefs, today));
  const { highlight, noticeSheet } = writes;
  const tracking = read.sheets.get(highlight.sheet);
  if (!tracking) throw new InputError(`找不到工作表“${highlight.sheet}”。`);
  const highlighting = features.conditionalFormats;

  // Refuse before writing anything.
  const existing = noticeSheet ? await existingNotice(context, read, noticeSheet) : "none";
  if (noticeSheet && existing === "theirs") throw sheetNameTaken(noticeSheet.name);
  if (highlighting && tracking.protected) {
    throw new InputError(`工作表“${highlight.sheet}”受保护，无法添加未完成标记；请先取消保护（“审阅”→“撤消工作表保护”）后再试。`);
  }

  const queue = new WriteQueue(context);
  if (highlighting) {
    onProgress?.("highlighting");
    await queueHighlight(queue, tracking.worksheet, highlight, tracking.ownRules, features);
  }
  if (noticeSheet) {
    onProgress?.("writing");
    await queueNoticeSheet(queue, context, noticeSheet, existing === "ours", features);
  }
  if (highlighting || noticeSheet) await context.sync();
  onProgress?.("done");
  return writes.result;
}

/** Highlights the missed tasks and writes the notice sheet (at most 3 syncs, see the table above). */
export function generateNotice(
  context: Excel.RequestContext,
  prefs: StoredPreferences,
  today: string,
  onProgress?: (s: ProgressStep) => void,
): Promise<NoticeJob> {
  return readPlanWrite(context, prefs, today, onProgress, (workbook, options) => {
    const job = prepareNotice(workbook, options);
    return { result: job, highlight: job.highlight, noticeSheet: job.noticeSheet };
  });
}

/** Only the highlights on the tracking sheet (2 syncs with a stored sheet, else 3); the notice is neither worded nor laid out. */
export function highlightMissed(
  context: Excel.RequestContext,
  prefs: StoredPreferences,
  today: string,
  onProgress?: (s: ProgressStep) => void,
): Promise<Analysis> {
  return readPlanWrite(context, prefs, today, onProgress, (workbook, options) => {
    const analysis = analyse(workbook, options);
    return { result: analysis, highlight: planHighlight(analysis.table, analysis.tasks) };
  });
}

/** Removes this tool's highlight rules from every sheet; returns how many went. The departments' own rules stay. */
export async function clearHighlights(context: Excel.RequestContext): Promise<number> {
  const features = detectFeatures();
  if (!features.conditionalFormats) return 0;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name, items/protection/protected");
  await context.sync();
  const found = worksheets.items.map((ws) => {
    const formats = ws.getRange().conditionalFormats;
    loadRuleFormulas(formats);
    return { ws, formats };
  });
  await context.sync();
  let removed = 0;
  const queue = new WriteQueue(context);
  for (const { ws, formats } of found) {
    const rules = ownRules(formats, HIGHLIGHT_MARKER);
    if (rules.length === 0) continue;
    if (ws.protection.protected) throw new InputError(`工作表“${ws.name}”受保护，无法清除未完成标记；请先取消保护（“审阅”→“撤消工作表保护”）后再试。`);
    removed += rules.length;
  }
  if (removed === 0) return 0;
  for (const { formats } of found) {
    for (const rule of ownRules(formats, HIGHLIGHT_MARKER)) await queue.small(() => rule.delete());
  }
  await context.sync();
  return removed;
}

/** Activates the sheet and selects the cell (1 sync), e.g. to show a problem the check found. */
export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  if (!parseRangeAddress(address)) throw new InputError(`单元格地址“${address}”无效。`);
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}
