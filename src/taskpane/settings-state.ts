/**
 * The settings form's state, built from the settings' definitions
 * (SETTING_DEFINITIONS): one text per setting as typed, parsed by the
 * definition's own parser into the partial settings that are stored. An
 * empty field is not stored, so the default (or what the sheet's title
 * says) applies.
 */
import { SETTING_DEFINITIONS, type NoticeSettings, type SettingKey } from "../core";

export type SettingsDraft = Readonly<Record<SettingKey, string>>;

/** The stored settings as the form shows them (the sheet's own text for each value). */
export function draftFromSettings(settings: Partial<NoticeSettings>): SettingsDraft {
  const out: Partial<Record<SettingKey, string>> = {};
  for (const d of SETTING_DEFINITIONS) {
    const v = settings[d.key];
    out[d.key] = v === undefined || v === null ? "" : (d.format as (x: unknown) => string)(v);
  }
  return out as SettingsDraft;
}

export interface SettingsResult {
  readonly settings: Partial<NoticeSettings>;
  /** The definition's problem with each value that does not parse (nothing is stored while any remain). */
  readonly errors: Partial<Record<SettingKey, string>>;
}

/** The settings to store, and what is wrong with the draft. */
export function settingsFromDraft(draft: SettingsDraft): SettingsResult {
  const settings: Partial<Record<SettingKey, unknown>> = {};
  const errors: Partial<Record<SettingKey, string>> = {};
  for (const d of SETTING_DEFINITIONS) {
    const text = draft[d.key].trim();
    if (text === "") continue;
    const parsed = d.parse(text);
    if (parsed.ok) settings[d.key] = parsed.value;
    else errors[d.key] = parsed.problem;
  }
  return { settings: settings as Partial<NoticeSettings>, errors };
}

/** Whether two stored settings say the same. */
export function sameSettings(a: Partial<NoticeSettings>, b: Partial<NoticeSettings>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as SettingKey[]);
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
}
