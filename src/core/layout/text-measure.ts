/**
 * Estimating how text wraps in a cell, so row heights can be set: Excel
 * cannot autofit rows whose text is merged, and LibreOffice and ExcelJS do
 * not autofit at all. Widths are in ems of the cell's font: CJK and
 * full-width characters take one em, ASCII about half.
 */

/** Letters wider than half an em in most fonts. */
const WIDE_ASCII = new Set([..."ABCDEFGHIJKLMNOPQRSTUVWXYZ@%&mw"].map((c) => c.codePointAt(0)!));

/** Punctuation that may not begin a line (CJK line-breaking rules). */
const NO_LINE_START = new Set([..."，。、；：？！）》」』”’】〕…,.;:?!)"].map((c) => c.codePointAt(0)!));

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

/**
 * Breaks text into lines of at most `lineEms` ems, greedily by character (as
 * CJK text wraps). Returns the lines; an empty text is one empty line.
 */
export function wrapLines(text: string, lineEms: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let width = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    if (code === 10) {
      lines.push(text.slice(start, i));
      i += 1;
      start = i;
      width = 0;
      continue;
    }
    const w = charWidth(code);
    if (width + w > lineEms && i > start) {
      // Like Excel and LibreOffice, never start a line with closing
      // punctuation: carry the character before it down as well.
      let cut = i;
      if (NO_LINE_START.has(code) && cut - 1 > start) cut -= 1;
      lines.push(text.slice(start, cut));
      width = textWidth(text.slice(cut, i));
      start = cut;
    }
    width += w;
    i += size;
  }
  lines.push(text.slice(start));
  return lines;
}
