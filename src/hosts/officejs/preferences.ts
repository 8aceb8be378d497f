/** The office's settings, kept in the workbook (`workbook.settings`, key "supervisionNotice"). */
import { FIELDS, InputError, type ColumnMapping, type Field, type NoticeSettings } from "../../core";
import { detectFeatures } from "./features";

export interface StoredPreferences {
  settings: Partial<NoticeSettings>;
  /** The tracking sheet the user chose; absent to find it automatically. */
  sheet?: string;
  /** Column overrides: field → 0-based column. */
  mapping?: ColumnMapping;
}

export const SETTINGS_KEY = "supervisionNotice";

const SETTING_KEYS: readonly (keyof NoticeSettings)[] = ["government", "office", "issuer", "year", "quarter", "date", "decimals", "summary"];

/** Keeps only well-formed parts of stored preferences (the core normalises the settings' values). */
export function sanitisePreferences(raw: unknown): StoredPreferences {
  let value = raw;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return { settings: {} };
    }
  }
  if (typeof value !== "object" || value === null) return { settings: {} };
  const o = value as Record<string, unknown>;
  const settings: Record<string, unknown> = {};
  if (typeof o.settings === "object" && o.settings !== null) {
    for (const k of SETTING_KEYS) {
      const v = (o.settings as Record<string, unknown>)[k];
      if (typeof v === "string" || typeof v === "number") settings[k] = v;
    }
  }
  const prefs: StoredPreferences = { settings: settings as Partial<NoticeSettings> };
  if (typeof o.sheet === "string" && o.sheet.trim() !== "") prefs.sheet = o.sheet;
  if (typeof o.mapping === "object" && o.mapping !== null) {
    const mapping: Partial<Record<Field, number>> = {};
    for (const f of FIELDS) {
      const v = (o.mapping as Record<string, unknown>)[f];
      if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 16384) mapping[f] = v;
    }
    if (Object.keys(mapping).length > 0) prefs.mapping = mapping;
  }
  return prefs;
}

/** The queued read of the stored preferences (see queuePreferences); null when this Excel has no workbook settings. */
export interface PendingPreferences {
  readonly item: Excel.Setting | null;
}

/**
 * Queues the read of the stored preferences, to travel with the caller's
 * next sync (so an operation can read them together with other things);
 * `finishPreferences` gives them after that sync. Nothing is queued when
 * this Excel has no workbook settings.
 */
export function queuePreferences(context: Excel.RequestContext): PendingPreferences {
  if (!detectFeatures().settings) return { item: null };
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  return { item };
}

/** The preferences read by the sync after queuePreferences; defaults when none are stored. */
export function finishPreferences(pending: PendingPreferences): StoredPreferences {
  const { item } = pending;
  if (item === null || item.isNullObject) return { settings: {} };
  return sanitisePreferences(item.value);
}

/** Reads the stored preferences (1 sync, also when this Excel has no settings); defaults when none are stored. */
export async function loadPreferences(context: Excel.RequestContext): Promise<StoredPreferences> {
  const pending = queuePreferences(context);
  await context.sync();
  return finishPreferences(pending);
}

/** Stores the preferences in the workbook (1 sync); they are saved with the file. */
export async function savePreferences(context: Excel.RequestContext, prefs: StoredPreferences): Promise<void> {
  if (!detectFeatures().settings) throw new InputError("当前 Excel 版本不支持在工作簿中保存设置（需要 ExcelApi 1.4，Excel 2019 或更新版本）。");
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(sanitisePreferences(prefs)));
  await context.sync();
}
