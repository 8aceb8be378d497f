/**
 * The add-in's operations on the open workbook, one path each:
 * read → the core plans → write.
 *
 * Read (see read-grid.ts): the first sync takes the sheet names, the
 * 通报设置 sheet, the old hidden setting and every sheet's size and top rows
 * (with the tool sheets' marker cells). The settings sheet's 调度表 row (or
 * the old setting's sheet) says which sheet to read whole, with the sheets
 * that may hold the previous quarter (the one the 上季度调度表 row names, and
 * those whose name or title states a quarter); without one, every sheet is
 * read but this tool's own sheets. The sizes say how many rows fit in
 * one response: one more sync reads everything that fits under Excel on
 * the web's 5 MB, and a sheet too large for that is read in as few row
 * windows as fit. Write: one sync, split only when a batch would pass the
 * request limit (WriteQueue).
 *
 * Syncs per operation:
 *
 * | operation       | reads and writes each fit one request | larger |
 * |-----------------|----------------------------------------|--------|
 * | analyseWorkbook | 2                                      | 1 + read windows |
 * | highlightMissed | 3                                      | + read windows, write batches |
 * | generateNotice  | 3 (notice and department sheets written, the notice activated, in the last) | likewise |
 * | clearHighlights | 3 (2 when there is nothing to clear)   |        |
 * | saveSettings    | 2 (settings-store.ts)                  |        |
 */
import {
  DEPARTMENT_MARKER,
  HIGHLIGHT_MARKER,
  InputError,
  NOTICE_MARKER,
  SETTINGS_SHEET,
  analyse,
  cellAddress,
  parseRangeAddress,
  planHighlight,
  prepareNotice,
  sameSheetName,
  sheetNameTaken,
  sheetProtected,
  statesQuarter,
  toolSheets,
  type Analysis,
  type HighlightPlan,
  type NoticeJob,
  type RunOptions,
  type SheetGrid,
  type SheetPlan,
  type WorkbookGrid,
} from "../../core";
import { queueHighlight, queueToolSheet, WriteQueue } from "./apply-plans";
import { detectFeatures } from "./features";
import { headCell, headHolds, headTexts, loadRuleFormulas, ownRules, probeMore, probeWorkbook, readSheets, type Probe, type SheetRead, type SheetSize } from "./read-grid";
import { LEGACY_SETTINGS_KEY, storedSettings, type StoredSettings } from "./settings-store";

export type ProgressStep = "reading" | "checking" | "highlighting" | "writing" | "done";

/** What an operation tells its caller while it runs. */
export interface RunEvents {
  /** Each step as the operation reaches it. */
  readonly onProgress?: (step: ProgressStep) => void;
  /**
   * The workbook's sheet names, as soon as the operation has read them (also
   * when it then stops, e.g. at a tracking sheet that is gone), and again
   * after it added a sheet.
   */
  readonly onSheets?: (names: readonly string[]) => void;
  /** The settings stored in the workbook, as soon as the first sync has read them. */
  readonly onSettings?: (stored: StoredSettings) => void;
}

/** What one read of the workbook gives. */
interface WorkbookRead {
  readonly names: readonly string[];
  readonly probe: Probe;
  /** Sheets read whole. */
  readonly sheets: ReadonlyMap<string, SheetRead>;
  /** What the core sees: the sheets read whole, the settings sheet, and empty sheets for the rest (for its messages). */
  readonly grid: WorkbookGrid;
  /** The old hidden setting's values, for the run (the core reads the settings sheet from the grid). */
  readonly options: Pick<RunOptions, "sheet" | "mapping" | "settings">;
}

/** The marker texts of the sheets this tool writes: such a sheet is never read as a ledger. */
const TOOL_SHEET_MARKERS: ReadonlySet<string> = new Set([NOTICE_MARKER, DEPARTMENT_MARKER]);

/** Head rows in which a sheet's title may state its quarter. */
const TITLE_ROWS = 3;

/** Whether a sheet may hold another quarter's ledger: its name or title (its first head rows) states a quarter. */
const mayHoldQuarter = (name: string, size: SheetSize | undefined) => statesQuarter(name, headTexts(size, TITLE_ROWS));

/**
 * Which sheets to read whole. With a stored tracking sheet: it (none when
 * it is gone: the core names it), and the sheets the comparison may take
 * the previous quarter from — the one 通报设置 names, and those whose name
 * or title states a quarter — so the core sees what the command line's
 * whole read gives it. Without one: all but the settings and this tool's sheets.
 */
export function sheetsToRead(probe: Probe, stored: StoredSettings): string[] {
  const candidates = probe.names.filter((n) => n !== SETTINGS_SHEET && !headHolds(probe.sizes.get(n), TOOL_SHEET_MARKERS));
  const tracking = stored.trackingSheet;
  if (tracking === undefined) return candidates;
  if (!probe.names.includes(tracking)) return [];
  const previous = stored.previousSheet;
  return [tracking, ...candidates.filter((n) => n !== tracking && (n === previous || mayHoldQuarter(n, probe.sizes.get(n))))];
}

async function readWorkbook(context: Excel.RequestContext, forWriting: boolean, events: RunEvents): Promise<WorkbookRead> {
  const features = detectFeatures();
  const probe = await probeWorkbook(context, LEGACY_SETTINGS_KEY);
  events.onSheets?.(probe.names);
  const { stored, options } = storedSettings(probe.settingsSheet, probe.legacy);
  events.onSettings?.(stored);
  const whole = sheetsToRead(probe, stored);
  const more = await probeMore(
    context,
    whole.filter((n) => !probe.sizes.has(n)),
  );
  const sizes = whole.map((n) => probe.sizes.get(n) ?? more.get(n)!);
  const sheets = await readSheets(context, sizes, features, forWriting, HIGHLIGHT_MARKER);
  const empty = (name: string): SheetGrid => ({ name, values: [], merges: [] });
  const grid = {
    sheets: probe.names.map((name) => (name === SETTINGS_SHEET ? (probe.settingsSheet ?? empty(name)) : (sheets.get(name)?.grid ?? empty(name)))),
  };
  return { names: probe.names, probe, sheets, grid, options };
}

