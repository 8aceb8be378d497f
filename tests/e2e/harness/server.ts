/**
 * Node side of the headless harness: a tiny static server on 127.0.0.1 (a
 * random port) that serves the built add-in (dist/) under /app/, and under
 * /__harness/ the harness page for a built page, the browser bundle of the
 * Excel double with the harness script (esbuild), and the sample workbooks
 * as double models (converted from .xlsx by tests/excel-double/xlsx.ts).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { WorkbookModel } from "../../excel-double";
import { loadModel } from "../../excel-double/xlsx";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, "../../..");
export const DIST = path.join(ROOT, "dist");

/** The sample workbooks the harness serves, by the name used in `?model=`. */
export const SAMPLE_FILES: Readonly<Record<string, string>> = {
  variant: "samples/tracking-variant.xlsx",
  q3: "samples/tracking-2025-q3.xlsx",
};

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Whether a script is Microsoft's office.js (CDN or the local copy), not the add-in's own code. */
export function isOfficeJs(src: string): boolean {
  return /(^|\/)office-js\//.test(src) || /appsforoffice\.microsoft\.com/.test(src) || /(^|\/)office(\.debug)?\.js$/.test(src);
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? "") : null;
}

/** The `src` of every script of a (minified) HTML page, in order. */
export function scriptsOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(m[0], "src");
    if (src !== null) out.push(src);
  }
  return out;
}

/** The add-in's own scripts a page loads first (office.js excluded). */
export function ownScriptsOf(html: string): string[] {
  return scriptsOf(html).filter((s) => !isOfficeJs(s));
}

/** Title, styles, body markup and the add-in's scripts of a built page. */
export function pageParts(html: string): { title: string; styles: string; body: string; scripts: string[] } {
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? "";
  const styles = [...html.matchAll(/<style\b[^>]*>[\s\S]*?<\/style>/gi)].map((m) => m[0]).join("\n");
  const bodyMatch = /<body\b[^>]*>([\s\S]*?)<\/body>/i.exec(html);
  const body = (bodyMatch?.[1] ?? "").replace(/<script\b[\s\S]*?<\/script>/gi, "").replace(/<noscript\b[\s\S]*?<\/noscript>/gi, "");
  return { title, styles, body, scripts: ownScriptsOf(html) };
}

/** What a built page loads first, with raw and gzip sizes (office.js excluded). */
export function firstLoadSizes(page = "taskpane.html", dist = DIST): { file: string; bytes: number; gzip: number }[] {
  const html = readFileSync(path.join(dist, page), "utf8");
  return ownScriptsOf(html).map((src) => {
    const data = readFileSync(path.join(dist, src.split(/[?#]/)[0]!));
    return { file: src, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
  });
}

/** Fails with a clear message when the add-in has not been built with local office.js. */
export function assertBuilt(dist = DIST): void {
  for (const f of ["taskpane.html", "commands.html", "result.html", "office-js/office.js"]) {
    if (!existsSync(path.join(dist, f))) {
      throw new Error(`dist/${f} is missing: build the add-in first with \`npm run build:local\` (npm test does this before vitest).`);
    }
  }
}

/** The harness script with the Excel double, as one browser script. */
export async function bundleHarness(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(HERE, "harness.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

export interface HarnessServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** URL of the harness page for a built page (`taskpane`, `commands`) with harness options. */
  pageUrl(page: string, options?: Record<string, string>): string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly dist?: string;
  /** Models by name; default: the samples in SAMPLE_FILES, converted from .xlsx. */
  readonly models?: Readonly<Record<string, WorkbookModel>>;
}

/** Converts the sample workbooks to double models. */
export async function sampleModels(): Promise<Record<string, WorkbookModel>> {
  const out: Record<string, WorkbookModel> = {};
  for (const [name, file] of Object.entries(SAMPLE_FILES)) out[name] = await loadModel(path.join(ROOT, file));
  return out;
}

export async function startHarness(options: HarnessOptions = {}): Promise<HarnessServer> {
  const dist = options.dist ?? DIST;
  assertBuilt(dist);
  const [script, models] = await Promise.all([bundleHarness(), options.models ?? sampleModels()]);
  const modelJson = new Map(Object.entries(models).map(([k, m]) => [k, JSON.stringify(m)]));
  const template = readFileSync(path.join(HERE, "index.html"), "utf8");

  const harnessPage = (page: string): string | null => {
    const file = path.join(dist, `${page}.html`);
    if (!/^[\w-]+$/.test(page) || !existsSync(file)) return null;
    const parts = pageParts(readFileSync(file, "utf8"));
    return template
      .replace("<!--app-title-->", parts.title)
      .replace("<!--app-styles-->", parts.styles)
      .replace("<!--app-body-->", parts.body)
      .replace("<!--app-scripts-->", parts.scripts.map((s) => `<script defer src="${s}"></script>`).join("\n    "));
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const send = (status: number, body: string | Buffer, type = "text/plain; charset=utf-8") => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
      res.end(body);
    };
    const p = decodeURIComponent(url.pathname);
    if (p === "/__harness/harness.js") return send(200, script, TYPES[".js"]);
    let m = /^\/__harness\/models\/([\w-]+)\.json$/.exec(p);
    if (m) {
      const json = modelJson.get(m[1]!);
      return json ? send(200, json, TYPES[".json"]) : send(404, "no such model");
    }
    m = /^\/__harness\/page\/([\w-]+)\.html$/.exec(p);
    if (m) {
      const html = harnessPage(m[1]!);
      return html ? send(200, html, TYPES[".html"]) : send(404, "no such page");
    }
    if (p.startsWith("/app/")) {
      const file = path.resolve(dist, `.${p.slice("/app".length)}`);
      if (!file.startsWith(dist + path.sep) || !existsSync(file) || !statSync(file).isFile()) return send(404, "not found");
      return send(200, readFileSync(file), TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream");
    }
    return send(404, "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: (page, opts = {}) => `${origin}/__harness/page/${page}.html?${new URLSearchParams(opts).toString()}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
