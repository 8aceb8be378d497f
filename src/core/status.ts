/** Status words → the five categories of the notice. */
import type { Category } from "./types";
import { statusKey } from "./text";
import type { CellValue } from "./grid";

/**
 * Words seen in departments' sheets, by category. Matching ignores spaces
 * and full-width forms; a word not listed here is reported, never guessed.
 */
export const STATUS_WORDS: Readonly<Record<Category, readonly string[]>> = {
  completed: ["已完成", "完成", "已完成年度目标", "已完成年度目标任务", "提前完成", "已提前完成", "超进度", "超序时", "超序时进度"],
  onTrack: [
    "序时推进",
    "有序推进",
    "有序推进中",
    "正常推进",
    "达进度",
    "达序时",
    "达到序时进度",
    "进展顺利",
    "按序时推进",
    "推进中",
    "正在推进",
  ],
  missed: ["未完成", "滞后", "进度滞后", "欠进度", "未达序时", "滞后序时", "未达到序时进度", "滞后于序时进度", "未完成季度目标"],
  suspended: ["暂不实施", "暂缓实施", "因政策调整暂不实施", "终止", "已终止", "暂停实施", "暂缓"],
  pending: ["待确定", "待定", "数据待反馈", "待反馈", "待核实"],
};

const LOOKUP: ReadonlyMap<string, Category> = (() => {
  const map = new Map<string, Category>();
  for (const [category, words] of Object.entries(STATUS_WORDS) as [Category, readonly string[]][]) {
    for (const w of words) map.set(statusKey(w), category);
  }
  return map;
})();

/** Brackets, marks and emoji around a status word: `【未完成】`, `已完成✅`, `未完成。`. */
const DECORATION = /[\p{P}\p{S}\p{Emoji_Presentation}\uFE0F\u200D]/gu;

/** An office's own status words (statusKey → category), from its settings sheet. */
export type StatusWords = ReadonlyMap<string, Category>;

const NO_WORDS: StatusWords = new Map();

/** The category of a status cell, or null for an empty or unknown word. */
export function classifyStatus(value: CellValue, own: StatusWords = NO_WORDS): Category | null {
  const key = statusKey(value);
  if (key === "") return null;
  const exact = own.get(key) ?? LOOKUP.get(key);
  if (exact) return exact;
  // A word with decoration, or with a note in brackets after it (`已完成（提前）`).
  const bare = key.replace(DECORATION, "");
  const beforeNote = key.replace(/[(（【\[][^)）】\]]*[)）】\]]\s*$/, "").replace(DECORATION, "");
  return own.get(bare) ?? LOOKUP.get(bare) ?? own.get(beforeNote) ?? LOOKUP.get(beforeNote) ?? null;
}

/** Whether a value is a known status word (used to recognise status columns). */
export function isStatusWord(value: CellValue, own: StatusWords = NO_WORDS): boolean {
  return classifyStatus(value, own) !== null;
}

/** Marks that say yes or no but not which category: `√/×`, `是/否`. */
const BINARY_MARKS = new Set(["√", "×", "✓", "✔", "✗", "✘", "x", "X", "是", "否", "Y", "N", "y", "n", "对", "错", "○", "●", "TRUE", "FALSE", "true", "false"]);

export function isBinaryMark(value: CellValue): boolean {
  if (typeof value === "boolean") return true;
  return BINARY_MARKS.has(statusKey(value));
}
