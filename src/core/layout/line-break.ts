/**
 * Breaking Chinese text into printed lines, as a typesetter of 公文 does:
 *
 * - no line starts with closing punctuation (`。，、；：？！）》”’` and the like)
 *   and none ends with opening punctuation (`（《“‘`): the character before is
 *   carried down to the next line instead (避头尾, by pushing down, never by
 *   letting punctuation hang past the text block);
 * - digits and Latin words (`2025`, `5.5%`, `1,200`, `COVID-19`) are never
 *   split, nor are `——` and `……`;
 * - a word longer than a whole line is split where the line ends;
 * - an empty paragraph is one empty line; a line feed starts a new line.
 *
 * Widths are in ems of the paragraph's font (see text-measure.ts), so one
 * breaker serves the 16 pt body and the 22 pt title alike. A run of digits
 * or Latin letters next to Chinese counts a quarter em more on each such
 * side: LibreOffice and Word set that much space between Chinese and Western
 * text (Excel does not), and a line measured so fits in all of them.
 */
import { charWidth, textWidth } from "./text-measure";

/** Punctuation that may not begin a line. */
export const NO_LINE_START = new Set([..."。，、；：？！）》”’" + "」』】〕〉〗．｝］｜·～%‰℃" + ",.;:?!)]}"]);
/** Punctuation that may not end a line. */
export const NO_LINE_END = new Set([..."（《“‘" + "「『【〔〈〖｛［" + "([{"]);

/** One unbreakable piece of text and its width in ems. */
export interface Token {
  readonly text: string;
  readonly width: number;
}

/** Space some renderers set between a Western run and a full-width neighbour, in ems. */
export const WESTERN_SPACING = 0.25;

/** Digits and Latin letters with what joins them inside a word or a number: `5.5%`, `1,200`, `COVID-19`, `e-mail`. */
const WORD = /[0-9A-Za-z]+(?:[.,:/'&+_-][0-9A-Za-z]+)*%?/y;
/** `——` and `……` stay in one piece. */
const DASHES = /(?:—{2,}|…{2,}|-{2,}|\.{3,})/y;

/**
 * Cuts text into tokens: a Latin word or number, a run of dashes or dots,
 * or else a single character. A token wider than `maxEms` is cut into its
 * characters, so that it can be split at any line end.
 */
export function tokenize(text: string, maxEms = Infinity): Token[] {
  const tokens: (Token & { western?: boolean })[] = [];
  let i = 0;
  while (i < text.length) {
    let piece: string | null = null;
    for (const re of [WORD, DASHES]) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) {
        piece = m[0];
        break;
      }
    }
    const western = piece !== null && /^[0-9A-Za-z]/.test(piece);
    if (piece === null) piece = String.fromCodePoint(text.codePointAt(i)!);
    i += piece.length;
    const width = textWidth(piece);
    if (width > maxEms && [...piece].length > 1) {
      for (const ch of piece) tokens.push({ text: ch, width: charWidth(ch.codePointAt(0)!) });
    } else {
      tokens.push({ text: piece, width, western });
    }
  }
  // The space around a Western run next to full-width text, counted with the run.
  return tokens.map((t, k) => {
    if (!t.western) return { text: t.text, width: t.width };
    const sides = [tokens[k - 1], tokens[k + 1]].filter((n) => n !== undefined && n.width >= 1).length;
    return { text: t.text, width: t.width + sides * WESTERN_SPACING };
  });
}

const startsBadly = (t: Token | undefined) => t !== undefined && NO_LINE_START.has([...t.text][0]!);
const endsBadly = (t: Token | undefined) => t !== undefined && NO_LINE_END.has([...t.text].pop()!);

/** One paragraph (no line feeds) as lines of at most `maxEms`. */
function breakParagraph(text: string, maxEms: number): string[] {
  const tokens = tokenize(text, maxEms);
  const lines: string[] = [];
  let start = 0;
  while (start < tokens.length) {
    let end = start;
    let width = 0;
    while (end < tokens.length && width + tokens[end]!.width <= maxEms + 1e-9) width += tokens[end++]!.width;
    if (end === tokens.length) {
      lines.push(join(tokens, start, end));
      break;
    }
    // A single character wider than the line still takes a line of its own.
    if (end === start) end = start + 1;
    // Spaces at the break stay at the end of this line, where they are not seen.
    while (end < tokens.length && tokens[end]!.text === " ") end++;
    // Carry characters down until the next line does not start with closing
    // punctuation and this one does not end with opening punctuation.
    let cut = end;
    while (cut > start + 1 && cut < tokens.length && (startsBadly(tokens[cut]) || endsBadly(tokens[cut - 1]))) cut--;
    // Nothing to carry (a line of punctuation alone): break where it was full.
    if (cut === start + 1 && (startsBadly(tokens[cut]) || endsBadly(tokens[cut - 1]))) cut = end;
    lines.push(join(tokens, start, cut));
    start = cut;
  }
  return lines.length === 0 ? [""] : lines;
}

