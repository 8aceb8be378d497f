/**
 * What the office sets once and every run uses: who issues the notice, for
 * which period, how shares are rounded. Stored in the workbook by the add-in,
 * given as options on the command line.
 */

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
}

export const DEFAULT_SETTINGS: NoticeSettings = {
  government: "区人民政府",
  office: "区政府督查室",
  issuer: "区人民政府办公室",
  year: null,
  quarter: null,
  date: "",
  decimals: 2,
  summary: "",
};

/** Settings with every field present; unknown or bad values fall back to the defaults. */
export function normaliseSettings(partial: Partial<NoticeSettings> = {}): NoticeSettings {
  const text = (v: unknown, d: string) => (typeof v === "string" && v.trim() !== "" ? v.trim() : d);
  const year = typeof partial.year === "number" && partial.year >= 1900 && partial.year <= 2200 ? Math.trunc(partial.year) : null;
  const quarter = typeof partial.quarter === "number" && partial.quarter >= 1 && partial.quarter <= 4 ? Math.trunc(partial.quarter) : null;
  const decimals =
    typeof partial.decimals === "number" && Number.isFinite(partial.decimals) ? Math.max(0, Math.min(4, Math.trunc(partial.decimals))) : DEFAULT_SETTINGS.decimals;
  const date = typeof partial.date === "string" && parseIsoDate(partial.date) ? partial.date : "";
  return {
    government: text(partial.government, DEFAULT_SETTINGS.government),
    office: text(partial.office, DEFAULT_SETTINGS.office),
    issuer: text(partial.issuer, DEFAULT_SETTINGS.issuer),
    year,
    quarter,
    date,
    decimals,
    summary: typeof partial.summary === "string" ? partial.summary.trim() : "",
  };
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
