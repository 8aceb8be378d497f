/**
 * What the office sets once and every run uses: who issues the notice, for
 * which period, how shares are rounded, how letters are numbered. Each
 * setting is defined once here (its Chinese name, command-line option,
 * default, limits and parser); the 通报设置 sheet, the command line and the
 * pane's form all go through these definitions.
 */
import { parseQuarter } from "./period";
import { toHalfWidth } from "./text";

export interface NoticeSettings {
  /** The government in the title, e.g. 淄川区人民政府. */
  readonly government: string;
  /** The office that did the supervision, e.g. 区政府督查室. */
  readonly office: string;
  /** The issuer under the notice, e.g. 淄川区人民政府办公室. */
  readonly issuer: string;
  readonly year: number | null;
  /** 1–4. */
  readonly quarter: number | null;
  /** Date under the notice, `YYYY-MM-DD`; empty for the day of the run. */
  readonly date: string;
  /** Decimals of the shares. */
  readonly decimals: number;
  /** The office's own sentence(s) on the overall situation; empty for the default wording. */
  readonly summary: string;
  /** Prefix of a 督办单's number: `督办` gives `督办〔2025〕3-01号`. */
  readonly letterPrefix: string;
  /** Days after the notice's date by which a department answers a 督办单. */
  readonly feedbackDays: number;
}

export type SettingKey = keyof NoticeSettings;

/** A value read from text, or what is wrong with the text. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export interface SettingDefinition<K extends SettingKey = SettingKey> {
  readonly key: K;
  /** The row's name in 通报设置 and the pane's label. */
  readonly name: string;
  readonly english: string;
  /** The command line's option, `--government`. */
  readonly option: string;
  readonly defaultValue: NoticeSettings[K];
  /** What a good value looks like (messages, the form's hint). */
  readonly expects: string;
  /** Text as a person types it (empty text is never passed: it means the default). */
  readonly parse: (text: string) => Parsed<NoticeSettings[K]>;
  /** The value as the sheet shows it. */
  readonly format: (value: NoticeSettings[K]) => string;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

function integer(text: string, min: number, max: number, unit = ""): Parsed<number> {
  const t = toHalfWidth(text).trim().replace(new RegExp(`${unit}$`), "");
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? ok(n) : bad(`应为${min}到${max}的整数`);
}

const anyText = (text: string): Parsed<string> => ok(text.trim());

/** `2025-10-29`, `2025/10/29`, `2025.10.29` or `2025年10月29日` → `2025-10-29`. */
export function parseDateText(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(toHalfWidth(text).trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return parseIsoDate(iso) ? iso : null;
}

function text<K extends "government" | "office" | "issuer" | "summary" | "letterPrefix">(
  key: K,
  name: string,
  english: string,
  option: string,
  defaultValue: string,
  expects: string,
): SettingDefinition<K> {
  return { key, name, english, option, defaultValue: defaultValue as NoticeSettings[K], expects, parse: anyText as SettingDefinition<K>["parse"], format: String };
}

export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  text("government", "政府名称", "Government (title)", "government", "区人民政府", "如淄川区人民政府"),
  text("office", "督查机构", "Supervising office", "office", "区政府督查室", "如区政府督查室"),
  text("issuer", "落款单位", "Issuer", "issuer", "区人民政府办公室", "如淄川区人民政府办公室"),
  {
    key: "year",
    name: "年度",
    english: "Year",
    option: "year",
    defaultValue: null,
    expects: "1900到2200的年份，如2025",
    parse: (t) => integer(t, 1900, 2200, "年"),
    format: (v) => (v === null ? "" : String(v)),
  },
  {
    key: "quarter",
    name: "季度",
    english: "Quarter",
    option: "quarter",
    defaultValue: null,
    expects: "1到4，或三季度",
    parse: (t) => {
      const h = toHalfWidth(t).trim();
      const q = /^[1-4]$/.test(h) ? Number(h) : parseQuarter(/季度$/.test(h) ? h : `${h}季度`);
      return q === null ? bad("应为1到4，或“三季度”之类") : ok(q);
    },
    format: (v) => (v === null ? "" : String(v)),
  },
  {
    key: "date",
    name: "落款日期",
    english: "Date of the notice",
    option: "date",
    defaultValue: "",
    expects: "如2025-10-29或2025年10月29日",
    parse: (t) => {
      const iso = parseDateText(t);
      return iso === null ? bad("应为有效日期，如2025-10-29或2025年10月29日") : ok(iso);
    },
    format: String,
  },
  { key: "decimals", name: "小数位数", english: "Decimals of shares", option: "decimals", defaultValue: 2, expects: "0到4的整数", parse: (t) => integer(t, 0, 4), format: String },
  text("summary", "总体情况", "Overall remarks", "summary", "", "总体情况段落开头的文字，留空则用默认表述"),
  text("letterPrefix", "督办单编号前缀", "Letter number prefix", "letter-prefix", "督办", "如督办，编号写作督办〔2025〕3-01号"),
  {
    key: "feedbackDays",
    name: "反馈期限（天）",
    english: "Days to answer a letter",
    option: "feedback-days",
    defaultValue: 15,
    expects: "1到365的整数",
    parse: (t) => integer(t, 1, 365, "天"),
    format: String,
  },
] as SettingDefinition[];

export function settingDefinition<K extends SettingKey>(key: K): SettingDefinition<K> {
  return SETTING_DEFINITIONS.find((d) => d.key === key) as unknown as SettingDefinition<K>;
}

export const DEFAULT_SETTINGS: NoticeSettings = Object.fromEntries(SETTING_DEFINITIONS.map((d) => [d.key, d.defaultValue])) as unknown as NoticeSettings;

/**
 * Settings with every field present: a value given (typed or as text) that
 * its definition accepts, else the default. A text field given empty means
 * the default too, except the summary (empty means the default wording).
 */
export function normaliseSettings(partial: Partial<Record<SettingKey, unknown>> = {}): NoticeSettings {
  const out: Record<string, unknown> = {};
  for (const d of SETTING_DEFINITIONS) {
    const given = partial[d.key];
    const typed = typeof given === "number" ? String(given) : typeof given === "string" ? given : "";
    const parsed = typed.trim() === "" ? null : d.parse(typed);
    out[d.key] = parsed?.ok ? parsed.value : d.defaultValue;
  }
  return out as unknown as NoticeSettings;
}

/** A day as `YYYY-MM-DD` (local time): the run's date. */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `2025-10-29` → {2025, 10, 29}; null when not a real date. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}
