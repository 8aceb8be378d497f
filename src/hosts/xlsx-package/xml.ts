/**
 * Just enough XML for editing Office parts in place: a scanner that finds
 * elements by their local name and knows where each starts and ends in the
 * text (so an edit can splice the original text and leave every other byte
 * as it was), attributes, and the escaping of text and attributes,
 * including SpreadsheetML's `_xHHHH_` escapes.
 *
 * Not a validating parser: it trusts well-formed input, as the parts of a
 * package Excel wrote are, and throws XmlError only where a tag does not end.
 */

export class XmlError extends Error {
  override name = "XmlError";
}

/** One element of a document, with its place in the text. */
export interface XmlElement {
  /** The qualified name as written, e.g. `x:sheet`. */
  readonly name: string;
  /** Without the prefix, e.g. `sheet`. */
  readonly local: string;
  /** Where `<name` starts. */
  readonly start: number;
  /** Just after the start tag's `>`. */
  readonly openEnd: number;
  /** Where the end tag `</name>` starts (= openEnd for `<name/>`). */
  readonly closeStart: number;
  /** Just after the end tag (= openEnd for `<name/>`). */
  readonly end: number;
  /** The start tag's attributes, as written. */
  readonly attributes: string;
  readonly children: XmlElement[];
}

/** Where a tag that starts at `lt` ends: the index of its `>`, skipping quoted attribute values; -1 when it does not end in `text`. */
export function tagEnd(text: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

/** The end of a comment, CDATA section, processing instruction or declaration that starts at `lt`; -1 when it does not end in `text`. */
export function specialEnd(text: string, lt: number): number {
  if (text.startsWith("<!--", lt)) {
    const i = text.indexOf("-->", lt + 4);
    return i < 0 ? -1 : i + 3;
  }
  if (text.startsWith("<![CDATA[", lt)) {
    const i = text.indexOf("]]>", lt + 9);
    return i < 0 ? -1 : i + 3;
  }
  if (text.charCodeAt(lt + 1) === 63 /* ? */) {
    const i = text.indexOf("?>", lt + 2);
    return i < 0 ? -1 : i + 2;
  }
  const i = tagEnd(text, lt);
  return i < 0 ? -1 : i + 1;
}

const isNameEnd = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;

/** The element name of a start or end tag whose name starts at `from`. */
export function nameAt(text: string, from: number): string {
  let i = from;
  while (i < text.length && !isNameEnd(text.charCodeAt(i))) i++;
  return text.slice(from, i);
}

export const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/**
 * The element tree of a document (or of `text.slice(from, to)`): elements
 * only, text and comments skipped. Throws XmlError on a tag that does not
 * end or an end tag that closes nothing.
 */
export function parseXml(text: string, from = 0, to = text.length): XmlElement[] {
  const roots: XmlElement[] = [];
  const stack: { el: XmlElement; children: XmlElement[] }[] = [];
  let i = from;
  for (;;) {
    const lt = text.indexOf("<", i);
    if (lt < 0 || lt >= to) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const e = specialEnd(text, lt);
      if (e < 0) throw new XmlError("unterminated markup");
      i = e;
      continue;
    }
    const gt = tagEnd(text, lt);
    if (gt < 0 || gt >= to) throw new XmlError("unterminated tag");
    if (next === 47 /* / */) {
      const name = nameAt(text, lt + 2);
      const open = stack.pop();
      if (!open || open.el.name !== name) throw new XmlError(`unexpected </${name}>`);
      const el = open.el as { closeStart: number; end: number };
      el.closeStart = lt;
      el.end = gt + 1;
      i = gt + 1;
      continue;
    }
    const name = nameAt(text, lt + 1);
    if (name === "") throw new XmlError("empty tag name");
    const selfClosing = text.charCodeAt(gt - 1) === 47;
    const attributes = text.slice(lt + 1 + name.length, selfClosing ? gt - 1 : gt);
    const el: XmlElement = { name, local: localName(name), start: lt, openEnd: gt + 1, closeStart: gt + 1, end: gt + 1, attributes, children: [] };
    (stack.length > 0 ? stack[stack.length - 1]!.el.children : roots).push(el);
    if (!selfClosing) stack.push({ el, children: el.children });
    i = gt + 1;
  }
  if (stack.length > 0) throw new XmlError(`<${stack[stack.length - 1]!.el.name}> is not closed`);
  return roots;
}

