/**
 * Breaking Chinese text into printed lines, as a typesetter of 公文 does:
 *
 * - no line starts with closing punctuation (`。，、；：？！）》”’` and the like)
 *   and none ends with opening punctuation (`（《“‘`): the character before is
 *   carried down to the next line instead (避头尾, by pushing down, never by
 *   letting punctuation hang past the text block); where a run allows no
 *   such break (`‘‘C？` in a full line), the closing mark still does not
 *   begin the next line;
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
 * The tokens of a text as offsets and widths (no object per character: the
 * notice of a large workbook has hundreds of thousands of them). Token k is
 * `text.slice(starts[k], starts[k + 1])`.
 */
interface Scan {
  readonly count: number;
  readonly starts: Int32Array;
  readonly widths: Float64Array;
}

const isWordStart = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** Characters that begin a `——`/`……`/`--`/`...` run. */
const RUN_MARKS = new Set([0x2014, 0x2026, 0x2d, 0x2e]);

let buffers = { starts: new Int32Array(1025), widths: new Float64Array(1024), western: new Uint8Array(1024) };

/** Buffers for `n` code units, reused from call to call (a scan is used before the next one starts). */
function buffersFor(n: number): typeof buffers {
  if (buffers.widths.length < n) {
    const size = Math.max(n, buffers.widths.length * 2);
    buffers = { starts: new Int32Array(size + 1), widths: new Float64Array(size), western: new Uint8Array(size) };
  }
  return buffers;
}

/** The line-start and line-end marks as code points. */
const NO_START_CODES = new Set([...NO_LINE_START].map((c) => c.codePointAt(0)!));
const NO_END_CODES = new Set([...NO_LINE_END].map((c) => c.codePointAt(0)!));

/** Token k may not begin a line: its first character is closing punctuation. */
function startsBadly(text: string, s: Scan, k: number): boolean {
  return k < s.count && NO_START_CODES.has(text.codePointAt(s.starts[k]!)!);
}

/** Token k may not end a line: its last character is opening punctuation (all of them one code unit). */
function endsBadly(text: string, s: Scan, k: number): boolean {
  return k >= 0 && NO_END_CODES.has(text.charCodeAt(s.starts[k + 1]! - 1));
}

/** Width of text[from, to) in ems, all of it ASCII or dashes (one code unit a character). */
function runWidth(text: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += charWidth(text.charCodeAt(i));
  return w;
}

/**
 * Cuts text into tokens: a Latin word or number, a run of dashes or dots,
 * or else a single character. A token that cannot fit a line (alone, or with
 * the punctuation that must stay with it: the closing marks after it, the
 * opening marks before it) is cut into its characters, so that it can be
 * split at a line end. A Western run next to full-width text counts
 * WESTERN_SPACING more on each such side.
 */
function scan(text: string, maxEms: number): Scan {
  let s = scanCutting(text, maxEms, undefined);
  // Rare: a run fits a line, but not with its marks. Cut it and scan again.
  for (let cut = tooWideWithMarks(text, s, maxEms, undefined); cut !== undefined; cut = tooWideWithMarks(text, s, maxEms, cut)) {
    s = scanCutting(text, maxEms, cut);
  }
  return s;
}

/**
 * `cut` with the runs (by offset) that do not fit a line with the marks
 * next to them added; undefined when there are no more.
 */
function tooWideWithMarks(text: string, s: Scan, maxEms: number, cut: ReadonlySet<number> | undefined): Set<number> | undefined {
  let more: Set<number> | undefined;
  for (let k = 0; k < s.count; k++) {
    const from = s.starts[k]!;
    const length = s.starts[k + 1]! - from;
    if (length < 2 || (length === 2 && text.codePointAt(from)! > 0xffff)) continue;
    let unit = s.widths[k]!;
    for (let j = k + 1; startsBadly(text, s, j); j++) unit += s.widths[j]!;
    for (let j = k - 1; endsBadly(text, s, j); j--) unit += s.widths[j]!;
    if (unit > s.widths[k]! && unit > maxEms + 1e-9) (more ??= new Set(cut)).add(from);
  }
  return more;
}

