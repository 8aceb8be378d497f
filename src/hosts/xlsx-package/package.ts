/**
 * A workbook package as the command line opens it: the ZIP container, the
 * content types, the workbook part with its sheet list and relationships,
 * and where the shared strings and styles are. Nothing of the sheets is read
 * here (see read-grid.ts).
 */
import path from "node:path/posix";
import { ZipReader, type ZipEntry } from "./zip";
import { attr, childNamed, childrenNamed, decodeEntities, rootOf, type XmlElement } from "./xml";

/** A package whose structure is not a workbook's (no workbook part, a part that is not what it should be). */
export class PackageError extends Error {
  override name = "PackageError";
}

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRelationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
/** Relationship types by their last word; the strict (ISO) ones end the same way. */
export const relType = (type: string) => type.slice(type.lastIndexOf("/") + 1);

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  template: "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  macroTemplate: "application/vnd.ms-excel.template.macroEnabled.main+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;
export const WORKSHEET_REL = `${REL}worksheet`;
export const STYLES_REL = `${REL}styles`;
export const DRAWING_REL = `${REL}drawing`;
export const CHART_REL = `${REL}chart`;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part's name (no leading slash), or the raw target when external. */
  readonly target: string;
  readonly external: boolean;
}

/** One `<sheet>` of the workbook: worksheets, chart sheets and the rest. */
export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** The part, when the relationship names one in the package. */
  readonly part: string | undefined;
  readonly kind: "worksheet" | "chartsheet" | "other";
}

export interface WorkbookPackage {
  readonly zip: ZipReader;
  readonly contentTypesPart: string;
  readonly contentTypes: string;
  readonly workbookPart: string;
  readonly workbookXml: string;
  readonly workbookRoot: XmlElement;
  readonly workbookRelsPart: string;
  readonly workbookRelsXml: string | undefined;
  readonly workbookRels: readonly Relationship[];
  readonly sheets: readonly SheetEntry[];
  readonly sharedStringsPart: string | undefined;
  readonly stylesPart: string | undefined;
  /** Excel's 1904 date system (old Mac workbooks). */
  readonly date1904: boolean;
  /** The workbook part's declared content type, lower-cased. */
  readonly mainContentType: string;
  /** Whether the package is macro-enabled (and so must be written as .xlsm). */
  readonly macros: boolean;
}

/** `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
export function relsPartOf(part: string): string {
  const dir = path.dirname(part);
  return `${dir === "." ? "" : dir + "/"}_rels/${path.basename(part)}.rels`;
}

/** A relationship target resolved against its source part, as a part name without a leading slash. */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(t);
  } catch {
    // a stray % stays as written
  }
  const resolved = t.startsWith("/") ? path.normalize(t) : path.normalize(path.join(path.dirname(source), t));
  return resolved.replace(/^\/+/, "");
}

export function readText(zip: ZipReader, entry: ZipEntry): string {
  const bytes = zip.read(entry);
  // A byte-order mark is not part of the text.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString("utf8", 3);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    const body = Buffer.from(bytes.subarray(2));
    if (!le) body.swap16();
    return body.toString("utf16le");
  }
  return bytes.toString("utf8");
}

export function partText(zip: ZipReader, part: string): string | undefined {
  const entry = zip.get(part);
  return entry ? readText(zip, entry) : undefined;
}

export function parseRelationships(xml: string, source: string): Relationship[] {
  const root = rootOf(xml);
  return childrenNamed(root, "Relationship").map((r) => {
    const external = attr(r.attributes, "TargetMode") === "External";
    const target = attr(r.attributes, "Target") ?? "";
    return { id: attr(r.attributes, "Id") ?? "", type: attr(r.attributes, "Type") ?? "", target: external ? target : resolveTarget(source, target), external };
  });
}

/** The content type [Content_Types].xml gives a part (override, else default by extension), lower-cased. */
export function contentTypeOf(contentTypes: string, part: string): string | undefined {
  const root = rootOf(contentTypes);
  const name = "/" + part.toLowerCase();
  for (const o of childrenNamed(root, "Override")) {
    if (attr(o.attributes, "PartName")?.toLowerCase() === name) return attr(o.attributes, "ContentType")?.toLowerCase();
  }
  const ext = path.extname(part).slice(1).toLowerCase();
  for (const d of childrenNamed(root, "Default")) {
    if (attr(d.attributes, "Extension")?.toLowerCase() === ext) return attr(d.attributes, "ContentType")?.toLowerCase();
  }
  return undefined;
}

