/**
 * The add-in's operations on the open workbook. Each reads with whole-range
 * reads, lets the core decide, and applies the core's plans.
 *
 * Syncs (round trips) per operation, whatever the number of rows. The
 * operations that read take the preferences either from the caller (the
 * task pane keeps them) or, given "stored", from the workbook's settings,
 * read in the first sync together with the sheet names (the ribbon):
 *
 * | operation       | preferences | tracking sheet stored      | no sheet stored |
 * |-----------------|-------------|----------------------------|-----------------|
 * | analyseWorkbook | given       | 1                          | 2               |
 * |                 | "stored"    | 2                          | 2               |
 * | highlightMissed | given       | 2                          | 3               |
 * |                 | "stored"    | 3                          | 3               |
 * | generateNotice  | given       | 2; 3 when a sheet of the notice's name exists | 3 |
 * |                 | "stored"    | 3                          | 3               |
 * | clearHighlights | —           | 3 (2 when there is nothing to clear)         |
 *
 * generateNotice also activates the notice sheet, in its last write batch.
 *
 * Office.js cannot ask for a sheet's ranges before it knows the sheet. With
 * no stored sheet the first sync gets the sheet names (and the stored
 * preferences) and the second reads every sheet (values with their number
 * formats, merges, hidden columns, this tool's rules, protection) at once.
 * With a stored sheet and the names known first, the second sync reads that
 * sheet and, before writing, the marker cell of every other sheet, so that
 * an earlier notice sheet needs no read of its own. With a stored sheet and
 * the preferences given, the first sync gets the names and reads that sheet;
 * only then is a sheet of the notice's name looked at in a sync of its own.
 * Writes go in one last sync, split into more only when a batch would pass
 * 4 MB (Excel on the web refuses requests over 5 MB): see WriteQueue.
 * Likewise a read whose response is over the web's limit is done again in
 * row chunks (readSheetsInChunks), one more sync per chunk.
 */
import {
  HIGHLIGHT_MARKER,
  InputError,
  NOTICE_MARKER_CELL,
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
import { finishPreferences, queuePreferences, type StoredPreferences } from "./preferences";
import { finishSheetRead, loadRuleFormulas, ownRules, queueSheetRead, type ChunkedCells, type PendingSheet, type SheetRead } from "./read-grid";

export type ProgressStep = "reading" | "checking" | "highlighting" | "writing" | "done";

/**
 * Where an operation takes the preferences from: given by the caller, or
 * "stored": read from the workbook in the operation's first sync.
 */
export type PreferencesSource = StoredPreferences | "stored";

/** What an operation tells its caller while it runs. */
export interface RunEvents {
  /** Each step as the operation reaches it. */
  readonly onProgress?: (step: ProgressStep) => void;
  /**
   * The workbook's sheet names, as soon as the operation has read them (also
   * when it then stops, e.g. at a stored sheet that is gone), and again after
   * it added a sheet.
   */
  readonly onSheets?: (names: readonly string[]) => void;
}

/** A sheet read whole. */
type ReadSheet = SheetRead & { readonly worksheet: Excel.Worksheet };

/** The sheets one read phase took. */
interface SheetsRead {
  /** Sheets read whole (all of them, or only the stored tracking sheet). */
  readonly sheets: ReadonlyMap<string, ReadSheet>;
  /** The value of MARKER_CELL of the other sheets, when the read was for writing and the names were known first. */
  readonly markers: ReadonlyMap<string, unknown>;
}

/** What one read of the workbook gives. */
interface WorkbookRead extends SheetsRead {
  readonly prefs: StoredPreferences;
  readonly names: readonly string[];
}

/** Where planNoticeSheet puts a notice sheet's marker: a read for writing takes this cell of every sheet it does not read whole. */
const MARKER_CELL = NOTICE_MARKER_CELL;

function runOptions(prefs: StoredPreferences, today: string): RunOptions {
  return { sheet: prefs.sheet, mapping: prefs.mapping, settings: prefs.settings, today };
}

const PAYLOAD_ERRORS: ReadonlySet<string> = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);
/** Rows per read when a sheet is too large for one response; halved while a read is still too large. */
const FIRST_CHUNK_ROWS = 2000;

function isPayloadError(e: unknown): boolean {
  return PAYLOAD_ERRORS.has(officeErrorCode(e) ?? "");
}

function readOptions(forWriting: boolean, values = true) {
  return { formats: forWriting, protection: forWriting, values };
}

/** Queues the read of MARKER_CELL on each named sheet. */
function queueMarkers(context: Excel.RequestContext, names: readonly string[]): Map<string, Excel.Range> {
  const address = cellAddress(MARKER_CELL.row, MARKER_CELL.col);
  const cells = new Map<string, Excel.Range>();
  for (const name of names) {
    const cell = context.workbook.worksheets.getItem(name).getRange(address);
    cell.load("values");
    cells.set(name, cell);
  }
  return cells;
}

