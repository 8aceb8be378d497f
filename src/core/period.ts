/**
 * Periods as offices write them: in titles, sheet names and column headers.
 * A yearly ledger keeps every quarter side by side (`一季度进展 | 一季度状态 |
 * 二季度进展 | …`, or a group cell `三季度` over `目标任务 | 进展情况 | 完成状态`);
 * a quarter's sheet says its quarter in its title or name.
 */
import { parseChineseNumber, toHalfWidth } from "./text";

/** A column of the previous period (`上季度状态`): never the period in effect. */
export const PREVIOUS_PERIOD = -1;

interface PeriodWord {
  readonly pattern: RegExp;
  readonly quarter: (m: RegExpExecArray) => number | null;
}

const quarterOf = (s: string): number | null => {
  const n = parseChineseNumber(s);
  return n !== null && n >= 1 && n <= 4 ? n : null;
};
const monthsToQuarter = (s: string): number | null => {
  const n = parseChineseNumber(s);
  return n !== null && n >= 1 && n <= 12 ? Math.ceil(n / 3) : null;
};

/**
 * The words that name a period, most specific first. Cumulative periods
 * name the quarter they end in: 一至三季度, 前三季度 and 1-9月 are 三季度,
 * 上半年 is 二季度, 全年 is 四季度.
 */
const PERIOD_WORDS: readonly PeriodWord[] = [
  { pattern: /(?:上一?季度|上期|前期|上季)/, quarter: () => PREVIOUS_PERIOD },
  { pattern: /(?:第?[一1]\s*[至到~\-—－]\s*|前)([一二三四1-4])\s*季度/, quarter: (m) => quarterOf(m[1]!) },
  { pattern: /第?([一二三四1-4])\s*季度/, quarter: (m) => quarterOf(m[1]!) },
  { pattern: /(?<![A-Za-z])Q([1-4])(?![0-9])/i, quarter: (m) => quarterOf(m[1]!) },
  { pattern: /[1一]\s*[至到~\-—－]\s*(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份|底|末)?/, quarter: (m) => monthsToQuarter(m[1]!) },
  { pattern: /上半年|半年度?/, quarter: () => 2 },
  { pattern: /下半年|全年(?!目标)/, quarter: () => 4 },
];

export interface PeriodMention {
  /** 1–4, or PREVIOUS_PERIOD. */
  readonly quarter: number;
  /** The text with the period words taken out. */
  readonly rest: string;
}

/** The period a text names (`三季度进展` → 3, rest `进展`); null when it names none. */
export function findPeriod(text: string): PeriodMention | null {
  const t = toHalfWidth(text);
  for (const word of PERIOD_WORDS) {
    const m = word.pattern.exec(t);
    if (!m) continue;
    const quarter = word.quarter(m);
    if (quarter === null) continue;
    return { quarter, rest: (t.slice(0, m.index) + t.slice(m.index + m[0].length)).trim() };
  }
  return null;
}

/** Quarter from text such as 三季度, 第3季度, Q3, 前三季度, 上半年; null when none (or only 上季度). */
export function parseQuarter(text: string): number | null {
  const found = findPeriod(text);
  return found && found.quarter !== PREVIOUS_PERIOD ? found.quarter : null;
}

const CHINESE_DIGITS = "〇一二三四五六七八九";

/** A quarter's words right after a short year: `24年一季度`, `24年Q1`, `25年1-9月`, `24年上半年`. */
const PERIOD_AFTER_SHORT_YEAR = /^\s*(?:第?[一二三四1-4]\s*季度|Q[1-4]|前[一二三四1-4]\s*季度|[1一]\s*[至到~\-—－]|[上下]半年)/i;

/**
 * Year from text such as 2025年, a bare 2025, 二〇二五年, or 25年 written
 * with a period (25年三季度, 25年Q3; two digits alone are no year: 近10年);
 * null when none.
 */
export function parseYear(text: string): number | null {
  const t = toHalfWidth(text);
  const m = /(20\d{2}|19\d{2})\s*年/.exec(t) ?? /(?<!\d)(20\d{2})(?!\d)/.exec(t);
  if (m) return Number(m[1]);
  const chinese = /([〇零一二三四五六七八九]{4})\s*年/.exec(t);
  if (chinese) {
    const year = Number([...chinese[1]!].map((c) => CHINESE_DIGITS.indexOf(c === "零" ? "〇" : c)).join(""));
    if (year >= 1900 && year < 2100) return year;
  }
  for (const short of t.matchAll(/(?<!\d)(\d{2})\s*年/g)) {
    if (PERIOD_AFTER_SHORT_YEAR.test(t.slice(short.index + short[0].length))) return 2000 + Number(short[1]);
  }
  return null;
}

/** Where the period in effect came from. */
export type PeriodSource = "option" | "title" | "latest" | "columns" | "none";

export interface PeriodChoice {
  readonly year: number | null;
  readonly quarter: number | null;
  readonly source: PeriodSource;
}
