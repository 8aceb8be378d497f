/**
 * The package → the core's grid, in one streaming pass over each worksheet:
 * values as the cells show them (shared and inline strings, numbers through
 * their number format as Excel shows them, booleans, error values, formula
 * results), merged areas and hidden columns. Nothing else of a sheet is kept
 * but the short part after its `<sheetData>` (conditional formats, page
 * setup…), for the writer; data validations over whole columns, other
 * elements and other parts cost neither time nor memory.
 */
import { columnCount, displayValue, parseRangeAddress, type CellRange, type CellValue, type SheetGrid, type WorkbookGrid } from "../../core";
import { PackageError, partText, type SheetEntry, type WorkbookPackage } from "./package";
import { cellFormats, isDateFormat } from "./styles";
import { attr, childrenNamed, decodeEntities, decodeText, localName, nameAt, parseXml, specialEnd, tagEnd, type XmlElement } from "./xml";
import type { ZipEntry, ZipReader } from "./zip";

/** Days from 1900-01-00 to 1904-01-01 in Excel's reckoning. */
const DAYS_1904 = 1462;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A worksheet as read: its grid, and what the writer needs to change the part without touching `<sheetData>`. */
export interface SheetRead {
  readonly entry: SheetEntry;
  readonly grid: SheetGrid;
  /** UTF-8 bytes of the part up to the end of `<sheetData>`: the writer copies them as they are. */
  readonly headBytes: number;
  /** The part's text after `<sheetData>`, to its end. */
  readonly tail: string;
}

export interface PackageRead {
  readonly grid: WorkbookGrid;
  readonly sheets: readonly SheetRead[];
}

