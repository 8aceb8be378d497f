/**
 * Where the office's settings live in the open workbook: the 通报设置 sheet,
 * which the command line, the pane and the ribbon all read (see
 * src/core/settings-sheet.ts). Workbooks saved by earlier versions keep them
 * in the hidden workbook setting "supervisionNotice", which only the add-in
 * could read: it is read underneath the sheet (the sheet's values win) and
 * moved onto the sheet at the next save.
 */
import {
  FIELDS,
  InputError,
  SETTINGS_SHEET,
  SETTING_DEFINITIONS,
  cellAddress,
  parseSettingsSheet,
  rangeAddress,
  settingsSheetEdits,
  sheetProtected,
  type ColumnMapping,
  type Field,
  type NoticeSettings,
  type RunOptions,
  type SettingKey,
  type SettingsValues,
  type SheetGrid,
} from "../../core";
import { gridValues } from "./read-grid";

/** The hidden workbook setting of earlier versions. */
export const LEGACY_SETTINGS_KEY = "supervisionNotice";

/** The settings stored in the workbook, as the pane shows and edits them. */
export interface StoredSettings {
  readonly settings: Partial<NoticeSettings>;
  /** The tracking sheet's name; absent to find it. */
  readonly trackingSheet?: string;
  /** The sheet holding the previous quarter (通报设置's 上季度调度表); absent to find it. */
  readonly previousSheet?: string;
  /** Column corrections: field → 0-based column. */
  readonly mapping: ColumnMapping;
  /** Whether the 通报设置 sheet exists. */
  readonly sheet: boolean;
  /** Whether some values come from the old hidden setting (moved to the sheet at the next save). */
  readonly legacy: boolean;
}

export const NO_STORED_SETTINGS: StoredSettings = { settings: {}, mapping: {}, sheet: false, legacy: false };

/** The well-formed parts of the old hidden setting (JSON `{settings, sheet, mapping}`); null when there is nothing usable. */
function legacyValues(raw: unknown): SettingsValues | null {
  let value = raw;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  if (typeof value !== "object" || value === null) return null;
  const o = value as Record<string, unknown>;
  const settings: Partial<Record<SettingKey, unknown>> = {};
  if (typeof o.settings === "object" && o.settings !== null) {
    for (const d of SETTING_DEFINITIONS) {
      const v = (o.settings as Record<string, unknown>)[d.key];
      const text = typeof v === "number" ? String(v) : typeof v === "string" ? v : "";
      if (text.trim() === "") continue;
      const parsed = d.parse(text);
      if (parsed.ok) settings[d.key] = parsed.value;
    }
  }
  const mapping: Partial<Record<Field, number>> = {};
  if (typeof o.mapping === "object" && o.mapping !== null) {
    for (const f of FIELDS) {
      const v = (o.mapping as Record<string, unknown>)[f];
      if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 16384) mapping[f] = v;
    }
  }
  const trackingSheet = typeof o.sheet === "string" && o.sheet.trim() !== "" ? o.sheet : undefined;
  if (Object.keys(settings).length === 0 && Object.keys(mapping).length === 0 && trackingSheet === undefined) return null;
  return { settings: settings as Partial<NoticeSettings>, mapping, ...(trackingSheet !== undefined ? { trackingSheet } : {}) };
}

/**
 * What the workbook stores, and what a run must be given besides the sheet
 * (the core reads the sheet itself): the old setting's values where the
 * sheet has none.
 */
export function storedSettings(sheet: SheetGrid | null, legacyRaw: unknown): { stored: StoredSettings; options: Pick<RunOptions, "sheet" | "mapping" | "settings"> } {
  const fromSheet = sheet ? parseSettingsSheet(sheet) : null;
  const old = legacyValues(legacyRaw);
  const sheetSettings = fromSheet?.settings ?? {};
  const sheetMapping = fromSheet?.mapping ?? {};
  const settings = Object.fromEntries(Object.entries(old?.settings ?? {}).filter(([k]) => !(k in sheetSettings))) as Partial<NoticeSettings>;
  const mapping = Object.fromEntries(Object.entries(old?.mapping ?? {}).filter(([f]) => !(f in sheetMapping))) as ColumnMapping;
  const trackingSheet = fromSheet?.trackingSheet ?? old?.trackingSheet;
  // Only the sheet has it (the old hidden setting predates the comparison).
  const previousSheet = fromSheet?.previousSheet;
  return {
    stored: {
      settings: { ...settings, ...sheetSettings },
      mapping: { ...mapping, ...sheetMapping },
      ...(trackingSheet !== undefined ? { trackingSheet } : {}),
      ...(previousSheet !== undefined ? { previousSheet } : {}),
      sheet: sheet !== null,
      legacy: old !== null,
    },
    options: { settings, mapping, sheet: fromSheet?.trackingSheet === undefined ? old?.trackingSheet : undefined },
  };
}

/** Column widths of a new settings sheet (points): key, value, note. */
const NEW_SHEET_WIDTHS = [120, 200, 420];

/**
 * Writes the values to the 通报设置 sheet (2 syncs): creates it with every
 * key when there is none, else changes only the cells whose text differs;
 * removes the old hidden setting, whose values the caller has included.
 * Every cell is written as text. A protected sheet is refused before
 * anything is written.
 */
export async function saveSettings(context: Excel.RequestContext, values: SettingsValues): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(SETTINGS_SHEET);
  existing.load("name, protection/protected");
  const used = existing.getUsedRangeOrNullObject(true);
  used.load("values, numberFormat, rowIndex, columnIndex");
  const legacy = context.workbook.settings.getItemOrNullObject(LEGACY_SETTINGS_KEY);
  legacy.load("key");
  await context.sync();
  if (!existing.isNullObject && existing.protection.protected) throw new InputError(sheetProtected(SETTINGS_SHEET, "settings"));
  const grid: SheetGrid | null = existing.isNullObject
    ? null
    : { name: SETTINGS_SHEET, values: used.isNullObject ? [] : gridValues(used, used.rowIndex, used.columnIndex), merges: [] };
  const edits = settingsSheetEdits(grid, values);
  if (edits.create) {
    const sheet = worksheets.add(SETTINGS_SHEET);
    const rowCount = Math.max(...edits.cells.map((c) => c.row)) + 1;
    const texts = Array.from({ length: rowCount }, () => ["", "", ""]);
    for (const c of edits.cells) texts[c.row]![c.col] = c.text;
    const block = sheet.getRange(rangeAddress({ row: 0, col: 0, rowCount, colCount: 3 }));
    // Text format first, so no value is parsed as a number, a date or a formula.
    block.numberFormat = texts.map((row) => row.map(() => "@"));
    block.values = texts;
    block.format.verticalAlignment = "Top";
    block.format.wrapText = true;
    sheet.getRange("A1:C1").format.font.bold = true;
    NEW_SHEET_WIDTHS.forEach((w, i) => (sheet.getRange(rangeAddress({ row: 0, col: i, rowCount: 1, colCount: 1 })).format.columnWidth = w));
  } else {
    for (const c of edits.cells) {
      const cell = existing.getRange(cellAddress(c.row, c.col));
      cell.numberFormat = [["@"]];
      cell.values = [[c.text]];
    }
  }
  // Its values are on the sheet now.
  if (!legacy.isNullObject) legacy.delete();
  await context.sync();
}
