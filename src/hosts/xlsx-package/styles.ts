/**
 * `styles.xml`: the number format of every cell style (to show numbers as
 * Excel does), and the styles the tool's own sheet and highlight need,
 * appended at the end of their lists so that every style index the
 * workbook already uses keeps its meaning. An entry that is already there,
 * written the same (by an earlier run), is used again instead of added.
 */
import type { CellStyle } from "../../core";
import { attr, childNamed, childrenNamed, escapeAttr, prefixOf, rootOf, splice, type XmlElement } from "./xml";

/**
 * Excel's built-in number formats by id, as Chinese (zh-CN) Excel shows
 * them; 14 and 22 as ExcelJS and the Office.js double give them (the core
 * reads both as the system short date).
 */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  41: '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ',
  42: '_ "¥"* #,##0_ ;_ "¥"* \\-#,##0_ ;_ "¥"* "-"_ ;_ @_ ',
  43: '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
  44: '_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The number format of each cell style (`s` of a cell), by index; undefined for General. */
export function cellFormats(stylesXml: string | undefined): (string | undefined)[] {
  if (stylesXml === undefined) return [];
  const root = rootOf(stylesXml);
  const custom = new Map<number, string>();
  const numFmts = childNamed(root, "numFmts");
  for (const f of numFmts ? childrenNamed(numFmts, "numFmt") : []) {
    const id = Number(attr(f.attributes, "numFmtId"));
    const code = attr(f.attributes, "formatCode");
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const cellXfs = childNamed(root, "cellXfs");
  return (cellXfs ? childrenNamed(cellXfs, "xf") : []).map((xf) => {
    const id = Number(attr(xf.attributes, "numFmtId") ?? 0);
    const code = custom.get(id) ?? BUILT_IN_FORMATS[id];
    return code === undefined || code === "General" ? undefined : code;
  });
}

/** Built-in formats that read the same in every locale, so a plan's format can use them. */
const LOCALE_FREE_BUILT_INS = [1, 2, 3, 4, 9, 10, 11, 49] as const;

/** Whether a format shows dates or times (as ExcelJS decides it, for the 1904 date system). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhs]/i.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Gives `<b/>` and `</x>`-style markup the document's prefix. */
export function withPrefix(xml: string, prefix: string): string {
  return prefix === "" ? xml : xml.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${prefix}`);
}

/** The lists of styles.xml in the order the schema wants them. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type ListName = "numFmts" | "fonts" | "fills" | "borders" | "cellStyleXfs" | "cellXfs" | "dxfs";

/** What a list must start with when the tool has to create it (the entries index 0, and fill 1, stand for). */
const LIST_DEFAULTS: Readonly<Record<ListName, string[]>> = {
  numFmts: [],
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
  dxfs: [],
};
const ITEM: Readonly<Record<ListName, string>> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellStyleXfs: "xf", cellXfs: "xf", dxfs: "dxf" };

export const EMPTY_STYLESHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>`;

const argb = (hex: string) => "FF" + hex.replace(/^#/, "").toUpperCase();
/** Numbers as short as they are exact. */
const num = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** A plan's border: the same line on the four edges of each cell. */
const edges = (line: string) => `<left ${line}</left><right ${line}</right><top ${line}</top><bottom ${line}</bottom><diagonal/>`;
const BORDERS: Readonly<Record<NonNullable<CellStyle["border"]>, string>> = {
  thin: `<border>${edges('style="thin"><color rgb="FF000000"/>')}</border>`,
};

const HORIZONTAL = { left: "left", center: "center", right: "right", justify: "justify" } as const;
const VERTICAL = { top: "top", center: "center", bottom: "bottom" } as const;

/** styles.xml with entries appended; `text()` gives the edited part. */
export class StyleBook {
  private readonly root: XmlElement;
  private readonly prefix: string;
  private readonly lists = new Map<ListName, { el: XmlElement | undefined; existing: string[]; added: string[] }>();

  constructor(private readonly xml: string) {
    this.root = rootOf(xml);
    this.prefix = prefixOf(this.root.name);
    for (const name of Object.keys(ITEM) as ListName[]) {
      const el = childNamed(this.root, name);
      const existing = el ? childrenNamed(el, ITEM[name]).map((c) => xml.slice(c.start, c.end)) : [];
      this.lists.set(name, { el, existing, added: el ? [] : LIST_DEFAULTS[name].map((x) => withPrefix(x, this.prefix)) });
    }
    // An existing list too short for the entries the tool's styles refer to (font 0, fills 0 and 1, border 0, style 0).
    for (const name of ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"] as const) {
      const list = this.lists.get(name)!;
      const defaults = LIST_DEFAULTS[name];
      for (let i = list.existing.length + list.added.length; i < defaults.length; i++) list.added.push(withPrefix(defaults[i]!, this.prefix));
    }
  }

  /** The index of an entry written exactly so, added when not there yet. */
  private entry(name: ListName, xml: string): number {
    const list = this.lists.get(name)!;
    const item = withPrefix(xml, this.prefix);
    const found = list.existing.indexOf(item);
    if (found >= 0) return found;
    const added = list.added.indexOf(item);
    if (added >= 0) return list.existing.length + added;
    list.added.push(item);
    return list.existing.length + list.added.length - 1;
  }

  /** A cell style for the plan's style, with the text number format `@` (49). */
  cellStyle(style: CellStyle): number {
    return this.styleWith(style, 49);
  }

  /** A cell style for the plan's style with a number format (a built-in one where Excel has it, else one of the workbook's own). */
  numberStyle(style: CellStyle, numberFormat: string): number {
    return this.styleWith(style, this.numberFormatId(numberFormat));
  }

  /** The id of a number format: built in (locale-independent ones only), or a custom format of the workbook, added when it has none written so. */
  private numberFormatId(code: string): number {
    const builtIn = LOCALE_FREE_BUILT_INS.find((id) => BUILT_IN_FORMATS[id] === code);
    if (builtIn !== undefined) return builtIn;
    const list = this.lists.get("numFmts")!;
    const all = [...list.existing, ...list.added];
    const idOf = (xml: string) => Number(attr(rootOf(xml).attributes, "numFmtId"));
    for (const xml of all) if (attr(rootOf(xml).attributes, "formatCode") === code) return idOf(xml);
    const id = Math.max(163, ...all.map(idOf).filter(Number.isFinite)) + 1;
    this.entry("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private styleWith(style: CellStyle, numFmtId: number): number {
    const f = style.font;
    const font = this.entry(
      "fonts",
      `<font>${f.bold ? "<b/>" : ""}<sz val="${num(f.size)}"/>${f.color ? `<color rgb="${argb(f.color)}"/>` : ""}<name val="${escapeAttr(f.name)}"/></font>`,
    );
    const fill = style.fill ? this.entry("fills", `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const border = style.border ? this.entry("borders", BORDERS[style.border]) : 0;
    const alignment =
      `<alignment horizontal="${HORIZONTAL[style.horizontal]}" vertical="${VERTICAL[style.vertical]}"` +
      `${style.wrap ? ' wrapText="1"' : ""}${style.indent ? ` indent="${style.indent}"` : ""}/>`;
    return this.entry(
      "cellXfs",
      `<xf numFmtId="${numFmtId}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyNumberFormat="1" applyFont="1"${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""} applyAlignment="1">${alignment}</xf>`,
    );
  }

  /** The default cell style with the text number format `@` (the marker cell). */
  textStyle(): number {
    return this.entry("cellXfs", '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
  }

  /** A differential format (for a conditional format): font colour and fill. */
  highlightFormat(fill: string, fontColor: string): number {
    return this.entry("dxfs", `<dxf><font><color rgb="${argb(fontColor)}"/></font><fill><patternFill><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`);
  }

  /** Whether anything was added. */
  get changed(): boolean {
    return [...this.lists.values()].some((l) => l.added.length > 0);
  }

  /** The edited styles.xml: each list with its new entries at the end and its count, missing lists where the schema puts them. */
  text(): string {
    const edits: [number, number, string][] = [];
    const missing: Map<number, string> = new Map();
    for (const [name, list] of this.lists) {
      if (list.added.length === 0) continue;
      const count = list.existing.length + list.added.length;
      const body = list.added.join("");
      const el = list.el;
      if (el === undefined) {
        const at = this.insertionPoint(name);
        missing.set(at, (missing.get(at) ?? "") + `<${this.prefix}${name} count="${count}">${body}</${this.prefix}${name}>`);
      } else if (el.openEnd === el.end && this.xml.charCodeAt(el.openEnd - 2) === 47) {
        edits.push([el.start, el.end, `<${el.name}${withCount(el.attributes, count)}>${body}</${el.name}>`]);
      } else {
        edits.push([el.start, el.openEnd, `<${el.name}${withCount(el.attributes, count)}>`]);
        edits.push([el.closeStart, el.closeStart, body]);
      }
    }
    for (const [at, text] of missing) edits.push([at, at, text]);
    return splice(this.xml, edits);
  }

  /** Before the first list the schema puts after `name`, else before the end tag. */
  private insertionPoint(name: ListName): number {
    const after = ORDER.slice(ORDER.indexOf(name) + 1) as readonly string[];
    const next = this.root.children.find((c) => after.includes(c.local));
    return next ? next.start : this.root.closeStart;
  }
}

/** A start tag's attributes with `count` set (added when absent). */
function withCount(attributes: string, count: number): string {
  const trimmed = attributes.replace(/\s+$/, "");
  if (/(^|\s)count\s*=\s*["'][^"']*["']/.test(trimmed)) return trimmed.replace(/(^|\s)count\s*=\s*["'][^"']*["']/, `$1count="${count}"`);
  return `${trimmed} count="${count}"`;
}