/** Text of an element's `<t>` runs, leaving out phonetic runs (`<rPh>`). */
function runText(inner: string): string {
  // The usual shape: one <t> (or <t xml:space="preserve">).
  if (inner.startsWith("<t>") && inner.indexOf("<", 3) === inner.length - 4) return decodeText(inner.slice(3, inner.length - 4));
  let out = "";
  let phonetic = 0;
  let i = 0;
  for (;;) {
    const lt = inner.indexOf("<", i);
    if (lt < 0) break;
    const next = inner.charCodeAt(lt + 1);
    if (next === 33 || next === 63) {
      const e = specialEnd(inner, lt);
      if (e < 0) break;
      i = e;
      continue;
    }
    const gt = tagEnd(inner, lt);
    if (gt < 0) break;
    if (next === 47) {
      if (localName(nameAt(inner, lt + 2)) === "rPh") phonetic--;
      i = gt + 1;
      continue;
    }
    const name = nameAt(inner, lt + 1);
    const local = localName(name);
    const selfClosing = inner.charCodeAt(gt - 1) === 47;
    if (local === "rPh" && !selfClosing) phonetic++;
    else if (local === "t" && !selfClosing) {
      const close = inner.indexOf(`</${name}>`, gt + 1);
      if (close < 0) break;
      if (phonetic === 0) out += decodeText(inner.slice(gt + 1, close));
      i = close + name.length + 3;
      continue;
    }
    i = gt + 1;
  }
  return out;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

const isSpaceByte = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const isNameEndByte = (b: number) => isSpaceByte(b) || b === SLASH || b === GT;

/** Index of the `>` that ends a tag, skipping quoted attribute values; -1 when not in `buf`. */
function tagEndAt(buf: Buffer, from: number): number {
  let quote = 0;
  for (let i = from; i < buf.length; i++) {
    const b = buf[i]!;
    if (quote !== 0) {
      if (b === quote) quote = 0;
    } else if (b === QUOTE || b === APOSTROPHE) quote = b;
    else if (b === GT) return i;
  }
  return -1;
}

/** End (exclusive) of a comment, CDATA section or processing instruction starting at `lt`; -1 when not in `buf`. */
function specialEndAt(buf: Buffer, lt: number): number {
  let close = ">";
  if (buf[lt + 1] === 0x3f) close = "?>";
  else if (buf[lt + 2] === 0x2d && buf[lt + 3] === 0x2d) close = "-->";
  else if (buf[lt + 2] === 0x5b) close = "]]>";
  const at = buf.indexOf(close, lt + 2, "latin1");
  return at < 0 ? -1 : at + close.length;
}

/** Whether `buf[start, end)` spells `word` (ASCII). */
function spells(buf: Buffer, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[start + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** Where the local name starts in the qualified name `buf[start, end)` (after its prefix's colon). */
function localStart(buf: Buffer, start: number, end: number): number {
  for (let k = end - 1; k >= start; k--) if (buf[k] === COLON) return k + 1;
  return start;
}

/** A non-negative integer written in `buf[start, end)`; NaN when it is not one. */
function intAt(buf: Buffer, start: number, end: number): number {
  if (end <= start || end - start > 15) return NaN;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** The end tag of an element named like the one whose name is `buf[lt + 1, nameEnd)`: `</c>`, `</x:c>`. */
const closers = new Map<string, Buffer>();
const CELL_CLOSER = Buffer.from("</c>", "latin1");
const VALUE_CLOSER = Buffer.from("</v>", "latin1");
function closerOf(buf: Buffer, lt: number, nameEnd: number): Buffer {
  if (nameEnd === lt + 2 && buf[lt + 1] === 0x63) return CELL_CLOSER;
  const name = buf.toString("latin1", lt + 1, nameEnd);
  let closer = closers.get(name);
  if (!closer) closers.set(name, (closer = Buffer.from(`</${name}>`, "latin1")));
  return closer;
}

/** What a start tag handler returns: where to go on, or that the element is not complete yet, or that the scan stops after it. */
const MORE = -1;
const STOP = -2;

/**
 * A streaming scan of a part's bytes (markup is ASCII, so tags are found
 * and read as bytes; only text that becomes a value is decoded). `start`
 * gets each start tag — its local name is `buf[ls, le)`, the tag ends at
 * `gt` — and returns where to go on (e.g. past the element's end tag),
 * MORE when the element is not all in `buf` yet, or STOP. `end` gets each
 * end tag's local name and may stop the scan. When stopped, the result
 * holds the number of bytes up to the end of that tag and the bytes after it.
 */
interface ByteScan {
  start(buf: Buffer, lt: number, ls: number, le: number, gt: number, selfClosing: boolean): number;
  end?(buf: Buffer, ls: number, le: number): boolean;
}

async function scanPart(zip: ZipReader, entry: ZipEntry, h: ByteScan): Promise<{ headBytes: number; tail: Buffer } | undefined> {
  let rest: Buffer | undefined;
  let consumed = 0;
  let stopped: { headBytes: number; tail: Buffer[] } | undefined;
  for await (const chunk of zip.stream(entry)) {
    if (stopped) {
      stopped.tail.push(chunk);
      continue;
    }
    const buf = rest && rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let i = 0;
    for (;;) {
      const lt = buf.indexOf(LT, i);
      if (lt < 0) {
        i = buf.length;
        break;
      }
      i = lt;
      if (lt + 1 >= buf.length) break;
      const b1 = buf[lt + 1]!;
      if (b1 === 0x21 || b1 === 0x3f) {
        const e = specialEndAt(buf, lt);
        if (e < 0) break;
        i = e;
        continue;
      }
      if (b1 === SLASH) {
        const gt = buf.indexOf(GT, lt + 2);
        if (gt < 0) break;
        if (h.end) {
          let ne = lt + 2;
          while (ne < gt && !isNameEndByte(buf[ne]!)) ne++;
          const ls = localStart(buf, lt + 2, ne);
          if (h.end(buf, ls, ne)) {
            stopped = { headBytes: consumed + gt + 1, tail: [buf.subarray(gt + 1)] };
            break;
          }
        }
        i = gt + 1;
        continue;
      }
      let ne = lt + 1;
      while (ne < buf.length && !isNameEndByte(buf[ne]!)) ne++;
      if (ne >= buf.length) break;
      const gt = buf[ne] === GT ? ne : tagEndAt(buf, ne);
      if (gt < 0) break;
      const ls = localStart(buf, lt + 1, ne);
      const next = h.start(buf, lt, ls, ne, gt, buf[gt - 1] === SLASH);
      if (next === MORE) break;
      if (next === STOP) {
        stopped = { headBytes: consumed + gt + 1, tail: [buf.subarray(gt + 1)] };
        break;
      }
      i = next;
    }
    if (stopped) continue;
    consumed += i;
    rest = i >= buf.length ? undefined : buf.subarray(i);
    if (rest && rest.length > 64 * 1024 * 1024) throw new PackageError(`an element of ${entry.name} does not end`);
  }
  return stopped && { headBytes: stopped.headBytes, tail: Buffer.concat(stopped.tail) };
}

/** The shared strings, in order. */
export async function readSharedStrings(zip: ZipReader, part: string | undefined): Promise<string[]> {
  const entry = part === undefined ? undefined : zip.get(part);
  if (!entry) return [];
  const strings: string[] = [];
  await scanPart(zip, entry, {
    start(buf, lt, ls, le, gt, selfClosing) {
      if (!spells(buf, ls, le, "si")) return gt + 1;
      if (selfClosing) {
        strings.push("");
        return gt + 1;
      }
      const closer = closerOf(buf, lt, le);
      const close = buf.indexOf(closer, gt + 1);
      if (close < 0) return MORE;
      strings.push(runText(buf.toString("utf8", gt + 1, close)));
      return close + closer.length;
    },
  });
  return strings;
}

/** The 0-based row and column `refAt` read last (-1 when not a cell reference). */
let refRow = -1;
let refCol = -1;
/** Reads a cell reference (`AB12`) in `buf[start, end)` into refRow and refCol. */
function refAt(buf: Buffer, start: number, end: number): void {
  refRow = refCol = -1;
  let col = 0;
  let i = start;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break;
  }
  let row = 0;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36) return;
  }
  if (col === 0 || row === 0) return;
  refRow = row - 1;
  refCol = col - 1;
}

/** Cell types (`t`), as small numbers. */
const enum CellType {
  Number,
  Shared,
  Inline,
  Formula,
  Boolean,
  Error,
  Date,
}

function typeAt(buf: Buffer, start: number, end: number): CellType {
  if (end - start === 1) {
    switch (buf[start]) {
      case 0x73:
        return CellType.Shared;
      case 0x62:
        return CellType.Boolean;
      case 0x65:
        return CellType.Error;
      case 0x64:
        return CellType.Date;
      default:
        return CellType.Number;
    }
  }
  if (spells(buf, start, end, "str")) return CellType.Formula;
  if (spells(buf, start, end, "inlineStr")) return CellType.Inline;
  return CellType.Number;
}

/** The `r`, `s` and `t` attributes of a start tag whose attributes are `buf[from, to)` (positions, -1 when absent). */
interface CellAttributes {
  refStart: number;
  refEnd: number;
  style: number;
  type: CellType;
}
function cellAttributes(buf: Buffer, from: number, to: number, out: CellAttributes): void {
  out.refStart = -1;
  out.refEnd = -1;
  out.style = -1;
  out.type = CellType.Number;
  let p = from;
  while (p < to) {
    while (p < to && isSpaceByte(buf[p]!)) p++;
    const nameStart = p;
    while (p < to && buf[p] !== EQUALS && !isSpaceByte(buf[p]!)) p++;
    const nameEnd = p;
    while (p < to && buf[p] !== EQUALS) p++;
    p++;
    while (p < to && isSpaceByte(buf[p]!)) p++;
    const quote = buf[p];
    if (quote !== QUOTE && quote !== APOSTROPHE) return;
    const vs = p + 1;
    const ve = buf.indexOf(quote, vs);
    if (ve < 0 || ve > to) return;
    if (nameEnd - nameStart === 1) {
      const n = buf[nameStart];
      if (n === 0x72) {
        out.refStart = vs;
        out.refEnd = ve;
      } else if (n === 0x73) out.style = intAt(buf, vs, ve);
      else if (n === 0x74) out.type = typeAt(buf, vs, ve);
    }
    p = ve + 1;
  }
}

/** Where a cell's `<v>` text and `<is>` content lie in `buf[from, to)` (-1 when absent). */
interface CellContent {
  vStart: number;
  vEnd: number;
  isStart: number;
  isEnd: number;
}
function cellContent(buf: Buffer, from: number, to: number, out: CellContent): void {
  out.vStart = out.vEnd = out.isStart = out.isEnd = -1;
  // The usual shape: <v>…</v> alone.
  if (buf[from] === LT && buf[from + 1] === 0x76 && buf[from + 2] === GT) {
    const close = buf.indexOf(VALUE_CLOSER, from + 3);
    if (close >= 0 && close < to) {
      out.vStart = from + 3;
      out.vEnd = close;
      return;
    }
  }
  let i = from;
  while (i < to) {
    const lt = buf.indexOf(LT, i);
    if (lt < 0 || lt >= to) return;
    const b1 = buf[lt + 1]!;
    if (b1 === SLASH || b1 === 0x21 || b1 === 0x3f) {
      const e = b1 === SLASH ? buf.indexOf(GT, lt) + 1 : specialEndAt(buf, lt);
      if (e <= 0) return;
      i = e;
      continue;
    }
    let ne = lt + 1;
    while (ne < to && !isNameEndByte(buf[ne]!)) ne++;
    const gt = tagEndAt(buf, ne);
    if (gt < 0 || gt >= to) return;
    if (buf[gt - 1] === SLASH) {
      i = gt + 1;
      continue;
    }
    const ls = localStart(buf, lt + 1, ne);
    const closer = closerOf(buf, lt, ne);
    const close = buf.indexOf(closer, gt + 1);
    if (close < 0 || close > to) return;
    if (spells(buf, ls, ne, "v")) {
      out.vStart = gt + 1;
      out.vEnd = close;
    } else if (spells(buf, ls, ne, "is")) {
      out.isStart = gt + 1;
      out.isEnd = close;
    }
    i = close + closer.length;
  }
}

/** An ISO 8601 date-time (`t="d"` cells) as an Excel serial number. */
function isoSerial(text: string): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes("T") ? text : `${text}Z`);
  return Number.isNaN(ms) ? null : (ms - EXCEL_EPOCH) / 86_400_000;
}