/** The marker cells' values, after the sync. */
function markerValues(cells: ReadonlyMap<string, Excel.Range>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [name, cell] of cells) out.set(name, cell.values[0]?.[0]);
  return out;
}

/** Queues the reads of the sheets named in `whole` and of the marker cell of those in `markersOf`. */
function queueReads(
  context: Excel.RequestContext,
  whole: readonly string[],
  markersOf: readonly string[],
  features: ExcelFeatures,
  options: ReturnType<typeof readOptions>,
): { pending: PendingSheet[]; markers: Map<string, Excel.Range> } {
  const worksheets = context.workbook.worksheets;
  return {
    pending: whole.map((name) => queueSheetRead(worksheets.getItem(name), name, features, options)),
    markers: queueMarkers(context, markersOf),
  };
}

/**
 * Reads the sheets named in `whole` and the marker cell of those in
 * `markersOf`, in one sync. When the response is too large (Excel on the
 * web: 5 MB), reads again with the values in row chunks: then one more sync
 * for the shapes and one per chunk.
 */
async function readSheets(
  context: Excel.RequestContext,
  whole: readonly string[],
  markersOf: readonly string[],
  features: ExcelFeatures,
  forWriting: boolean,
): Promise<SheetsRead> {
  const { pending, markers } = queueReads(context, whole, markersOf, features, readOptions(forWriting));
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    return readSheetsInChunks(context, whole, markersOf, features, forWriting);
  }
  return { sheets: collect(pending), markers: markerValues(markers) };
}

async function readSheetsInChunks(
  context: Excel.RequestContext,
  whole: readonly string[],
  markersOf: readonly string[],
  features: ExcelFeatures,
  forWriting: boolean,
): Promise<SheetsRead> {
  const { pending, markers } = queueReads(context, whole, markersOf, features, readOptions(forWriting, false));
  await context.sync();
  const sheets = new Map<string, ReadSheet>();
  for (const p of pending) {
    const cells = p.used.isNullObject ? undefined : await readRows(context, p.worksheet, p.used);
    sheets.set(p.name, { ...finishSheetRead(p, HIGHLIGHT_MARKER, cells), worksheet: p.worksheet });
  }
  return { sheets, markers: markerValues(markers) };
}

/** The used range's values and number formats, a chunk of rows per sync. */
async function readRows(context: Excel.RequestContext, worksheet: Excel.Worksheet, used: Excel.Range): Promise<ChunkedCells> {
  const values: unknown[][] = [];
  const numberFormat: unknown[][] = [];
  let size = FIRST_CHUNK_ROWS;
  let start = 0;
  while (start < used.rowCount) {
    const n = Math.min(size, used.rowCount - start);
    const chunk = worksheet.getRange(rangeAddress({ row: used.rowIndex + start, col: used.columnIndex, rowCount: n, colCount: used.columnCount }));
    chunk.load("values, numberFormat");
    try {
      // One round trip per chunk is the point here: each response must stay under the limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || n === 1) throw e;
      size = Math.max(1, Math.floor(n / 2));
      continue;
    }
    values.push(...chunk.values);
    numberFormat.push(...chunk.numberFormat);
    start += n;
  }
  return { values, numberFormat };
}

function collect(pending: readonly PendingSheet[]): Map<string, ReadSheet> {
  const out = new Map<string, ReadSheet>();
  for (const p of pending) out.set(p.name, { ...finishSheetRead(p, HIGHLIGHT_MARKER), worksheet: p.worksheet });
  return out;
}

/**
 * The read phase (see the table at the top). `forWriting` also reads
 * conditional formats, protection and the other sheets' marker cells.
 */
async function readWorkbook(
  context: Excel.RequestContext,
  source: PreferencesSource,
  features: ExcelFeatures,
  forWriting: boolean,
  onSheets: RunEvents["onSheets"],
): Promise<WorkbookRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  if (source !== "stored" && source.sheet !== undefined) return readStoredSheetFirst(context, source, source.sheet, features, forWriting, onSheets);
  const stored = source === "stored" ? queuePreferences(context) : null;
  await context.sync();
  const prefs = stored ? finishPreferences(stored) : (source as StoredPreferences);
  const names = worksheets.items.map((w) => w.name);
  onSheets?.(names);
  // The stored tracking sheet when it is there (when not, the core says so, naming the sheets), else every sheet.
  const whole = prefs.sheet === undefined ? names : names.filter((n) => n === prefs.sheet);
  const markersOf = forWriting ? names.filter((n) => !whole.includes(n)) : [];
  return { prefs, names, ...(await readSheets(context, whole, markersOf, features, forWriting)) };
}

