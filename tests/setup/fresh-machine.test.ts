/**
 * The fresh-machine path of `npm test`: with no system xmllint and no
 * installed browser, the manifest is validated by xmllint-wasm and the
 * browser tests get the Chromium of @sparticuz/chromium.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { installedBrowserPaths, launchBrowser, resolveBrowser } from "../e2e/harness/browser";
import { envWithPath, nodeOnlyPath, ROOT, run } from "./tools";

const scratch = mkdtempSync(path.join(tmpdir(), "fresh-machine-"));
const nodeOnly = nodeOnlyPath();
const env = envWithPath(nodeOnly);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  if (nodeOnly.startsWith(tmpdir())) rmSync(nodeOnly, { recursive: true, force: true });
});

/** `npm run validate:manifest`'s command, with PATH holding Node alone. */
function validate(...files: string[]) {
  return run(process.execPath, ["--import", "tsx", "scripts/manifest.ts", ...files], { env });
}

function variant(name: string, edit: (xml: string) => string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, edit(readFileSync(path.join(ROOT, "manifest.xml"), "utf8")));
  return file;
}

describe("manifest validation with Node alone", () => {
  it("uses no system program: the PATH has no xmllint", async () => {
    const which = await run(process.execPath, ["-e", "require('child_process').execFileSync('xmllint', ['--version'])"], { env });
    expect(which.code).not.toBe(0);
    expect(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts["validate:manifest"]).not.toMatch(/^xmllint\b/);
  });

  it("accepts manifest.xml", async () => {
    const r = await validate("manifest.xml");
    expect(r.stderr).toContain("manifest.xml validates");
    expect(r.code).toBe(0);
  });

  it("rejects an element the schema does not allow, naming file and line", async () => {
    const file = variant("extra-element.xml", (x) => x.replace("<ProviderName>", "<Bogus/>\n  <ProviderName>"));
    const line = readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes("<Bogus/>")) + 1;
    const r = await validate(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:${line}:`);
    expect(r.stderr).toMatch(/Bogus.*not expected/);
    expect(r.stderr).toContain(`${file} fails to validate`);
  });

  it("rejects a value outside the schema's enumeration", async () => {
    const file = variant("bad-permission.xml", (x) => x.replace("<Permissions>ReadWriteDocument<", "<Permissions>Everything<"));
    const r = await validate(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Permissions.*Everything/);
  });

  it("rejects XML that is not well-formed, with the line", async () => {
    const file = variant("broken.xml", (x) => x.replace("</ProviderName>", "</Provider>"));
    const r = await validate(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+: parser error`));
  });

  it("fails on a missing file and goes on with the others", async () => {
    const r = await validate(path.join(scratch, "none.xml"), "manifest.xml");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("none.xml: no such file");
    expect(r.stderr).toContain("manifest.xml validates");
  });
});

describe("browser resolution", () => {
  it("takes CHROME_PATH first, and refuses one that does not exist", async () => {
    const fake = path.join(scratch, "my-chrome");
    writeFileSync(fake, "");
    await expect(resolveBrowser({ CHROME_PATH: fake })).resolves.toMatchObject({ executablePath: fake, source: "CHROME_PATH" });
    await expect(resolveBrowser({ CHROME_PATH: path.join(scratch, "missing") })).rejects.toThrow(/CHROME_PATH/);
    await expect(resolveBrowser({ E2E_BROWSER: "chrome" })).rejects.toThrow(/E2E_BROWSER/);
  });

  it("knows where Chrome, Chromium and Edge are installed on Linux, Windows and macOS", () => {
    expect(installedBrowserPaths("linux", {})).toContain("/usr/bin/chromium");
    const win = installedBrowserPaths("win32", { PROGRAMFILES: "C:\\Program Files", "PROGRAMFILES(X86)": "C:\\Program Files (x86)" });
    expect(win).toContain("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    expect(win).toContain("C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe");
    expect(installedBrowserPaths("darwin", { HOME: "/Users/a" })).toContain("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
  });

  const npmChromiumRuns = process.platform === "linux" && process.arch === "x64";

  it(
    npmChromiumRuns ? "falls back on @sparticuz/chromium and launches it (E2E_BROWSER=npm, PATH with Node alone)" : "says what to install where @sparticuz/chromium does not run",
    async () => {
      const forced = { E2E_BROWSER: "npm", PATH: nodeOnly };
      if (!npmChromiumRuns) {
        await expect(resolveBrowser(forced)).rejects.toThrow(/CHROME_PATH/);
        return;
      }
      const resolved = await resolveBrowser(forced);
      expect(resolved.source).toBe("@sparticuz/chromium");
      for (const flag of ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]) {
        expect(resolved.args).toContain(flag);
      }
      const browser = await launchBrowser({ width: 320, height: 240 }, forced);
      try {
        const page = await browser.context.newPage();
        await page.setContent("<p id=x>督查</p><script>document.getElementById('x').dataset.ok = String(1 + 1)</script>");
        expect(await page.getAttribute("#x", "data-ok")).toBe("2");
        expect(browser.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent))).toMatch(/\d+\./);
      } finally {
        await browser.close();
      }
    },
    180_000,
  );
});