interface Context {
  readonly strings: readonly string[];
  readonly formats: readonly (string | undefined)[];
  readonly date1904: boolean;
}

/** A number as written in `buf[start, end)`: integers directly, the rest through Number. */
function numberAt(buf: Buffer, start: number, end: number): number {
  const n = intAt(buf, start, end);
  return Number.isNaN(n) ? Number(buf.toString("latin1", start, end)) : n;
}

/** One cell's value as the core sees it. */
function cellValue(buf: Buffer, a: CellAttributes, c: CellContent, ctx: Context): CellValue {
  const { vStart, vEnd } = c;
  const hasV = vStart >= 0;
  switch (a.type) {
    case CellType.Shared:
      return hasV ? (ctx.strings[intAt(buf, vStart, vEnd)] ?? null) : null;
    case CellType.Inline:
      return c.isStart >= 0 ? runText(buf.toString("utf8", c.isStart, c.isEnd)) : hasV ? decodeText(buf.toString("utf8", vStart, vEnd)) : null;
    case CellType.Formula:
      return hasV ? decodeText(buf.toString("utf8", vStart, vEnd)) : null;
    case CellType.Boolean:
      return hasV ? buf[vStart] === 0x31 || spells(buf, vStart, vEnd, "true") : null;
    case CellType.Error:
      return hasV ? decodeEntities(buf.toString("utf8", vStart, vEnd)).trim() : null;
    case CellType.Date: {
      if (!hasV) return null;
      const text = buf.toString("utf8", vStart, vEnd).trim();
      const serial = isoSerial(text);
      if (serial === null) return decodeEntities(text);
      return displayValue(serial, (a.style >= 0 ? ctx.formats[a.style] : undefined) ?? "mm-dd-yy");
    }
    default: {
      if (!hasV || vEnd === vStart) return c.isStart >= 0 ? runText(buf.toString("utf8", c.isStart, c.isEnd)) : null;
      const n = numberAt(buf, vStart, vEnd);
      if (Number.isNaN(n)) return null;
      const format = a.style >= 0 ? ctx.formats[a.style] : undefined;
      if (format === undefined) return n;
      return displayValue(ctx.date1904 && isDateFormat(format) ? n + DAYS_1904 : n, format);
    }
  }
}