/** Preferences given with a tracking sheet: the names and that sheet in the first sync. */
async function readStoredSheetFirst(
  context: Excel.RequestContext,
  prefs: StoredPreferences,
  sheet: string,
  features: ExcelFeatures,
  forWriting: boolean,
  onSheets: RunEvents["onSheets"],
): Promise<WorkbookRead> {
  const worksheets = context.workbook.worksheets;
  // `getItem` of a sheet that is gone fails the whole batch with ItemNotFound; then read the names alone.
  const pending = queueSheetRead(worksheets.getItem(sheet), sheet, features, readOptions(forWriting));
  try {
    await context.sync();
    const names = worksheets.items.map((w) => w.name);
    onSheets?.(names);
    return { prefs, names, sheets: collect([pending]), markers: new Map() };
  } catch (e) {
    const missing = officeErrorCode(e) === "ItemNotFound";
    if (!missing && !isPayloadError(e)) throw e;
    worksheets.load("items/name");
    await context.sync();
    const names = worksheets.items.map((w) => w.name);
    onSheets?.(names);
    // A missing sheet: the core reports it with the list of sheets. Too large: read it in chunks.
    if (missing) return { prefs, names, sheets: new Map(), markers: new Map() };
    const markersOf = forWriting ? names.filter((n) => n !== sheet) : [];
    return { prefs, names, ...(await readSheetsInChunks(context, [sheet], markersOf, features, forWriting)) };
  }
}

/** The grid the core sees: the sheets read, and empty sheets for the names not read (for its messages). */
function gridOf(read: WorkbookRead): { sheets: SheetGrid[] } {
  return {
    sheets: read.names.map((name) => read.sheets.get(name)?.grid ?? { name, values: [], merges: [] }),
  };
}

/** Checks the tracking sheet and returns its analysis; reads only (see the table above). */
export async function analyseWorkbook(context: Excel.RequestContext, prefs: PreferencesSource, today: string, events: RunEvents = {}): Promise<Analysis> {
  const features = detectFeatures();
  const read = await readWorkbook(context, prefs, features, false, events.onSheets);
  return analyse(gridOf(read), runOptions(read.prefs, today));
}

/**
 * Whether a sheet of the notice's name exists and whether this tool wrote it
 * (its marker cell). Reads the marker in one sync of its own only when the
 * read phase took neither that sheet nor its marker cell.
 */
async function existingNotice(context: Excel.RequestContext, read: WorkbookRead, plan: SheetPlan): Promise<"none" | "ours" | "theirs"> {
  if (!read.names.includes(plan.name)) return "none";
  const { marker } = plan;
  const known = read.sheets.get(plan.name);
  let value: unknown;
  if (known) {
    value = known.grid.values[marker.row]?.[marker.col];
  } else if (read.markers.has(plan.name) && marker.row === MARKER_CELL.row && marker.col === MARKER_CELL.col) {
    value = read.markers.get(plan.name);
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
 * queue the writes (and the notice sheet's activation) and send them in one
 * last sync (more only when a batch would pass the request limit). Without
 * conditional formats (before ExcelApi 1.6) the highlight is left out.
 */
async function readPlanWrite<T>(
  context: Excel.RequestContext,
  prefs: PreferencesSource,
  today: string,
  events: RunEvents,
  plan: (workbook: WorkbookGrid, options: RunOptions) => Writes<T>,
): Promise<T> {
  const { onProgress, onSheets } = events;
  const features = detectFeatures();
  onProgress?.("reading");
  const read = await readWorkbook(context, prefs, features, true, onSheets);
  onProgress?.("checking");
  const writes = plan(gridOf(read), runOptions(read.prefs, today));
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
    const ws = await queueNoticeSheet(queue, context, noticeSheet, existing === "ours", features);
    // Shown in the last batch: no sync of its own.
    await queue.small(() => ws.activate());
  }
  if (highlighting || noticeSheet) await context.sync();
  // Excel adds a sheet after the others.
  if (noticeSheet) onSheets?.([...read.names.filter((n) => n !== noticeSheet.name), noticeSheet.name]);
  onProgress?.("done");
  return writes.result;
}

/** How a notice is written: `draft` writes it although some statuses are missing. */
export type NoticeOptions = Pick<RunOptions, "draft">;

/** Highlights the missed tasks, writes the notice sheet and activates it (at most 3 syncs, see the table above). */
export function generateNotice(
  context: Excel.RequestContext,
  prefs: PreferencesSource,
  today: string,
  events: RunEvents = {},
  notice: NoticeOptions = {},
): Promise<NoticeJob> {
  return readPlanWrite(context, prefs, today, events, (workbook, options) => {
    const job = prepareNotice(workbook, { ...options, ...notice });
    return { result: job, highlight: job.highlight, noticeSheet: job.noticeSheet };
  });
}

/** Only the highlights on the tracking sheet (see the table above); the notice is neither worded nor laid out. */
export function highlightMissed(
  context: Excel.RequestContext,
  prefs: PreferencesSource,
  today: string,
  events: RunEvents = {},
): Promise<Analysis> {
  return readPlanWrite(context, prefs, today, events, (workbook, options) => {
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
