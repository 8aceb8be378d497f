/**
 * The core's plans as edits of the package, and the package written with
 * them. What changes, and nothing else:
 * - the notice sheet: a new worksheet part with its relationship, content
 *   type, `<sheet>` entry and print area (`_xlnm.Print_Area`); a notice sheet
 *   the tool wrote before (its marker cell) gets the new content in its own
 *   part, in its place;
 * - styles.xml: the notice's cell styles and the highlight's format,
 *   appended (see styles.ts);
 * - the tracking sheet: the tool's conditional-format block, after the
 *   `<sheetData>`, which is copied byte for byte (see highlight.ts).
 * Every other part is copied as it is stored.
 */
import path from "node:path/posix";
import { columnLetter, sheetNameTaken, type HighlightPlan, type SheetPlan } from "../../core";
import { editHighlight } from "./highlight";
import { noticeSheetXml } from "./notice-sheet";
import { CONTENT_TYPE, NS, PackageError, partText, STYLES_REL, WORKSHEET_REL, type WorkbookPackage } from "./package";
import type { PackageRead, SheetRead } from "./read-grid";
import { EMPTY_STYLESHEET, StyleBook, withPrefix } from "./styles";
import { attr, childNamed, childrenNamed, escapeAttr, escapeXml, prefixFor, prefixOf, rootOf, splice, type XmlElement } from "./xml";
import { ZipWriter, type ZipSink } from "./zip";

/** The parts a run changes or adds. */
export interface PackageEdits {
  /** Parts written whole, by part name: replaced when the package has them, else added (in this order). */
  readonly parts: Map<string, string>;
  /** Worksheets whose part after `<sheetData>` changes; the part up to there is copied. */
  readonly tails: Map<string, { readonly headBytes: number; readonly tail: string }>;
}

const emptyEdits = (): PackageEdits => ({ parts: new Map(), tails: new Map() });

/** Excel compares sheet names without regard to case. */
const sameName = (a: string, b: string) => a.toLocaleUpperCase() === b.toLocaleUpperCase();

/** The sheet a plan would replace: undefined when the name is free; throws when a sheet of that name is not the tool's. */
export function noticeSheetToReplace(pkg: WorkbookPackage, read: PackageRead, plan: SheetPlan): SheetRead | undefined {
  const entry = pkg.sheets.find((s) => sameName(s.name, plan.name));
  if (!entry) return undefined;
  const sheet = read.sheets.find((s) => s.entry === entry);
  const { row, col, text } = plan.marker;
  if (!sheet || sheet.grid.values[row]?.[col] !== text) throw sheetNameTaken(plan.name);
  return sheet;
}

/** `'三季度督查通报'!$A$1:$A$57`. */
function printAreaRef(sheetName: string, plan: SheetPlan): string {
  const a = plan.pageSetup.printArea;
  const cell = (r: number, c: number) => `$${columnLetter(c)}$${r + 1}`;
  return `'${sheetName.replace(/'/g, "''")}'!${cell(a.row, a.col)}:${cell(a.row + a.rowCount - 1, a.col + a.colCount - 1)}`;
}


/** The first `worksheets/sheetN.xml` beside the workbook part that the package does not have. */
function freeSheetPart(pkg: WorkbookPackage, taken: ReadonlySet<string>): string {
  const dir = path.dirname(pkg.workbookPart);
  for (let n = 1; ; n++) {
    const part = `${dir === "." ? "" : dir + "/"}worksheets/sheet${n}.xml`;
    if (!pkg.zip.get(part) && !taken.has(part.toLowerCase())) return part;
  }
}

