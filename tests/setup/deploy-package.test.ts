/**
 * `npm run package -- --base-url …`: the folder an office deploys. Every URL in
 * the manifest starts with the base URL, the manifest validates against the
 * XSDs, <Version> is package.json's, and no page loads office.js from
 * Microsoft's CDN (office.js is in the folder).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployManifest, manifestUrls, normaliseBaseUrl } from "../../scripts/manifest";
import { scriptsOf } from "../e2e/harness/server";
import { ROOT, run, type Run } from "./tools";

const BASE = "https://intranet.example/notice/";
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const scratch = mkdtempSync(path.join(tmpdir(), "deploy-package-"));
const out = path.join(scratch, "deploy");
let result: Run;

function packageCommand(...args: string[]): Promise<Run> {
  return run(process.execPath, ["--import", "tsx", "scripts/package.ts", ...args], { timeoutMs: 400_000 });
}

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, base) : [path.relative(base, full).split(path.sep).join("/")];
  });
}

/** Every absolute URL in the manifest's attribute values and texts (namespace declarations are names, not addresses). */
function urlsIn(xml: string): string[] {
  const withoutNamespaces = xml.replace(/\sxmlns(:\w+)?="[^"]*"/g, "").replace(/<!--[\s\S]*?-->/g, "");
  return [...withoutNamespaces.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"<>]+/gi)].map((m) => m[0]);
}

beforeAll(async () => {
  // Reads manifest.xml, builds with webpack into the scratch folder (not dist/), validates, zips.
  result = await packageCommand("--base-url", BASE, "--out", out);
}, 420_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("npm run package", () => {
  it("succeeds and writes the web folder, the manifest and a zip", () => {
    expect(result.code, result.stderr).toBe(0);
    for (const f of ["web/taskpane.html", "web/commands.html", "web/result.html", "web/help.html", "web/office-js/office.js", "web/assets/icon-32.png", "web/manifest.xml", "manifest.xml", "部署说明.txt"]) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
    }
    expect(existsSync(path.join(out, `supervision-notice-addin-${VERSION}.zip`))).toBe(true);
  });

  it("points every URL of the manifest under the base URL, and at files that are there", () => {
    const xml = readFileSync(path.join(out, "manifest.xml"), "utf8");
    const urls = urlsIn(xml);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) {
      expect(url.startsWith(BASE), url).toBe(true);
      expect(existsSync(path.join(out, "web", url.slice(BASE.length))), url).toBe(true);
    }
    expect(xml).not.toContain("localhost");
    expect(xml).toContain(`<Version>${VERSION}.0</Version>`);
    expect(readFileSync(path.join(out, "web/manifest.xml"), "utf8")).toBe(xml);
  });

  it("keeps the development manifest's <Version> at package.json's, so sideloading and deploying name one version", () => {
    expect(readFileSync(path.join(ROOT, "manifest.xml"), "utf8")).toContain(`<Version>${VERSION}.0</Version>`);
  });

  it("writes a manifest that validates against the XSDs", async () => {
    const r = await run(process.execPath, ["--import", "tsx", "scripts/manifest.ts", path.join(out, "manifest.xml")]);
    expect(r.stderr).toContain("validates");
    expect(r.code).toBe(0);
  });

  it("loads office.js from the folder, never from the CDN", () => {
    const web = path.join(out, "web");
    const pages = filesUnder(web).filter((f) => f.endsWith(".html"));
    expect(pages).toEqual(expect.arrayContaining(["taskpane.html", "commands.html", "result.html"]));
    const ownScripts = filesUnder(web).filter((f) => f.endsWith(".js") && !f.startsWith("office-js/"));
    for (const f of [...pages, ...ownScripts]) expect(readFileSync(path.join(web, f), "utf8"), f).not.toContain("appsforoffice.microsoft.com");
    for (const page of ["taskpane.html", "commands.html", "result.html"]) {
      const srcs = scriptsOf(readFileSync(path.join(web, page), "utf8"));
      expect(srcs, page).toContain("office-js/office.js");
      for (const src of srcs) {
        expect(src, `${page}: ${src}`).not.toMatch(/^(https?:)?\/\//);
        expect(existsSync(path.join(web, src)), `${page}: ${src}`).toBe(true);
      }
    }
  });

  it("zips the same files", async () => {
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, `supervision-notice-addin-${VERSION}.zip`)));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    const expected = ["manifest.xml", "部署说明.txt", ...filesUnder(path.join(out, "web")).map((f) => `web/${f}`)];
    expect(names.sort()).toEqual(expected.sort());
    expect(await zip.file("manifest.xml")!.async("string")).toBe(readFileSync(path.join(out, "manifest.xml"), "utf8"));
  });
});

describe("npm run package refuses", () => {
  it("a base URL that is not https, and no base URL", async () => {
    const http = await packageCommand("--base-url", "http://intranet.example/notice/", "--out", path.join(scratch, "http"));
    expect(http.code).not.toBe(0);
    expect(http.stderr).toMatch(/https/);
    expect(existsSync(path.join(scratch, "http"))).toBe(false);
    const none = await packageCommand("--out", path.join(scratch, "none"));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--base-url/);
  });
});

describe("the deploy manifest's checks can fail", () => {
  const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

  it("finds a URL left outside the base URL", () => {
    const xml = deployManifest(source, normaliseBaseUrl(BASE), VERSION).replace(/<SupportUrl DefaultValue="[^"]*"/, '<SupportUrl DefaultValue="https://cdn.example/help.html"');
    expect(manifestUrls(xml).filter((u) => !u.startsWith(BASE))).toEqual(["https://cdn.example/help.html"]);
  });

  it("moves every URL, adds the slash and drops the dev server's AppDomain", () => {
    const xml = deployManifest(source, normaliseBaseUrl("https://oa.example.gov.cn/dctb"), "2.3.4");
    expect(manifestUrls(xml).every((u) => u.startsWith("https://oa.example.gov.cn/dctb/"))).toBe(true);
    expect(xml).not.toContain("AppDomain");
    expect(xml).toContain("<Version>2.3.4.0</Version>");
    expect(() => normaliseBaseUrl("https://oa.example/?x=1")).toThrow(/query/);
  });
});