function join(tokens: readonly Token[], from: number, to: number): string {
  let s = "";
  for (let i = from; i < to; i++) s += tokens[i]!.text;
  return s;
}

/**
 * Breaks a paragraph into lines no wider than `maxEms` ems. The lines joined
 * give the text back (line feeds excepted).
 */
export function breakLines(text: string, maxEms: number): string[] {
  if (!(maxEms > 0)) throw new Error(`line width must be positive, got ${maxEms}`);
  return text.split("\n").flatMap((part) => breakParagraph(part, maxEms));
}

/**
 * Breaks a title between its words into as few lines as fit, shaped as a
 * 梯形 (each line at most as long as the next, or each at least as long) or,
 * from three lines, a 菱形 (longest in the middle), the lines as even as the
 * words allow. `words` joined is the title; a word wider than a line is cut
 * as body text is. Falls back on filling line by line when no shape fits.
 */
export function breakTitle(words: readonly string[], maxEms: number): string[] {
  const units = words.flatMap((w) => (textWidth(w) > maxEms ? breakLines(w, maxEms) : [w])).filter((w) => w !== "");
  if (units.length === 0) return [""];
  const widths = units.map(textWidth);
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= maxEms) return [units.join("")];
  // Exhaustive search stays small: a title has a handful of words.
  if (units.length <= 24) {
    for (let lines = Math.ceil(total / maxEms); lines <= Math.min(units.length, 6); lines++) {
      const best = bestShape(units, widths, maxEms, lines);
      if (best) return best;
    }
  }
  return fillTitle(units, widths, maxEms);
}

function bestShape(units: readonly string[], widths: readonly number[], maxEms: number, lines: number): string[] | null {
  let best: { score: number; cuts: number[] } | null = null;
  const cuts: number[] = [];
  const visit = (from: number, left: number) => {
    if (left === 1) {
      const all = [...cuts, units.length];
      const lengths = all.map((to, i) => sum(widths, i === 0 ? 0 : all[i - 1]!, to));
      if (lengths.some((l) => l > maxEms + 1e-9) || !shapely(lengths)) return;
      const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
      // Even lines first; between equals, the shorter line on top (正梯形).
      const score = lengths.reduce((a, l) => a + (l - mean) ** 2, 0) + (lengths[0]! > lengths[lengths.length - 1]! ? 0.01 : 0);
      if (!best || score < best.score - 1e-9) best = { score, cuts: all };
      return;
    }
    for (let to = from + 1; to <= units.length - (left - 1); to++) {
      if (sum(widths, from, to) > maxEms + 1e-9) break;
      cuts.push(to);
      visit(to, left - 1);
      cuts.pop();
    }
  };
  visit(0, lines);
  if (!best) return null;
  const found: number[] = (best as { cuts: number[] }).cuts;
  return found.map((to, i) => units.slice(i === 0 ? 0 : found[i - 1]!, to).join(""));
}

/** 梯形 (monotonic) or 菱形 (rising, then falling). */
function shapely(lengths: readonly number[]): boolean {
  if (lengths.length <= 2) return true;
  const steps = lengths.slice(1).map((l, i) => Math.sign(Math.round((l - lengths[i]!) * 100)));
  const rising = steps.every((s) => s >= 0);
  const falling = steps.every((s) => s <= 0);
  const peak = steps.findIndex((s) => s < 0);
  const diamond = peak > 0 && steps.slice(0, peak).every((s) => s >= 0) && steps.slice(peak).every((s) => s <= 0);
  return rising || falling || diamond;
}

function sum(widths: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += widths[i]!;
  return s;
}

function fillTitle(units: readonly string[], widths: readonly number[], maxEms: number): string[] {
  const lines: string[] = [];
  let line = "";
  let width = 0;
  units.forEach((u, i) => {
    if (line !== "" && width + widths[i]! > maxEms) {
      lines.push(line);
      line = "";
      width = 0;
    }
    line += u;
    width += widths[i]!;
  });
  if (line !== "") lines.push(line);
  return lines;
}