/** The root element of a part, or XmlError. */
export function rootOf(text: string): XmlElement {
  const roots = parseXml(text);
  if (roots.length !== 1) throw new XmlError("not one root element");
  return roots[0]!;
}

export const childrenNamed = (el: XmlElement, local: string) => el.children.filter((c) => c.local === local);
export const childNamed = (el: XmlElement, local: string) => el.children.find((c) => c.local === local);

/**
 * An attribute's value (entities decoded) by its qualified name, or by its
 * local name when `name` has no prefix and no unprefixed attribute matches
 * (`r:id` is found as `id` only when asked for `id`). Undefined when absent.
 */
export function attr(attributes: string, name: string): string | undefined {
  let i = 0;
  const n = attributes.length;
  while (i < n) {
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < n && attributes.charCodeAt(i) !== 61 /* = */ && !isSpace(attributes.charCodeAt(i))) i++;
    const key = attributes.slice(nameStart, i);
    while (i < n && attributes.charCodeAt(i) !== 61) i++;
    i++;
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    const quote = attributes.charCodeAt(i);
    if (quote !== 34 && quote !== 39) return undefined;
    const close = attributes.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0) return undefined;
    if (key === name) return decodeEntities(attributes.slice(i + 1, close));
    i = close + 1;
  }
  return undefined;
}

/** Every attribute as [qualified name, decoded value]. */
export function attrs(attributes: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (const m of attributes.matchAll(re)) out.push([m[1]!, decodeEntities(m[2] ?? m[3] ?? "")]);
  return out;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML character and entity references; line ends normalised as an XML parser does. */
export function decodeEntities(text: string): string {
  let s = text;
  if (s.includes("\r")) s = s.replace(/\r\n?/g, "\n");
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35) {
      const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** SpreadsheetML text (ST_Xstring): entities, then `_xHHHH_` escapes (`_x005F_` is the underscore). */
export function decodeText(text: string): string {
  const s = decodeEntities(text);
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text content: `& < >` escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** An attribute value in double quotes: `& < > "` escaped, and the white space an attribute would lose. */
export function escapeAttr(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" })[c]!);
}

/**
 * Cell text as SpreadsheetML stores it (ST_Xstring): XML-escaped; characters
 * XML cannot carry (control characters but tab and line feed, U+FFFE/FFFF)
 * and the carriage return as `_xHHHH_`, as Excel writes them; an `_xHHHH_`
 * already in the text gets its underscore escaped so it reads back as typed;
 * a lone surrogate becomes U+FFFD.
 */
export function escapeCellText(text: string): string {
  // Most text needs nothing of it.
  if (!/[&<>_\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff]/.test(text)) return text;
  let s = text;
  if (s.includes("_x")) s = s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_");
  s = s.replace(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  s = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
  return escapeXml(s);
}

/** The namespace prefix (with its colon) of a qualified name: `x:sheet` → `x:`, `sheet` → ``. */
export const prefixOf = (name: string) => name.slice(0, name.indexOf(":") + 1);

/** The prefix a root element binds to a namespace URI (`xmlns:r="…"` → `r`), `""` for the default namespace, undefined when unbound. */
export function prefixFor(root: XmlElement, uri: string): string | undefined {
  for (const [key, value] of attrs(root.attributes)) {
    if (value !== uri) continue;
    if (key === "xmlns") return "";
    if (key.startsWith("xmlns:")) return key.slice(6);
  }
  return undefined;
}

/** Replaces spans of a text: `[start, end, replacement]`, in any order, not overlapping. */
export function splice(text: string, edits: readonly (readonly [number, number, string])[]): string {
  const sorted = [...edits].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let out = "";
  let at = 0;
  for (const [start, end, replacement] of sorted) {
    if (start < at) throw new Error("overlapping edits");
    out += text.slice(at, start) + replacement;
    at = end;
  }
  return out + text.slice(at);
}