/** Reads one worksheet part. */
export async function readSheet(zip: ZipReader, entry: SheetEntry, ctx: Context): Promise<SheetRead> {
  const zipEntry = zip.get(entry.part!)!;
  const values: CellValue[][] = [];
  const hiddenRanges: [number, number][] = [];
  let row = -1;
  let col = -1;
  let sawSheetData = false;
  const attributes: CellAttributes = { refStart: -1, refEnd: -1, style: -1, type: CellType.Number };
  const content: CellContent = { vStart: -1, vEnd: -1, isStart: -1, isEnd: -1 };
  const stopped = await scanPart(zip, zipEntry, {
    start(buf, lt, ls, le, gt, selfClosing) {
      const length = le - ls;
      if (length === 1 && buf[ls] === 0x63) {
        // <c>: a cell.
        let close = -1;
        let closer: Buffer | undefined;
        if (!selfClosing) {
          closer = closerOf(buf, lt, le);
          close = buf.indexOf(closer, gt + 1);
          if (close < 0) return MORE;
        }
        cellAttributes(buf, le, selfClosing ? gt - 1 : gt, attributes);
        if (attributes.refStart >= 0) refAt(buf, attributes.refStart, attributes.refEnd);
        else refRow = -1;
        if (refRow >= 0) {
          row = refRow;
          col = refCol;
        } else col++;
        if (selfClosing) return gt + 1;
        const end = close + closer!.length;
        if (row < 0) return end;
        cellContent(buf, gt + 1, close, content);
        if (content.vStart < 0 && content.isStart < 0) return end;
        const value = cellValue(buf, attributes, content, ctx);
        if (value === null) return end;
        let cells = values[row];
        if (cells === undefined) cells = values[row] = [];
        while (cells.length < col) cells.push(null);
        cells[col] = value;
        return end;
      }
      if (length === 3 && spells(buf, ls, le, "row")) {
        cellAttributes(buf, le, selfClosing ? gt - 1 : gt, attributes);
        const r = attributes.refStart >= 0 ? intAt(buf, attributes.refStart, attributes.refEnd) : NaN;
        row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
        col = -1;
        return gt + 1;
      }
      if (length === 3 && spells(buf, ls, le, "col")) {
        const tag = buf.toString("utf8", le, gt);
        if (/^(1|true)$/.test(attr(tag, "hidden") ?? "")) {
          const min = Number(attr(tag, "min"));
          const max = Number(attr(tag, "max") ?? min);
          if (Number.isInteger(min) && min > 0) hiddenRanges.push([min - 1, Math.max(min, Number.isInteger(max) ? max : min) - 1]);
        }
        return gt + 1;
      }
      if (length === 9 && spells(buf, ls, le, "sheetData")) {
        sawSheetData = true;
        // `<sheetData/>`: the part after it is the tail.
        return selfClosing ? STOP : gt + 1;
      }
      return gt + 1;
    },
    end: (buf, ls, le) => spells(buf, ls, le, "sheetData"),
  });
  if (!stopped || !sawSheetData) throw new PackageError(`${entry.part} has no sheetData`);
  for (let r = 0; r < values.length; r++) if (values[r] === undefined) values[r] = [];
  const tail = stopped.tail.toString("utf8");

  // Merged areas, from the part after <sheetData>.
  const merges: CellRange[] = [];
  for (const el of tailElements(tail).elements) {
    if (el.local !== "mergeCells") continue;
    for (const m of childrenNamed(el, "mergeCell")) {
      const range = parseRangeAddress(attr(m.attributes, "ref") ?? "");
      if (range) merges.push(range);
    }
  }
  const base = { name: entry.name, values, merges };
  const width = columnCount(base);
  const hidden = new Set<number>();
  for (const [min, max] of hiddenRanges) for (let c = min; c <= Math.min(max, width - 1); c++) hidden.add(c);
  return { entry, grid: { ...base, hiddenColumns: [...hidden].sort((a, b) => a - b) }, headBytes: stopped.headBytes, tail };
}

/**
 * The elements of a sheet's tail (the children of `<worksheet>` after
 * `<sheetData>`), and where the root's end tag starts.
 */
export function tailElements(tail: string): { elements: XmlElement[]; rootClose: number } {
  const rootClose = tail.lastIndexOf("</");
  if (rootClose < 0) throw new PackageError("a worksheet does not end");
  return { elements: parseXml(tail, 0, rootClose), rootClose };
}

/** The whole read: shared strings and styles first, then every worksheet in the workbook's order. */
export async function readPackage(pkg: WorkbookPackage): Promise<PackageRead> {
  const strings = await readSharedStrings(pkg.zip, pkg.sharedStringsPart);
  const formats = cellFormats(pkg.stylesPart === undefined ? undefined : partText(pkg.zip, pkg.stylesPart));
  const ctx: Context = { strings, formats, date1904: pkg.date1904 };
  const sheets: SheetRead[] = [];
  for (const entry of pkg.sheets) if (entry.kind === "worksheet" && entry.part !== undefined) sheets.push(await readSheet(pkg.zip, entry, ctx));
  return { grid: { sheets: sheets.map((s) => s.grid) }, sheets };
}

