/**
 * The core's plans as edits of the package, and the package written with
 * them. What changes, and nothing else:
 * - each tool sheet (the notice sheet, the department sheet): a new
 *   worksheet part with its relationship, content type, `<sheet>` entry and
 *   print area (`_xlnm.Print_Area`); a tool sheet written before (its marker
 *   cell) gets the new content in its own part, in its place;
 * - a tool sheet's charts: a drawing part and a chart part per chart with
 *   their relationships and content types, named so that no part of the
 *   input is touched; those of a tool sheet written before are replaced,
 *   leaving nothing behind (see chart.ts);
 * - styles.xml: the sheets' cell styles and number formats and the
 *   highlight's format, appended (see styles.ts);
 * - the tracking sheet: the tool's conditional-format block, after the
 *   `<sheetData>`, which is copied byte for byte (see highlight.ts).
 * Every other part is copied as it is stored.
 */
import path from "node:path/posix";
import { sameSheetName, sheetNameTaken, type HighlightPlan, type SheetPlan } from "../../core";
import { editHighlight } from "./highlight";
import { chartXml, drawingXml, planCells, rangeFormula } from "./chart";
import { CHART_REL, CONTENT_TYPE, DRAWING_REL, NS, PackageError, parseRelationships, partText, readText, relsPartOf, relType, STYLES_REL, WORKSHEET_REL, type WorkbookPackage } from "./package";
import { toolSheetXml } from "./tool-sheet";
import type { PackageRead, SheetRead } from "./read-grid";
import { EMPTY_STYLESHEET, StyleBook, withPrefix } from "./styles";
import { attr, childNamed, childrenNamed, escapeAttr, escapeXml, prefixFor, prefixOf, rootOf, splice, type XmlElement } from "./xml";
import { ZipWriter, type ZipSink } from "./zip";

/** The parts a run changes or adds. */
export interface PackageEdits {
  /** Parts written whole, by part name: replaced when the package has them, else added (in this order). */
  readonly parts: Map<string, PartText>;
  /** Worksheets whose part after `<sheetData>` changes; the part up to there is copied. */
  readonly tails: Map<string, { readonly headBytes: number; readonly tail: string }>;
  /** Parts left out of the output (the drawings and charts of a tool sheet that is written anew), unless `parts` writes them again. */
  readonly removed?: ReadonlySet<string>;
}

/** A part's new text, or what makes it in pieces as it is written (a large sheet). */
export type PartText = string | (() => Iterable<string>);

const emptyEdits = (): PackageEdits => ({ parts: new Map(), tails: new Map() });

/** The sheet a plan would replace: undefined when the name is free; throws when a sheet of that name is not the tool's (its marker cell). */
function toolSheetToReplace(pkg: WorkbookPackage, read: PackageRead, plan: SheetPlan): SheetRead | undefined {
  const entry = pkg.sheets.find((s) => sameSheetName(s.name, plan.name));
  if (!entry) return undefined;
  const sheet = read.sheets.find((s) => s.entry === entry);
  const { row, col, text } = plan.marker;
  if (!sheet || sheet.grid.values[row]?.[col] !== text) throw sheetNameTaken(plan.name);
  return sheet;
}

/** `'三季度督查通报'!$A$1:$A$57`. */
function printAreaRef(sheetName: string, plan: SheetPlan): string {
  return rangeFormula(sheetName, plan.pageSetup.printArea);
}

/** The directory of the workbook part, with its slash (`xl/`). */
const workbookDir = (pkg: WorkbookPackage) => (path.dirname(pkg.workbookPart) === "." ? "" : path.dirname(pkg.workbookPart) + "/");