/** A relationship id no relationship of the workbook has. */
function freeRelId(pkg: WorkbookPackage, taken: ReadonlySet<string>): string {
  const used = new Set([...pkg.workbookRels.map((r) => r.id), ...taken]);
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Inserts `xml` before an element's end tag (opening a self-closing one). */
function appendChild(text: string, el: XmlElement, xml: string): [number, number, string] {
  if (el.openEnd === el.end && text.charCodeAt(el.openEnd - 2) === 47) {
    return [el.start, el.end, `<${el.name}${el.attributes.replace(/\s+$/, "")}>${xml}</${el.name}>`];
  }
  return [el.closeStart, el.closeStart, xml];
}

/** The edits for the notice sheet and the highlight of a job. */
export function planEdits(pkg: WorkbookPackage, read: PackageRead, notice: SheetPlan, highlight: HighlightPlan): PackageEdits {
  const edits = emptyEdits();
  const existing = noticeSheetToReplace(pkg, read, notice);

  // Styles: the notice's cell styles and the highlight's format.
  const stylesXml = pkg.stylesPart === undefined ? EMPTY_STYLESHEET : partText(pkg.zip, pkg.stylesPart)!;
  const styles = new StyleBook(stylesXml);
  const sheetXml = noticeSheetXml(notice, (style) => styles.cellStyle(style), styles.textStyle());
  const dxfId = styles.highlightFormat(highlight.fill, highlight.fontColor);
  const stylesPart = pkg.stylesPart ?? `${path.dirname(pkg.workbookPart) === "." ? "" : path.dirname(pkg.workbookPart) + "/"}styles.xml`;
  if (styles.changed || pkg.stylesPart === undefined) edits.parts.set(stylesPart, styles.text());

  // The tracking sheet's conditional format.
  const tracking = read.sheets.find((s) => s.entry.name === highlight.sheet);
  if (tracking) {
    const edit = editHighlight(tracking.tail, highlight.marker, { plan: highlight, dxfId });
    if (edit.tail !== tracking.tail) edits.tails.set(tracking.entry.part!, { headBytes: tracking.headBytes, tail: edit.tail });
  }

  // The notice sheet's part, and what makes it part of the workbook.
  const workbookEdits: [number, number, string][] = [];
  const root = pkg.workbookRoot;
  const p = prefixOf(root.name);
  const sheetsEl = childNamed(root, "sheets");
  if (!sheetsEl) throw new PackageError("the workbook has no sheets");
  const rels: string[] = [];
  const overrides: string[] = [];
  const relTarget = (part: string) => escapeAttr(path.relative(path.dirname(pkg.workbookPart), part));
  let sheetIndex: number;
  if (existing) {
    sheetIndex = pkg.sheets.indexOf(existing.entry);
    edits.parts.set(existing.entry.part!, sheetXml);
  } else {
    const part = freeSheetPart(pkg, new Set([stylesPart.toLowerCase()]));
    const relId = freeRelId(pkg, new Set());
    const sheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId)) + 1;
    const r = prefixFor(root, NS.relationships);
    const relAttr = r ? `${r}:id="${relId}"` : `r:id="${relId}" xmlns:r="${NS.relationships}"`;
    workbookEdits.push(appendChild(pkg.workbookXml, sheetsEl, `<${p}sheet name="${escapeAttr(notice.name)}" sheetId="${sheetId}" ${relAttr}/>`));
    sheetIndex = childrenNamed(sheetsEl, "sheet").length;
    edits.parts.set(part, sheetXml);
    rels.push(`<Relationship Id="${relId}" Type="${WORKSHEET_REL}" Target="${relTarget(part)}"/>`);
    overrides.push(`<Override PartName="/${escapeAttr(part)}" ContentType="${CONTENT_TYPE.worksheet}"/>`);
  }
  if (pkg.stylesPart === undefined) {
    rels.push(`<Relationship Id="${freeRelId(pkg, new Set(rels.map((x) => /Id="([^"]*)"/.exec(x)![1]!)))}" Type="${STYLES_REL}" Target="${relTarget(stylesPart)}"/>`);
    overrides.push(`<Override PartName="/${escapeAttr(stylesPart)}" ContentType="${CONTENT_TYPE.styles}"/>`);
  }
  if (rels.length > 0) edits.parts.set(pkg.workbookRelsPart, addRelationships(pkg.workbookRelsXml, rels));
  let types = workbookContentTypes(pkg);
  if (overrides.length > 0) types = addOverrides(types, overrides);
  if (types !== pkg.contentTypes) edits.parts.set(pkg.contentTypesPart, types);

  // The print area: replaced when the sheet has one, else added.
  const ref = escapeXml(printAreaRef(existing ? existing.entry.name : notice.name, notice));
  const namesEl = childNamed(root, "definedNames");
  const printArea = namesEl
    ? childrenNamed(namesEl, "definedName").find((d) => attr(d.attributes, "name") === "_xlnm.Print_Area" && Number(attr(d.attributes, "localSheetId")) === sheetIndex)
    : undefined;
  const definedName = `<${p}definedName name="_xlnm.Print_Area" localSheetId="${sheetIndex}">${ref}</${p}definedName>`;
  if (printArea) {
    if (pkg.workbookXml.slice(printArea.openEnd, printArea.closeStart) !== ref) workbookEdits.push([printArea.openEnd, printArea.closeStart, ref]);
  } else if (namesEl) workbookEdits.push(appendChild(pkg.workbookXml, namesEl, definedName));
  else {
    // After <sheets>, <functionGroups> or <externalReferences>, whichever comes last.
    const before = root.children.filter((c) => ["sheets", "functionGroups", "externalReferences"].includes(c.local)).at(-1)!;
    workbookEdits.push([before.end, before.end, `<${p}definedNames>${definedName}</${p}definedNames>`]);
  }
  if (workbookEdits.length > 0) edits.parts.set(pkg.workbookPart, splice(pkg.workbookXml, workbookEdits));
  return edits;
}