function runOptions(read: WorkbookRead, today: string, draft = false): RunOptions {
  return { ...read.options, today, draft };
}

/** Checks the tracking sheet and returns its analysis; reads only (2 syncs where the sheet fits one response). */
export async function analyseWorkbook(context: Excel.RequestContext, today: string, events: RunEvents = {}): Promise<Analysis> {
  const read = await readWorkbook(context, false, events);
  return analyse(read.grid, runOptions(read, today));
}

/**
 * Whether a sheet of a tool sheet's name exists and whether this tool wrote
 * it (its marker cell, from the probe or the sheet read whole; a sync of its
 * own only for a sheet beyond the probe's walk, or a marker below its head).
 */
async function existingToolSheet(context: Excel.RequestContext, read: WorkbookRead, plan: SheetPlan): Promise<"none" | "ours" | "theirs"> {
  const name = read.names.find((n) => sameSheetName(n, plan.name));
  if (name === undefined) return "none";
  const { marker } = plan;
  const whole = read.sheets.get(name);
  let value: unknown = whole ? whole.grid.values[marker.row]?.[marker.col] : headCell(read.probe.sizes.get(name), marker.row, marker.col);
  if (value === undefined && !whole) {
    const cell = context.workbook.worksheets.getItem(name).getRange(cellAddress(marker.row, marker.col));
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
  /** The tool sheets to write, replacing this tool's earlier ones (the first is activated); none to write only the highlight. */
  readonly sheets: readonly SheetPlan[];
}

/**
 * The writing operations' one path: read the workbook, let `plan` (the core)
 * decide, refuse before writing anything when a write cannot be done, queue
 * the writes (and the notice sheet's activation) and send them in one last
 * sync (more only when a batch would pass the request limit).
 */
async function readPlanWrite<T>(context: Excel.RequestContext, today: string, events: RunEvents, plan: (workbook: WorkbookGrid, options: RunOptions) => Writes<T>, draft = false): Promise<T> {
  const { onProgress, onSheets } = events;
  const features = detectFeatures();
  onProgress?.("reading");
  const read = await readWorkbook(context, true, events);
  onProgress?.("checking");
  const writes = plan(read.grid, runOptions(read, today, draft));
  const { highlight, sheets } = writes;
  const tracking = read.sheets.get(highlight.sheet);
  if (!tracking) throw new InputError(`找不到工作表“${highlight.sheet}”。`);

  // Refuse before writing anything.
  const existing: ("none" | "ours" | "theirs")[] = [];
  for (const plan of sheets) {
    const found = await existingToolSheet(context, read, plan);
    if (found === "theirs") throw sheetNameTaken(plan.name);
    existing.push(found);
  }
  if (tracking.protected) throw new InputError(sheetProtected(highlight.sheet, "mark"));

  const queue = new WriteQueue(context);
  onProgress?.("highlighting");
  await queueHighlight(queue, tracking.worksheet, highlight, tracking.ownRules, features);
  if (sheets.length > 0) onProgress?.("writing");
  let shown: Excel.Worksheet | undefined;
  for (const [i, plan] of sheets.entries()) {
    const ws = await queueToolSheet(queue, context, plan, existing[i] === "ours", features);
    shown ??= ws;
  }
  // Shown in the last batch: no sync of its own.
  if (shown) await queue.small(() => shown.activate());
  await context.sync();
  // Excel adds a sheet after the others.
  if (sheets.length > 0) onSheets?.([...read.names.filter((n) => !sheets.some((p) => sameSheetName(n, p.name))), ...sheets.map((p) => p.name)]);
  onProgress?.("done");
  return writes.result;
}

/** How a notice is written: `draft` writes it although some statuses are missing. */
export interface NoticeOptions {
  readonly draft?: boolean;
}

/** Highlights the missed tasks, writes the notice sheet (activated) and the department sheet (3 syncs where reads and writes each fit one request). */
export function generateNotice(context: Excel.RequestContext, today: string, events: RunEvents = {}, notice: NoticeOptions = {}): Promise<NoticeJob> {
  return readPlanWrite(
    context,
    today,
    events,
    (workbook, options) => {
      const job = prepareNotice(workbook, options);
      return { result: job, highlight: job.highlight, sheets: toolSheets(job) };
    },
    notice.draft ?? false,
  );
}

/** Only the highlights on the tracking sheet; the notice is neither worded nor laid out. */
export function highlightMissed(context: Excel.RequestContext, today: string, events: RunEvents = {}): Promise<Analysis> {
  return readPlanWrite(context, today, events, (workbook, options) => {
    const analysis = analyse(workbook, options);
    return { result: analysis, highlight: planHighlight(analysis.table, analysis.tasks), sheets: [] };
  });
}

/** Removes this tool's highlight rules from every sheet; returns how many went. The departments' own rules stay. */
export async function clearHighlights(context: Excel.RequestContext): Promise<number> {
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
  for (const { ws, formats } of found) {
    const rules = ownRules(formats, HIGHLIGHT_MARKER);
    if (rules.length === 0) continue;
    if (ws.protection.protected) throw new InputError(sheetProtected(ws.name, "clear"));
    removed += rules.length;
  }
  if (removed === 0) return 0;
  const queue = new WriteQueue(context);
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
