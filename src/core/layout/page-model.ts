/**
 * The page of GB/T 9704-2012 《党政机关公文格式》, in one place, and a notice
 * (or a 督办单) laid out on it line by line.
 *
 * The standard's grid: A4, a text block of 156 × 225 mm (margins 37 mm top,
 * 35 mm bottom, 28 mm left, 26 mm right), 22 lines a page of 28 characters
 * of 三号 (16 pt) 仿宋_GB2312. The title in 二号 (22 pt) 方正小标宋简体, broken
 * between words as a 梯形 or 菱形, one blank line below it; `一、` headings in
 * 黑体, `（一）` in 楷体_GB2312; body paragraphs indented two characters; the
 * issuer one blank line below the text, two characters from the right, the
 * date on the next line starting two characters right of the issuer's first
 * character (or two characters from the right when it is the longer); page
 * numbers `— 1 —` in 四号 (14 pt) 宋体, 7 mm below the text block, odd pages
 * right and even pages left, one character in.
 *
 * `layoutPages` breaks every paragraph into printed lines with the core's
 * own CJK line breaker and numbers the pages: 22 lines each. The notice
 * sheet prints each line as one row, so every viewer breaks lines and pages
 * where this module does; the Word documents take the metrics, the title's
 * lines and the issuer's and date's positions from here.
 */
import type { ParagraphRole } from "../notice/model";
import { breakLines, breakTitle } from "./line-break";
import { textWidth } from "./text-measure";

const MM_PER_INCH = 25.4;
const PT_PER_INCH = 72;

export const mmToPt = (mm: number): number => (mm / MM_PER_INCH) * PT_PER_INCH;
export const ptToMm = (pt: number): number => (pt / PT_PER_INCH) * MM_PER_INCH;

export interface FontUse {
  readonly name: string;
  /** Points. */
  readonly size: number;
}

/** GB/T 9704-2012's page and type. */
export const GBT9704 = {
  paperMm: { width: 210, height: 297 },
  marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
  textBlockMm: { width: 156, height: 225 },
  linesPerPage: 22,
  charsPerLine: 28,
  /** Word's exact line pitch, 28.95 pt (579 twips): 22 lines fill the 225 mm block. */
  linePitchPt: 28.95,
  body: { name: "仿宋_GB2312", size: 16 },
  title: { name: "方正小标宋简体", size: 22 },
  /** `一、` headings. */
  heading1: { name: "黑体", size: 16 },
  /** `（一）` headings. */
  heading2: { name: "楷体_GB2312", size: 16 },
  pageNumber: {
    name: "宋体",
    size: 14,
    /** The 一字线 of the page number stands this far below the text block. */
    belowTextMm: 7,
    /** 单页码居右空一字，双页码居左空一字. */
    insetChars: 1,
  },
  firstLineIndentChars: 2,
  /** 发文机关署名右空二字. */
  issuerRightChars: 2,
  /** 成文日期首字比署名首字右移二字. */
  dateShiftChars: 2,
} as const satisfies Record<string, unknown>;

/** The character pitch that puts 28 characters in the 156 mm line: 15.79 pt. */
export const CHAR_PITCH_PT = mmToPt(GBT9704.textBlockMm.width) / GBT9704.charsPerLine;

/** Title characters a line holds: the text block's width in ems of the title's size (20). */
export const TITLE_CHARS_PER_LINE = Math.floor(mmToPt(GBT9704.textBlockMm.width) / GBT9704.title.size);

/**
 * Distance from the paper's bottom edge to the bottom of the footer's line,
 * so that the middle of the page number (its 一字线) stands `belowTextMm`
 * below the text block: the footer line is about 1.2 of the page number's
 * size tall.
 */
export const FOOTER_MM = Math.round((GBT9704.marginsMm.bottom - GBT9704.pageNumber.belowTextMm - ptToMm(GBT9704.pageNumber.size * 1.2) / 2) * 10) / 10;

export type LineStyle = "title" | "blank" | "body" | "heading1" | "heading2" | "number" | "addressee" | "issuer" | "date";

/** One printed line. */
export interface PrintedLine {
  readonly style: LineStyle;
  /** The line's characters (a body paragraph's first line starts with its two ideographic spaces). */
  readonly text: string;
  /** Ems (of the line's font) of space before the text: the issuer's and the date's position. */
  readonly indent: number;
  /** 1-based. */
  readonly page: number;
  /** 0-based line of the page (0–21). */
  readonly slot: number;
  /** Index of the paragraph the line belongs to; -1 for a line added to keep lines together. */
  readonly paragraph: number;
}

export interface PagedDocument {
  readonly lines: readonly PrintedLine[];
  readonly pageCount: number;
}

/** What layoutPages takes: the notice model, or a letter. */
export interface PageSource {
  readonly titleWords: readonly string[];
  readonly paragraphs: readonly { readonly role: ParagraphRole; readonly text: string }[];
}

