/**
 * The add-in manifest, offline: validation against the XSDs in
 * ../shared/schemas/office-addin-manifest/ with xmllint compiled to
 * WebAssembly (the npm package xmllint-wasm: no system xmllint needed), and
 * the helpers `npm run package` uses to write a manifest for a base URL.
 *
 * Messages keep xmllint's form, `file:line: message`, with the file named as
 * the caller named it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SCHEMA_DIR = path.resolve(ROOT, "../shared/schemas/office-addin-manifest");
/** The schema the manifest is validated against; the other XSDs in SCHEMA_DIR are its imports. */
export const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
/** The dev server's base URL, which manifest.xml points at. */
export const DEV_BASE_URL = "https://localhost:3000/";

export interface ManifestValidation {
  readonly valid: boolean;
  /** `file:line: message` lines (xmllint's own form), empty when valid. */
  readonly errors: readonly string[];
}

/** The schema and its imports (passed to xmllint-wasm as preloads, it has no file system of its own). */
function schemaFiles(schemaDir: string): { schema: { fileName: string; contents: string }; preload: { fileName: string; contents: string }[] } {
  const main = path.join(schemaDir, MAIN_SCHEMA);
  if (!existsSync(main)) {
    throw new Error(`Manifest schema not found: ${main}. The repository expects ../shared/schemas/ beside it.`);
  }
  const read = (name: string) => ({ fileName: name, contents: readFileSync(path.join(schemaDir, name), "utf8") });
  const preload = readdirSync(schemaDir)
    .filter((f) => f.endsWith(".xsd") && f !== MAIN_SCHEMA)
    .sort()
    .map(read);
  return { schema: read(MAIN_SCHEMA), preload };
}

/**
 * Validates manifest XML text. `displayName` names the file in messages
 * (e.g. `deploy/manifest.xml`). Schema validity errors and XML syntax errors
 * both come back as `valid: false` with file:line messages.
 */
export async function validateManifestXml(xml: string, displayName = "manifest.xml", schemaDir = SCHEMA_DIR): Promise<ManifestValidation> {
  const { schema, preload } = schemaFiles(schemaDir);
  // Inside xmllint-wasm's in-memory file system: a plain name that cannot clash with a schema's.
  const fsName = "manifest-under-test.xml";
  const rename = (line: string) => (line.startsWith(fsName) ? displayName + line.slice(fsName.length) : line);
  try {
    const result = await validateXML({ xml: { fileName: fsName, contents: xml }, schema, preload });
    if (result.valid) return { valid: true, errors: [] };
    const errors = result.errors.map((e) => rename(e.rawMessage)).filter((l) => l.trim() !== "");
    return { valid: false, errors: errors.length > 0 ? errors : [`${displayName}: fails to validate`] };
  } catch (e) {
    // xmllint exits with other codes for documents that are not well-formed
    // (its stderr, file:line lines with context) or schemas that do not compile.
    const text = e instanceof Error ? e.message : String(e);
    const lines = text.split("\n").filter((l) => l.trim() !== "").map(rename);
    return { valid: false, errors: lines.length > 0 ? lines : [`${displayName}: xmllint failed`] };
  }
}

/** Validates a manifest file; messages name it as given. */
export async function validateManifestFile(file: string, schemaDir = SCHEMA_DIR): Promise<ManifestValidation> {
  return validateManifestXml(readFileSync(file, "utf8"), file, schemaDir);
}

/** `https://host/path` with a trailing slash; throws on what Office could not load an add-in from. */
export function normaliseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") throw new Error(`the base URL must use https (Office loads add-ins only over https): ${raw}`);
  if (url.search || url.hash) throw new Error(`the base URL cannot have a query or fragment: ${raw}`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

/** package.json's version x.y.z as the manifest's four-part <Version> x.y.z.0. */
export function manifestVersion(packageVersion: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(packageVersion);
  if (!m) throw new Error(`package.json version is not x.y.z: ${packageVersion}`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/**
 * manifest.xml for the add-in served from `base`: every dev-server URL moved
 * under `base`, <Version> from package.json, comments dropped (they mention
 * example URLs), and the AppDomain of the dev server removed (the add-in's own
 * origin needs no AppDomain; an AppDomain is an origin and could not start
 * with a base URL that has a path).
 */
export function deployManifest(source: string, base: URL, packageVersion: string): string {
  const devOrigin = DEV_BASE_URL.slice(0, -1);
  let xml = source.replace(/<!--[\s\S]*?-->\s*/g, "");
  xml = xml.replace(/\s*<AppDomain>\s*([^<]*?)\s*<\/AppDomain>/g, (all, domain: string) => (domain.replace(/\/$/, "") === devOrigin ? "" : all));
  xml = xml.replace(/\s*<AppDomains>\s*<\/AppDomains>/g, "");
  xml = xml.replaceAll(DEV_BASE_URL, base.href);
  if (xml.includes(devOrigin)) throw new Error(`manifest.xml has a ${devOrigin} URL outside ${DEV_BASE_URL}`);
  const version = manifestVersion(packageVersion);
  if (!/<Version>[^<]*<\/Version>/.test(xml)) throw new Error("manifest.xml has no <Version>");
  xml = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  const note = `<!-- Written by \`npm run package\` for ${base.href} (version ${packageVersion}). Edit manifest.xml in the source, not this file. -->\n`;
  return xml.replace(/^(<\?xml[^>]*\?>\s*)/, `$1${note}`);
}

/**
 * Every URL a manifest points at: attribute values and element texts that
 * start with http(s):// (namespace declarations and comments are not URLs the
 * add-in loads, so they are left out).
 */
export function manifestUrls(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "").replace(/\sxmlns(:\w+)?\s*=\s*"[^"]*"/g, "");
  const out: string[] = [];
  for (const m of body.matchAll(/=\s*"\s*(https?:\/\/[^"]*)"|>\s*(https?:\/\/[^<]*?)\s*</g)) out.push((m[1] ?? m[2])!);
  return out;
}

async function main(argv: string[]): Promise<number> {
  const files = argv.length > 0 ? argv : ["manifest.xml"];
  let failed = false;
  for (const file of files) {
    if (!existsSync(file)) {
      process.stderr.write(`${file}: no such file\n`);
      failed = true;
      continue;
    }
    const result = await validateManifestFile(file);
    if (result.valid) {
      process.stderr.write(`${file} validates\n`);
    } else {
      for (const line of result.errors) process.stderr.write(line + "\n");
      process.stderr.write(`${file} fails to validate\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
