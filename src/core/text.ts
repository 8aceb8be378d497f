/** Text normalisation shared by the reader and the wording. */
import type { CellValue } from "./grid";

/** Full-width ASCII (！ to ～) to half-width, ideographic space to space. */
export function toHalfWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** A cell as trimmed text; numbers print without trailing zeros, booleans as 是/否. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "是" : "否";
  return (value.includes("\r") ? value.replace(/\r\n?/g, "\n") : value).trim();
}

/** Header text for matching: no whitespace at all, half-width, brackets unified. */
export function headerKey(value: CellValue): string {
  return toHalfWidth(cellText(value))
    .replace(/\s+/g, "")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")");
}

/** Status words for matching: trimmed, no whitespace, half-width. */
export function statusKey(value: CellValue): string {
  return toHalfWidth(cellText(value)).replace(/\s+/g, "");
}

/** Body text as written into the notice: single spaces, no line breaks. */
export function flattenText(text: string): string {
  if (!/\n|\t| {2}/.test(text)) return text.trim();
  return text
    .replace(/\s*\n\s*/g, "")
    .replace(/[ \t]+/g, " ")
    .trim();
}

const SENTENCE_END = /[。！？!?…”」』）)]$/;

/**
 * Ends a sentence with `。` when the author forgot; trailing `，`, `；`, `、`
 * or `,` are replaced. Text already ending in a full stop is returned as is.
 */
export function endSentence(text: string): string {
  const t = flattenText(text);
  // Punctuation alone is no sentence.
  if (/^[\p{P}\s]*$/u.test(t)) return "";
  if (SENTENCE_END.test(t)) return t;
  return t.replace(/[，,；;、：:.\s]+$/, "") + "。";
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/** `①` → 1 … `⑳` → 20; 0 when not a circled number. */
export function circledValue(ch: string): number {
  const i = ch.length === 1 ? CIRCLED.indexOf(ch) : -1;
  return i < 0 ? 0 : i + 1;
}

/** 1 → `①` … 20 → `⑳`; larger numbers as `(21)`. */
export function circledNumber(n: number): string {
  return n >= 1 && n <= 20 ? CIRCLED[n - 1]! : `(${n})`;
}

const CHINESE_DIGITS = "零一二三四五六七八九";

/** 1 → 一, 10 → 十, 23 → 二十三 (up to 99), as section numbers are written. */
export function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n]!;
  if (n < 20) return "十" + (n % 10 ? CHINESE_DIGITS[n % 10] : "");
  if (n < 100) return CHINESE_DIGITS[Math.floor(n / 10)] + "十" + (n % 10 ? CHINESE_DIGITS[n % 10] : "");
  return String(n);
}

/** Parses 一…九十九 or Arabic digits; null otherwise. */
export function parseChineseNumber(text: string): number | null {
  const t = toHalfWidth(text).trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(t);
  if (!m || t === "") return null;
  const tens = m[2] ? (m[1] ? CHINESE_DIGITS.indexOf(m[1]) : 1) : 0;
  const ones = m[3] ? CHINESE_DIGITS.indexOf(m[3]) : m[2] ? 0 : m[1] ? CHINESE_DIGITS.indexOf(m[1]) : 0;
  if (!m[2] && m[3]) return null;
  return tens * 10 + ones;
}