/** Two ideographic spaces: a body paragraph's first-line indent. */
export const FIRST_LINE_INDENT = "\u3000".repeat(GBT9704.firstLineIndentChars);

/** `一、` → 1, `（一）` → 2, else 0. */
export function headingLevel(text: string): 0 | 1 | 2 {
  if (/^[一二三四五六七八九十]+、/.test(text)) return 1;
  if (/^（[一二三四五六七八九十]+）/.test(text)) return 2;
  return 0;
}

/**
 * Where the issuer and the date start, in ems from the left of the text
 * block (GB/T 9704-2012 7.3.5.2, an unsealed document).
 */
export function signaturePlacement(issuer: string, date: string, charsPerLine: number = GBT9704.charsPerLine): { issuer: number; date: number } {
  const right = GBT9704.issuerRightChars;
  const shift = GBT9704.dateShiftChars;
  const wi = textWidth(issuer);
  const wd = textWidth(date);
  let start = charsPerLine - right - wi;
  let dateStart = start + shift;
  // A date longer than the issuer: the date two characters from the right, the issuer moved left to keep the shift.
  if (wd > wi) {
    dateStart = charsPerLine - right - wd;
    start = dateStart - shift;
  }
  // Never past the right edge.
  dateStart = Math.min(dateStart, charsPerLine - wd);
  return { issuer: Math.max(0, start), date: Math.max(0, dateStart) };
}

/**
 * Places lines on pages of 22 as they come. A heading never ends a page
 * (nor does the issuer, which stays with the date): a blank line at the
 * foot of the page takes it to the next. A blank line at the top of a page
 * (after the first) shows as nothing: it is left out.
 */
class Pager {
  readonly lines: PrintedLine[] = [];

  /** A paragraph's lines; `keep` keeps its last line on the page of the next. */
  place(paragraph: number, style: LineStyle, texts: readonly string[], indent = 0, keep = false): void {
    const per = GBT9704.linesPerPage;
    const lines = this.lines;
    for (let i = 0; i < texts.length; i++) {
      if (keep && i === texts.length - 1 && lines.length % per === per - 1) {
        lines.push({ style: "blank", text: "", indent: 0, paragraph: -1, page: Math.floor(lines.length / per) + 1, slot: lines.length % per });
      }
      if (style === "blank" && lines.length % per === 0 && lines.length > 0) continue;
      lines.push({ style, text: texts[i]!, indent, paragraph, page: Math.floor(lines.length / per) + 1, slot: lines.length % per });
    }
  }
}

/** The document as printed lines on pages of 22 (see Pager). */
export function layoutPages(source: PageSource): PagedDocument {
  const pager = new Pager();
  const paragraphs = source.paragraphs;
  const issuer = paragraphs.find((p) => p.role === "issuer")?.text ?? "";
  const date = paragraphs.find((p) => p.role === "date")?.text ?? "";
  const place = signaturePlacement(issuer, date);
  const per = GBT9704.charsPerLine;
  for (let paragraph = 0; paragraph < paragraphs.length; paragraph++) {
    const p = paragraphs[paragraph]!;
    switch (p.role) {
      case "title":
        pager.place(paragraph, "title", breakTitle(source.titleWords.join("") === p.text ? source.titleWords : [p.text], TITLE_CHARS_PER_LINE));
        break;
      case "blank":
        pager.place(paragraph, "blank", [""]);
        break;
      case "heading": {
        const level = headingLevel(p.text);
        pager.place(paragraph, level === 2 ? "heading2" : "heading1", breakLines(FIRST_LINE_INDENT + p.text, per), 0, true);
        break;
      }
      case "body":
      case "closing":
        pager.place(paragraph, headingLevel(p.text) === 2 ? "heading2" : "body", breakLines(FIRST_LINE_INDENT + p.text, per));
        break;
      case "number":
        pager.place(paragraph, "number", breakLines(p.text, per));
        break;
      case "addressee":
        pager.place(paragraph, "addressee", breakLines(p.text, per));
        break;
      case "issuer":
        pager.place(paragraph, "issuer", place.issuer + textWidth(p.text) <= per ? [p.text] : breakLines(p.text, per), place.issuer, true);
        break;
      case "date":
        pager.place(paragraph, "date", [p.text], place.date);
        break;
    }
  }
  const lines = pager.lines;
  return { lines, pageCount: Math.max(1, Math.ceil(lines.length / GBT9704.linesPerPage)) };
}

/** Page number footers in Excel's header/footer codes: odd pages right, even pages left, one character in. */
export function pageNumberFooters(): { odd: { left: string; center: string; right: string }; even: { left: string; center: string; right: string } } {
  const { name, size } = GBT9704.pageNumber;
  const font = `&"${name},Regular"&${size}`;
  const inset = "\u3000".repeat(GBT9704.pageNumber.insetChars);
  return {
    odd: { left: "", center: "", right: `${font}— &P —${inset}` },
    even: { left: `${font}${inset}— &P —`, center: "", right: "" },
  };
}