/** One scan: words and runs whole, unless wider than a line or their offset is in `cut`. */
function scanCutting(text: string, maxEms: number, cut: ReadonlySet<number> | undefined): Scan {
  const n = text.length;
  const { starts, widths, western } = buffersFor(n);
  let count = 0;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    let length = 0;
    let isWestern = false;
    if (isWordStart(code)) {
      WORD.lastIndex = i;
      length = WORD.exec(text)![0].length;
      isWestern = true;
    } else if (RUN_MARKS.has(code)) {
      DASHES.lastIndex = i;
      length = DASHES.exec(text)?.[0].length ?? 0;
    }
    if (length > 0) {
      const width = runWidth(text, i, i + length);
      if (length === 1 || (width <= maxEms && !cut?.has(i))) {
        starts[count] = i;
        widths[count] = width;
        western[count] = isWestern ? 1 : 0;
        count++;
        i += length;
        continue;
      }
      // Too wide: its characters, one token each (ASCII or dashes, one code unit each), Western
      // still, so that the run's first and last characters keep the spacing next to full-width text.
      for (const stop = i + length; i < stop; i++) {
        starts[count] = i;
        widths[count] = charWidth(text.charCodeAt(i));
        western[count] = isWestern ? 1 : 0;
        count++;
      }
      continue;
    }
    const point = text.codePointAt(i)!;
    starts[count] = i;
    widths[count] = charWidth(point);
    western[count] = 0;
    count++;
    i += point > 0xffff ? 2 : 1;
  }
  starts[count] = n;
  // The space around a Western run next to full-width text, counted with the run.
  for (let k = 0; k < count; k++) {
    if (western[k] !== 1) continue;
    if (k > 0 && widths[k - 1]! >= 1) widths[k]! += WESTERN_SPACING;
    if (k + 1 < count && widths[k + 1]! >= 1) widths[k]! += WESTERN_SPACING;
  }
  return { count, starts, widths };
}

/** Cuts text into tokens (see scan), as strings with their widths. */
export function tokenize(text: string, maxEms = Infinity): Token[] {
  const { count, starts, widths } = scan(text, maxEms);
  const tokens: Token[] = [];
  for (let k = 0; k < count; k++) tokens.push({ text: text.slice(starts[k], starts[k + 1]), width: widths[k]! });
  return tokens;
}

function isSpace(text: string, s: Scan, k: number): boolean {
  return s.starts[k + 1]! - s.starts[k]! === 1 && text.charCodeAt(s.starts[k]!) === 32;
}

/**
 * The last break from `end` back to just after `start` that `broken` allows
 * (the paragraph's end always does), or undefined when there is none.
 */
function lastCut(start: number, end: number, count: number, broken: (cut: number) => boolean): number | undefined {
  for (let cut = end; cut > start; cut--) if (cut === count || !broken(cut)) return cut;
  return undefined;
}

/** One paragraph (no line feeds) as lines of at most `maxEms`. */
function breakParagraph(text: string, maxEms: number): string[] {
  const tokens = scan(text, maxEms);
  const { count, starts, widths } = tokens;
  const bad = (cut: number) => startsBadly(text, tokens, cut) || endsBadly(text, tokens, cut - 1);
  // Token k ends with closing punctuation: a run of closing marks is split after it, if anywhere.
  const endsClosed = (k: number) => NO_START_CODES.has(text.charCodeAt(starts[k + 1]! - 1));
  const lines: string[] = [];
  let start = 0;
  while (start < count) {
    let end = start;
    let width = 0;
    while (end < count && width + widths[end]! <= maxEms + 1e-9) width += widths[end++]!;
    if (end === count) {
      lines.push(text.slice(starts[start], text.length));
      break;
    }
    // A single character wider than the line still takes a line of its own.
    if (end === start) end = start + 1;
    // Spaces at the break stay at the end of this line, where they are not seen.
    while (end < count && isSpace(text, tokens, end)) end++;
    // Carry characters down until the next line does not start with closing
    // punctuation and this one does not end with opening punctuation. Where
    // no break keeps both rules (`‘‘C？`: every place inside breaks one), keep
    // closing punctuation off the next line's start at least, unless it
    // follows closing punctuation; where nothing can be carried (a line of
    // punctuation alone), break where it was full.
    const cut = lastCut(start, end, count, bad) ?? lastCut(start, end, count, (k) => startsBadly(text, tokens, k) && !endsClosed(k - 1)) ?? end;
    lines.push(text.slice(starts[start], starts[cut]));
    start = cut;
  }
  return lines.length === 0 ? [""] : lines;
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