/** The first `{dir}{base}N.xml` that the package does not have (or drops) and no other new part takes. */
function freePart(pkg: WorkbookPackage, stem: string, taken: Set<string>, removed: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const part = `${stem}${n}.xml`;
    const key = part.toLowerCase();
    const existing = pkg.zip.get(part);
    if ((!existing || removed.has(existing.name.replace(/^\//, ""))) && !taken.has(key)) {
      taken.add(key);
      return part;
    }
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

/**
 * The parts that hang off a tool sheet the run writes anew: its
 * relationships part, the drawings it names with their relationships, and
 * the charts those name with theirs and what they name (a chart's style and
 * colours, if Excel added them). All of them the tool's.
 */
function partsOfToolSheet(pkg: WorkbookPackage, sheetPart: string): string[] {
  const out: string[] = [];
  const follow = (source: string, depth: number) => {
    const relsEntry = pkg.zip.get(relsPartOf(source));
    if (!relsEntry) return;
    out.push(relsEntry.name.replace(/^\//, ""));
    for (const rel of parseRelationships(readText(pkg.zip, relsEntry), source)) {
      if (rel.external) continue;
      const entry = pkg.zip.get(rel.target);
      if (!entry) continue;
      const part = entry.name.replace(/^\//, "");
      if (depth === 0 && relType(rel.type) !== "drawing") continue;
      if (out.includes(part)) continue;
      out.push(part);
      if (depth < 2) follow(part, depth + 1);
    }
  };
  follow(sheetPart, 0);
  return out;
}

/** One tool sheet's parts and what makes it part of the workbook. */
interface SheetWrite {
  readonly plan: SheetPlan;
  readonly existing: SheetRead | undefined;
  readonly part: string;
}

/**
 * The edits for a job's tool sheets (the notice sheet, the department
 * sheet) and the highlight. A sheet the tool wrote before (its marker cell)
 * gets the new content in its own part, in its place, its old drawings and
 * charts replaced; a sheet of a plan's name that is not the tool's is
 * refused (before anything is written).
 */
export function planEdits(pkg: WorkbookPackage, read: PackageRead, sheets: readonly SheetPlan[], highlight: HighlightPlan): PackageEdits {
  const edits = { ...emptyEdits(), removed: new Set<string>() };
  const existing = sheets.map((plan) => toolSheetToReplace(pkg, read, plan));
  const dir = workbookDir(pkg);
  const takenParts = new Set<string>();

  // What the replaced tool sheets had hanging off them goes (a part written again under its name stays).
  for (const sheet of existing) if (sheet) for (const part of partsOfToolSheet(pkg, sheet.entry.part!)) edits.removed.add(part);

  const stylesXml = pkg.stylesPart === undefined ? EMPTY_STYLESHEET : partText(pkg.zip, pkg.stylesPart)!;
  const styles = new StyleBook(stylesXml);
  const stylesPart = pkg.stylesPart ?? `${dir}styles.xml`;
  takenParts.add(stylesPart.toLowerCase());

  /** New parts with their content types (for [Content_Types].xml). */
  const newParts: [string, string][] = [];
  const writes: SheetWrite[] = sheets.map((plan, i) => {
    const old = existing[i];
    const part = old ? old.entry.part! : freePart(pkg, `${dir}worksheets/sheet`, takenParts, edits.removed);
    if (!old) newParts.push([part, CONTENT_TYPE.worksheet]);
    return { plan, existing: old, part };
  });

  for (const { plan, part } of writes) {
    const charts = plan.charts ?? [];
    const drawingRelId = charts.length > 0 ? "rId1" : undefined;
    edits.parts.set(part, toolSheetXml(plan, styles, drawingRelId));
    if (drawingRelId === undefined) continue;
    const drawing = freePart(pkg, `${dir}drawings/drawing`, takenParts, edits.removed);
    const chartParts = charts.map(() => freePart(pkg, `${dir}charts/chart`, takenParts, edits.removed));
    const cells = planCells(plan);
    edits.parts.set(relsPartOf(part), relationshipsXml([[drawingRelId, DRAWING_REL, relativeTarget(part, drawing)]]));
    const chartRelIds = chartParts.map((_, i) => `rId${i + 1}`);
    edits.parts.set(drawing, drawingXml(charts, chartRelIds));
    edits.parts.set(relsPartOf(drawing), relationshipsXml(chartParts.map((c, i) => [chartRelIds[i]!, CHART_REL, relativeTarget(drawing, c)])));
    newParts.push([drawing, CONTENT_TYPE.drawing]);
    charts.forEach((chart, i) => {
      edits.parts.set(chartParts[i]!, chartXml(plan, chart, cells));
      newParts.push([chartParts[i]!, CONTENT_TYPE.chart]);
    });
  }

  // Styles: the sheets' cell styles and the highlight's format.
  const dxfId = styles.highlightFormat(highlight.fill, highlight.fontColor);
  if (styles.changed || pkg.stylesPart === undefined) edits.parts.set(stylesPart, styles.text());

  // The tracking sheet's conditional format.
  const tracking = read.sheets.find((s) => s.entry.name === highlight.sheet);
  if (tracking) {
    const edit = editHighlight(tracking.tail, highlight.marker, { plan: highlight, dxfId });
    if (edit.tail !== tracking.tail) edits.tails.set(tracking.entry.part!, { headBytes: tracking.headBytes, tail: edit.tail });
  }

  // The new sheets' entries in the workbook, its relationships, and the print areas.
  const workbookEdits: [number, number, string][] = [];
  const root = pkg.workbookRoot;
  const p = prefixOf(root.name);
  const sheetsEl = childNamed(root, "sheets");
  if (!sheetsEl) throw new PackageError("the workbook has no sheets");
  const rels: string[] = [];
  const relIds = new Set<string>();
  const relTarget = (part: string) => escapeAttr(path.relative(path.dirname(pkg.workbookPart), part));
  const r = prefixFor(root, NS.relationships);
  let sheetEntries = "";
  let sheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId));
  let nextIndex = childrenNamed(sheetsEl, "sheet").length;
  const printAreas: { index: number; ref: string }[] = [];
  for (const w of writes) {
    let index: number;
    if (w.existing) index = pkg.sheets.indexOf(w.existing.entry);
    else {
      const relId = freeRelId(pkg, relIds);
      relIds.add(relId);
      const relAttr = r ? `${r}:id="${relId}"` : `r:id="${relId}" xmlns:r="${NS.relationships}"`;
      sheetEntries += `<${p}sheet name="${escapeAttr(w.plan.name)}" sheetId="${++sheetId}" ${relAttr}/>`;
      rels.push(`<Relationship Id="${relId}" Type="${WORKSHEET_REL}" Target="${relTarget(w.part)}"/>`);
      index = nextIndex++;
    }
    printAreas.push({ index, ref: escapeXml(printAreaRef(w.existing ? w.existing.entry.name : w.plan.name, w.plan)) });
  }
  if (sheetEntries !== "") workbookEdits.push(appendChild(pkg.workbookXml, sheetsEl, sheetEntries));
  if (pkg.stylesPart === undefined) {
    rels.push(`<Relationship Id="${freeRelId(pkg, relIds)}" Type="${STYLES_REL}" Target="${relTarget(stylesPart)}"/>`);
    newParts.push([stylesPart, CONTENT_TYPE.styles]);
  }
  if (rels.length > 0) edits.parts.set(pkg.workbookRelsPart, addRelationships(pkg.workbookRelsXml, rels));
  const types = editContentTypes(pkg, edits.removed, newParts);
  if (types !== pkg.contentTypes) edits.parts.set(pkg.contentTypesPart, types);

  // The print areas: replaced where the sheet has one, else added.
  const namesEl = childNamed(root, "definedNames");
  const definedNames = namesEl ? childrenNamed(namesEl, "definedName") : [];
  let addedNames = "";
  for (const { index, ref } of printAreas) {
    const printArea = definedNames.find((d) => attr(d.attributes, "name") === "_xlnm.Print_Area" && Number(attr(d.attributes, "localSheetId")) === index);
    if (printArea) {
      if (pkg.workbookXml.slice(printArea.openEnd, printArea.closeStart) !== ref) workbookEdits.push([printArea.openEnd, printArea.closeStart, ref]);
    } else addedNames += `<${p}definedName name="_xlnm.Print_Area" localSheetId="${index}">${ref}</${p}definedName>`;
  }
  if (addedNames !== "") {
    if (namesEl) workbookEdits.push(appendChild(pkg.workbookXml, namesEl, addedNames));
    else {
      // After <sheets>, <functionGroups> or <externalReferences>, whichever comes last.
      const before = root.children.filter((c) => ["sheets", "functionGroups", "externalReferences"].includes(c.local)).at(-1)!;
      workbookEdits.push([before.end, before.end, `<${p}definedNames>${addedNames}</${p}definedNames>`]);
    }
  }
  if (workbookEdits.length > 0) edits.parts.set(pkg.workbookPart, splice(pkg.workbookXml, workbookEdits));
  return edits;
}

/** A target relative to its source part's folder (`../drawings/drawing2.xml`). */
const relativeTarget = (source: string, target: string) => path.relative(path.dirname(source), target);

function relationshipsXml(rels: readonly (readonly [string, string, string])[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRelationships}">` +
    rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`).join("") +
    "</Relationships>"
  );
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

/**
 * [Content_Types].xml with the overrides of dropped parts taken out and
 * those of new parts added (a part dropped and written again keeps its
 * override where it is).
 */
function editContentTypes(pkg: WorkbookPackage, removed: ReadonlySet<string>, added: readonly (readonly [string, string])[]): string {
  const xml = workbookContentTypes(pkg);
  const root = rootOf(xml);
  const p = prefixOf(root.name);
  const name = (part: string) => "/" + part.toLowerCase();
  const want = new Map(added.map(([part, type]) => [name(part), type]));
  const gone = new Set([...removed].map(name));
  const spliced: [number, number, string][] = [];
  for (const o of childrenNamed(root, "Override")) {
    const partName = attr(o.attributes, "PartName")?.toLowerCase() ?? "";
    const type = want.get(partName);
    if (type !== undefined && attr(o.attributes, "ContentType") === type) want.delete(partName);
    else if (gone.has(partName) || type !== undefined) spliced.push([o.start, o.end, ""]);
  }
  const byName = new Map(added.map(([part, type]) => [name(part), [part, type] as const]));
  const overrides = [...want.keys()].map((n) => {
    const [part, type] = byName.get(n)!;
    return withPrefix(`<Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>`, p);
  });
  if (overrides.length > 0) spliced.push(appendChild(xml, root, overrides.join("")));
  return spliced.length > 0 ? splice(xml, spliced) : xml;
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
    if (whole === undefined && edits.removed?.has(part)) continue;
    if (whole !== undefined) await writer.addText(entry.nameBytes, whole, entry);
    else if (tail !== undefined) await writer.addStream(entry.nameBytes, headThenTail(pkg, part, tail.headBytes, tail.tail), entry);
    else await writer.copy(pkg.zip, entry);
    done.add(part);
  }
  for (const [part, xml] of edits.parts) if (!done.has(part)) await writer.addText(part, xml);
  await writer.finish(pkg.zip.comment);
}
