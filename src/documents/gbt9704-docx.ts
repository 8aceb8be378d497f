/**
 * A notice or a 督办单 as a Word document in GB/T 9704-2012 layout, built
 * with the `docx` package from the core's model and page model:
 *
 * - A4, margins 37/35/28/26 mm; a document grid of 22 lines (line pitch
 *   579 twips, 28.95 pt), every paragraph at exactly 28.95 pt, so each line
 *   sits on the grid; 28 characters a line: the 16 pt characters of the body
 *   are set 0.25 pt closer (15.75 pt each, 441 pt of the 442 pt line). Word's
 *   own character grid (w:docGrid linesAndChars with a negative charSpace)
 *   would do the same in Word and WPS, but LibreOffice lays such a grid out
 *   with 18–20 characters a line, so the spacing is set on the runs instead;
 * - fonts set per run, East-Asian and Latin alike: the title 22 pt
 *   方正小标宋简体 (its lines broken where the page model breaks them, between
 *   words), the body 16 pt 仿宋_GB2312 with a two-character first-line indent,
 *   `一、` headings 黑体, `（一）` headings 楷体_GB2312;
 * - the issuer and the date where page-model.ts places them;
 * - page numbers `— 1 —` in 14 pt 宋体 in odd (right) and even (left)
 *   footers, one character in, their middle 7 mm below the text block; the
 *   footer paragraphs carry no first-line indent of their own.
 *
 * Pure of Office and Node: the task pane uses it as the command line does.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
} from "docx";
import { CHAR_PITCH_PT, FOOTER_MM, GBT9704, TITLE_CHARS_PER_LINE, breakTitle, headingLevel, signaturePlacement, type FontUse, type PageSource } from "../core";

const TWIPS_PER_PT = 20;
const twipsOfMm = (mm: number) => Math.round((mm / 25.4) * 1440);
const twipsOfPt = (pt: number) => Math.round(pt * TWIPS_PER_PT);

/** 579 twips: 28.95 pt, the grid's and every paragraph's line pitch. */
export const LINE_PITCH_TWIPS = twipsOfPt(GBT9704.linePitchPt);
/**
 * Character spacing of the body's runs, in twentieths of a point (w:spacing
 * in w:rPr): the most the 16 pt characters need to come closer for 28 to
 * fit the 156 mm line: −0.25 pt.
 */
export const BODY_CHARACTER_SPACING = Math.floor((CHAR_PITCH_PT - GBT9704.body.size) * TWIPS_PER_PT);
/** One body character as set, in twips: 15.75 pt. */
const CHAR_TWIPS = GBT9704.body.size * TWIPS_PER_PT + BODY_CHARACTER_SPACING;
/** The page number's line, in points: the footer distance puts its middle 7 mm below the text block. */
const FOOTER_LINE_PT = GBT9704.pageNumber.size * 1.2;

/** Word's font attributes for one font: the same face for Chinese and Latin text (digits print as the body's). */
function fontOf(font: FontUse): IRunOptions["font"] {
  return { ascii: font.name, eastAsia: font.name, hAnsi: font.name, cs: font.name, hint: "eastAsia" };
}

/** A run in one font; text of the body's size is set at the body's character spacing. */
function run(text: string, font: FontUse, extra: Partial<IRunOptions> = {}): TextRun {
  const spacing = font.size === GBT9704.body.size ? { characterSpacing: BODY_CHARACTER_SPACING } : {};
  return new TextRun({ text, font: fontOf(font), size: font.size * 2, ...spacing, ...extra });
}

/** Every paragraph sits on the grid: exactly one line pitch a line, no space around. */
const onGrid = { spacing: { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } } as const;
const firstLineIndent = { firstLine: Math.round(GBT9704.firstLineIndentChars * CHAR_TWIPS), firstLineChars: GBT9704.firstLineIndentChars * 100 };

/**
 * A paragraph on the grid, with no space added between Chinese and digits
 * (the page model counts none) and no widow/orphan control, so that every
 * page is filled to its 22nd line as the sheet's pages are. Punctuation may
 * overflow the line (w:overflowPunct, Word's own default: Word hangs such a
 * mark in the margin); LibreOffice reads the flag as "no hanging
 * punctuation" and carries the character before it down instead, where it
 * would otherwise not draw a mark hanging past a justified line.
 */
function paragraph(options: IParagraphOptions): Paragraph {
  return new Paragraph({ ...onGrid, autoSpaceEastAsianText: false, widowControl: false, overflowPunctuation: true, ...options });
}