/** The edits that take the tool's conditional formats out of every worksheet, and how many blocks went. */
export function clearEdits(read: PackageRead, marker: string): { edits: PackageEdits; removed: number } {
  const edits = emptyEdits();
  let removed = 0;
  for (const sheet of read.sheets) {
    if (!sheet.tail.includes(marker)) continue;
    const edit = editHighlight(sheet.tail, marker);
    removed += edit.removed;
    if (edit.removed > 0) edits.tails.set(sheet.entry.part!, { headBytes: sheet.headBytes, tail: edit.tail });
  }
  return { edits, removed };
}

/** The workbook content type the output declares: a template becomes a workbook (with its macros, if any). */
function workbookMainType(pkg: WorkbookPackage): string {
  return pkg.macros ? CONTENT_TYPE.macroWorkbook : CONTENT_TYPE.workbook;
}

/** [Content_Types].xml with a template's main content type turned into a workbook's; unchanged otherwise. */
function workbookContentTypes(pkg: WorkbookPackage): string {
  const t = pkg.mainContentType;
  if (t !== CONTENT_TYPE.template.toLowerCase() && t !== CONTENT_TYPE.macroTemplate.toLowerCase()) return pkg.contentTypes;
  const root = rootOf(pkg.contentTypes);
  const name = "/" + pkg.workbookPart.toLowerCase();
  const override = childrenNamed(root, "Override").find((o) => attr(o.attributes, "PartName")?.toLowerCase() === name);
  if (!override) return pkg.contentTypes;
  const tag = pkg.contentTypes.slice(override.start, override.openEnd);
  const changed = tag.replace(/(ContentType\s*=\s*)(["'])[^"']*\2/, `$1"${workbookMainType(pkg)}"`);
  return pkg.contentTypes.slice(0, override.start) + changed + pkg.contentTypes.slice(override.openEnd);
}

function addOverrides(contentTypes: string, overrides: readonly string[]): string {
  const root = rootOf(contentTypes);
  const p = prefixOf(root.name);
  return splice(contentTypes, [appendChild(contentTypes, root, overrides.map((o) => withPrefix(o, p)).join(""))]);
}

function addRelationships(relsXml: string | undefined, rels: readonly string[]): string {
  const xml = relsXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRelationships}"></Relationships>`;
  const root = rootOf(xml);
  const p = prefixOf(root.name);
  return splice(xml, [appendChild(xml, root, rels.map((r) => withPrefix(r, p)).join(""))]);
}

/** The part up to `<sheetData>`'s end as stored, then the new tail. */
async function* headThenTail(pkg: WorkbookPackage, part: string, headBytes: number, tail: string): AsyncGenerator<Buffer> {
  let left = headBytes;
  if (left > 0) {
    for await (const chunk of pkg.zip.stream(pkg.zip.get(part)!)) {
      if (chunk.length >= left) {
        yield chunk.subarray(0, left);
        left = 0;
        break;
      }
      left -= chunk.length;
      yield chunk;
    }
  }
  yield Buffer.from(tail, "utf8");
}

/**
 * Writes the package with the edits to `out`:
 * entries in their order, unchanged ones copied as stored, new ones last.
 */
export async function writePackage(pkg: WorkbookPackage, edits: PackageEdits, out: ZipSink): Promise<void> {
  const writer = new ZipWriter(out);
  const done = new Set<string>();
  for (const entry of pkg.zip.entries) {
    const part = entry.name.replace(/^\//, "");
    const whole = edits.parts.get(part);
    const tail = edits.tails.get(part);
    if (whole !== undefined) await writer.add(entry.nameBytes, Buffer.from(whole, "utf8"), entry);
    else if (tail !== undefined) await writer.addStream(entry.nameBytes, headThenTail(pkg, part, tail.headBytes, tail.tail), entry);
    else await writer.copy(pkg.zip, entry);
    done.add(part);
  }
  for (const [part, xml] of edits.parts) if (!done.has(part)) await writer.add(part, Buffer.from(xml, "utf8"));
  await writer.finish(pkg.zip.comment);
}
