/**
 * CJK text metrics: how wide a character prints, in ems of its font. CJK and
 * full-width characters take one em; ASCII half an em in 仿宋_GB2312 and
 * 宋体, a little more for wide letters in the fonts that stand in for them,
 * so that a line measured here never comes out wider than measured.
 */

/** Letters wider than half an em in most fonts. */
const WIDE_ASCII = new Set([..."ABCDEFGHIJKLMNOPQRSTUVWXYZ@%&mw"].map((c) => c.codePointAt(0)!));

/** Width of one character (by code point) in ems. */
export function charWidth(code: number): number {
  if (code < 0x20) return 0;
  if (code < 0x7f) return WIDE_ASCII.has(code) ? 0.62 : 0.5;
  // General punctuation such as “ ” ‘ ’ — … are full width in Chinese fonts.
  if (code >= 0x2000 && code <= 0x206f) return 1;
  if (code >= 0xff61 && code <= 0xff9f) return 0.5; // half-width katakana
  if (code >= 0x2460 && code <= 0x24ff) return 1; // circled numbers
  return code >= 0x1100 ? 1 : 0.6;
}

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return w;
}
