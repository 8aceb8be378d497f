/**
 * The settings form's state: text fields as typed, turned into the partial
 * settings that are stored. An empty field is not stored, so the core's
 * default (or detection from the sheet) applies.
 */
import { parseIsoDate, type NoticeSettings } from "../core";

export interface SettingsDraft {
  readonly government: string;
  readonly office: string;
  readonly issuer: string;
  /** `2025` or empty. */
  readonly year: string;
  /** `1`–`4` or empty. */
  readonly quarter: string;
  /** `YYYY-MM-DD` or empty. */
  readonly date: string;
  /** `0`–`4`. */
  readonly decimals: string;
  readonly summary: string;
}

export type SettingsError = "invalidYear" | "invalidDate";

export const DECIMAL_CHOICES = ["0", "1", "2", "3", "4"] as const;

export function draftFromSettings(settings: Partial<NoticeSettings>, defaultDecimals: number): SettingsDraft {
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? String(v) : "");
  return {
    government: text(settings.government),
    office: text(settings.office),
    issuer: text(settings.issuer),
    year: num(settings.year),
    quarter: num(settings.quarter),
    date: text(settings.date),
    decimals: num(settings.decimals) || String(defaultDecimals),
    summary: text(settings.summary),
  };
}

export interface SettingsResult {
  readonly settings: Partial<NoticeSettings>;
  readonly errors: Partial<Record<keyof SettingsDraft, SettingsError>>;
}

/** The settings to store, and what is wrong with the draft (nothing stored while errors remain). */
export function settingsFromDraft(draft: SettingsDraft): SettingsResult {
  const settings: { -readonly [K in keyof NoticeSettings]?: NoticeSettings[K] } = {};
  const errors: Partial<Record<keyof SettingsDraft, SettingsError>> = {};
  for (const key of ["government", "office", "issuer"] as const) {
    const v = draft[key].trim();
    if (v !== "") settings[key] = v;
  }
  const year = draft.year.trim();
  if (year !== "") {
    const n = Number(year.replace(/年$/, ""));
    if (Number.isInteger(n) && n >= 1900 && n <= 2200) settings.year = n;
    else errors.year = "invalidYear";
  }
  const quarter = Number(draft.quarter);
  if (draft.quarter !== "" && Number.isInteger(quarter) && quarter >= 1 && quarter <= 4) settings.quarter = quarter;
  const date = draft.date.trim();
  if (date !== "") {
    if (parseIsoDate(date)) settings.date = date;
    else errors.date = "invalidDate";
  }
  const decimals = Number(draft.decimals);
  if (draft.decimals !== "" && Number.isInteger(decimals) && decimals >= 0 && decimals <= 4) settings.decimals = decimals;
  const summary = draft.summary.trim();
  if (summary !== "") settings.summary = summary;
  return { settings, errors };
}

/** Whether two stored settings say the same. */
export function sameSettings(a: Partial<NoticeSettings>, b: Partial<NoticeSettings>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof NoticeSettings)[]);
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
}