/** A body paragraph; one that opens with `（一）` has that heading, up to its first full stop, in 楷体. */
function bodyParagraph(text: string): Paragraph {
  const lead = headingLevel(text) === 2 ? /^（[^）]+）[^。]*。?/.exec(text)?.[0] ?? "" : "";
  const children = lead === "" ? [run(text, GBT9704.body)] : [run(lead, GBT9704.heading2), run(text.slice(lead.length), GBT9704.body)];
  return paragraph({ alignment: AlignmentType.JUSTIFIED, indent: firstLineIndent, children });
}

/** The paragraphs of a notice or a letter. */
export function documentParagraphs(source: PageSource): Paragraph[] {
  const issuer = source.paragraphs.find((p) => p.role === "issuer")?.text ?? "";
  const date = source.paragraphs.find((p) => p.role === "date")?.text ?? "";
  const place = signaturePlacement(issuer, date);
  const at = (ems: number) => ({ left: Math.round(ems * CHAR_TWIPS), firstLine: 0 });
  return source.paragraphs.map((p) => {
    switch (p.role) {
      case "title": {
        const lines = breakTitle(source.titleWords.join("") === p.text ? source.titleWords : [p.text], TITLE_CHARS_PER_LINE);
        return paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: lines.map((line, i) => run(line, GBT9704.title, i > 0 ? { break: 1 } : {})),
        });
      }
      case "blank":
        return paragraph({ children: [] });
      case "heading": {
        const font = headingLevel(p.text) === 2 ? GBT9704.heading2 : GBT9704.heading1;
        return paragraph({ alignment: AlignmentType.JUSTIFIED, indent: firstLineIndent, keepNext: true, children: [run(p.text, font)] });
      }
      case "body":
      case "closing":
        return bodyParagraph(p.text);
      case "number":
        return paragraph({ alignment: AlignmentType.CENTER, children: [run(p.text, GBT9704.body)] });
      case "addressee":
        return paragraph({ alignment: AlignmentType.LEFT, children: [run(p.text, GBT9704.body)] });
      case "issuer":
        return paragraph({ alignment: AlignmentType.LEFT, indent: at(place.issuer), keepNext: true, children: [run(p.text, GBT9704.body)] });
      case "date":
        return paragraph({ alignment: AlignmentType.LEFT, indent: at(place.date), children: [run(p.text, GBT9704.body)] });
    }
  });
}

/** `— 1 —` on the side the page's parity says, one character (of its own size) in. */
function pageNumberFooter(side: "left" | "right"): Footer {
  const font = { name: GBT9704.pageNumber.name, size: GBT9704.pageNumber.size };
  const inset = Math.round(GBT9704.pageNumber.insetChars * font.size * TWIPS_PER_PT);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // Only the inset: no first-line indent, whatever the styles say.
        indent: side === "right" ? { right: inset, left: 0, firstLine: 0 } : { left: inset, right: 0, firstLine: 0 },
        spacing: { line: twipsOfPt(FOOTER_LINE_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: fontOf(font), size: font.size * 2, snapToGrid: false })],
      }),
    ],
  });
}

export interface DocumentMeta {
  readonly title: string;
  readonly subject?: string;
}

/** The Word document of a notice or a letter. */
export function gbtDocument(source: PageSource, meta: DocumentMeta): Document {
  const m = GBT9704.marginsMm;
  return new Document({
    title: meta.title,
    subject: meta.subject,
    creator: "督查通报助手",
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontOf(GBT9704.body), size: GBT9704.body.size * 2, language: { value: "en-US", eastAsia: "zh-CN" } },
          paragraph: { ...onGrid },
        },
      },
      // The Normal style's size is what the grid's character pitch is reckoned from (LibreOffice reads it from there only).
      paragraphStyles: [
        {
          id: "Normal",
          name: "Normal",
          quickFormat: true,
          run: { font: fontOf(GBT9704.body), size: GBT9704.body.size * 2 },
          paragraph: { ...onGrid },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twipsOfMm(GBT9704.paperMm.width), height: twipsOfMm(GBT9704.paperMm.height) },
            margin: {
              top: twipsOfMm(m.top),
              bottom: twipsOfMm(m.bottom),
              left: twipsOfMm(m.left),
              right: twipsOfMm(m.right),
              header: twipsOfMm(15),
              footer: twipsOfMm(FOOTER_MM),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH_TWIPS },
        },
        footers: { default: pageNumberFooter("right"), even: pageNumberFooter("left") },
        children: documentParagraphs(source),
      },
    ],
  });
}

/** The document as the bytes of a .docx file. */
export function packDocument(doc: Document): Promise<Uint8Array> {
  return Packer.pack(doc, "uint8array");
}