/** The relationship attribute of an element (`r:id`), whatever prefix the document gives the namespace. */
export function relIdOf(el: XmlElement, root: XmlElement): string | undefined {
  for (const m of root.attributes.matchAll(/xmlns:([^\s=]+)\s*=\s*["']([^"']*)["']/g)) {
    if (m[2] === NS.relationships || m[2] === "http://purl.oclc.org/ooxml/officeDocument/relationships") {
      const v = attr(el.attributes, `${m[1]}:id`);
      if (v !== undefined) return v;
    }
  }
  // Declared on the element itself, or an unusual prefix: any `…:id`.
  const m = /(?:^|\s)[^\s=:]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(el.attributes);
  return m ? decodeEntities(m[1] ?? m[2] ?? "") : undefined;
}

/**
 * Opens a workbook package: throws ZipError, XmlError or PackageError (the
 * caller's "damaged") when the container or one of the parts read here cannot be read.
 */
export function openPackage(bytes: Buffer): WorkbookPackage {
  const zip = new ZipReader(bytes);
  const contentTypesEntry = zip.get("[Content_Types].xml");
  const contentTypes = contentTypesEntry ? readText(zip, contentTypesEntry) : `<Types xmlns="${NS.contentTypes}"></Types>`;
  const contentTypesPart = contentTypesEntry?.name ?? "[Content_Types].xml";

  // The main part: the package relationship's officeDocument, else xl/workbook.xml.
  let workbookPart = "xl/workbook.xml";
  const rootRels = partText(zip, "_rels/.rels");
  if (rootRels !== undefined) {
    const main = parseRelationships(rootRels, "").find((r) => relType(r.type) === "officeDocument" && !r.external);
    if (main && zip.get(main.target)) workbookPart = main.target;
  }
  const workbookEntry = zip.get(workbookPart);
  if (!workbookEntry) throw new PackageError("no workbook part");
  workbookPart = workbookEntry.name.replace(/^\//, "");
  const workbookXml = readText(zip, workbookEntry);
  const workbookRoot = rootOf(workbookXml);
  if (workbookRoot.local !== "workbook") throw new PackageError("the workbook part is not a workbook");

  const workbookRelsPart = zip.get(relsPartOf(workbookPart))?.name ?? relsPartOf(workbookPart);
  const workbookRelsXml = partText(zip, workbookRelsPart);
  const workbookRels = workbookRelsXml === undefined ? [] : parseRelationships(workbookRelsXml, workbookPart);
  const relById = new Map(workbookRels.map((r) => [r.id, r]));

  const sheetsEl = childNamed(workbookRoot, "sheets");
  const sheets: SheetEntry[] = (sheetsEl ? childrenNamed(sheetsEl, "sheet") : []).map((s) => {
    const relId = relIdOf(s, workbookRoot) ?? "";
    const rel = relById.get(relId);
    const part = rel && !rel.external && zip.get(rel.target) ? zip.get(rel.target)!.name.replace(/^\//, "") : undefined;
    const type = rel ? relType(rel.type) : "";
    return {
      name: attr(s.attributes, "name") ?? "",
      sheetId: Number(attr(s.attributes, "sheetId") ?? 0),
      relId,
      part,
      kind: type === "worksheet" ? "worksheet" : type === "chartsheet" ? "chartsheet" : "other",
    };
  });

  const partOfType = (word: string) => {
    const rel = workbookRels.find((r) => relType(r.type) === word && !r.external);
    return rel && zip.get(rel.target) ? zip.get(rel.target)!.name.replace(/^\//, "") : undefined;
  };
  const workbookPr = childNamed(workbookRoot, "workbookPr");
  const date1904 = workbookPr !== undefined && /^(1|true)$/.test(attr(workbookPr.attributes, "date1904") ?? "");
  const mainContentType = contentTypeOf(contentTypes, workbookPart) ?? CONTENT_TYPE.workbook;

  return {
    zip,
    contentTypesPart,
    contentTypes,
    workbookPart,
    workbookXml,
    workbookRoot,
    workbookRelsPart,
    workbookRelsXml,
    workbookRels,
    sheets,
    sharedStringsPart: partOfType("sharedStrings"),
    stylesPart: partOfType("styles"),
    date1904,
    mainContentType,
    macros: mainContentType.includes("macroenabled"),
  };
}
