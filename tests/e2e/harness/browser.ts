/**
 * Headless Chromium for the harness, through playwright-core. The browser is
 * found in this order (first match wins; nothing is downloaded at run time):
 *
 * 1. `CHROME_PATH` (or the older `CHROMIUM_PATH`): an explicit executable; an
 *    error when it does not exist.
 * 2. An installed Chromium, Chrome or Edge at the well-known paths of Linux,
 *    Windows and macOS (`INSTALLED_BROWSERS`).
 * 3. The Chromium inside the npm package `@sparticuz/chromium` (a
 *    devDependency; Linux x64; unpacked to the temp folder on first use, offline),
 *    launched with that package's flags as well. Pinned to ~147.0.0, the last
 *    release whose engines allow Node 20 (later ones need Node 22).
 *
 * `E2E_BROWSER=npm` skips 1 and 2 (the fresh-machine path, tested in
 * tests/setup/); `E2E_BROWSER=system` forbids 3.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Flags for every browser the harness launches. */
export const BASE_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type BrowserSource = "CHROME_PATH" | "installed" | "@sparticuz/chromium";

export interface ResolvedBrowser {
  readonly executablePath: string;
  /** BASE_ARGS, plus the npm package's own flags for its Chromium. */
  readonly args: readonly string[];
  readonly source: BrowserSource;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Well-known install locations, in the order they are tried. */
export function installedBrowserPaths(platform: NodeJS.Platform = process.platform, env: Env = process.env): string[] {
  if (platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    const rel = [
      "Google\\Chrome\\Application\\chrome.exe",
      "Chromium\\Application\\chrome.exe",
      "Microsoft\\Edge\\Application\\msedge.exe",
    ];
    return rel.flatMap((r) => roots.map((root) => path.win32.join(root, r)));
  }
  if (platform === "darwin") {
    const apps = [
      "Google Chrome.app/Contents/MacOS/Google Chrome",
      "Chromium.app/Contents/MacOS/Chromium",
      "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
    const dirs = ["/Applications", ...(env.HOME ? [path.posix.join(env.HOME, "Applications")] : [])];
    return apps.flatMap((a) => dirs.map((d) => path.posix.join(d, a)));
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/opt/google/chrome/chrome",
    "/usr/bin/microsoft-edge",
    "/usr/bin/microsoft-edge-stable",
    "/opt/microsoft/msedge/msedge",
  ];
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Waits for a cross-process lock (a directory); a lock older than `staleMs` is taken over. */
async function withLock<T>(dir: string, work: () => Promise<T>, staleMs = 180_000): Promise<T> {
  const deadline = Date.now() + staleMs + 30_000;
  for (;;) {
    try {
      mkdirSync(dir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      try {
        if (Date.now() - statSync(dir).mtimeMs > staleMs) rmSync(dir, { recursive: true, force: true });
      } catch {
        // taken and released meanwhile: try again
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${dir}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether a Chromium executable starts (a truncated unpack does not). */
function starts(executable: string): boolean {
  try {
    execFileSync(executable, ["--version"], { stdio: ["ignore", "pipe", "pipe"], timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** The Chromium of `@sparticuz/chromium`, unpacked once per machine (processes in parallel wait for each other). */
async function npmChromium(): Promise<ResolvedBrowser> {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `No browser found for the headless tests: @sparticuz/chromium runs on Linux x64 only (this is ${process.platform} ${process.arch}). Install Chrome or Edge, or set CHROME_PATH.`,
    );
  }
  const { default: sparticuz } = await import("@sparticuz/chromium");
  sparticuz.setGraphicsMode = false; // no WebGL needed: skips unpacking SwiftShader
  const executablePath = await withLock(path.join(tmpdir(), "supervision-notice-chromium.lock"), async () => {
    let exe = await sparticuz.executablePath();
    if (!starts(exe)) {
      // Left half-written by an interrupted unpack: unpack again.
      rmSync(exe, { force: true });
      exe = await sparticuz.executablePath();
      if (!starts(exe)) throw new Error(`The Chromium of @sparticuz/chromium (${exe}) does not start on this machine. Install Chromium, Chrome or Edge, or set CHROME_PATH.`);
    }
    return exe;
  });
  const own = sparticuz.args.filter((a) => !a.startsWith("--headless") && !BASE_ARGS.includes(a));
  return { executablePath, args: [...BASE_ARGS, ...own], source: "@sparticuz/chromium" };
}

/** Finds the browser for the headless tests (order: see the top of this file). */
export async function resolveBrowser(env: Env = process.env): Promise<ResolvedBrowser> {
  const mode = env.E2E_BROWSER?.trim().toLowerCase() || "auto";
  if (!["auto", "npm", "system"].includes(mode)) throw new Error(`E2E_BROWSER must be npm or system, not ${env.E2E_BROWSER}`);
  if (mode !== "npm") {
    const explicit = env.CHROME_PATH?.trim() || env.CHROMIUM_PATH?.trim();
    if (explicit) {
      if (!isFile(explicit)) throw new Error(`CHROME_PATH is set to ${explicit}, which does not exist.`);
      return { executablePath: explicit, args: BASE_ARGS, source: "CHROME_PATH" };
    }
    const installed = installedBrowserPaths(process.platform, env).find(isFile);
    if (installed) return { executablePath: installed, args: BASE_ARGS, source: "installed" };
    if (mode === "system") {
      throw new Error("E2E_BROWSER=system and no Chromium, Chrome or Edge is installed at the usual paths; set CHROME_PATH.");
    }
  }
  return npmChromium();
}

export interface Browser {
  readonly context: BrowserContext;
  readonly resolved: ResolvedBrowser;
  close(): Promise<void>;
}

/** Launches the resolved browser with a fresh profile. */
export async function launchBrowser(viewport = { width: 360, height: 900 }, env: Env = process.env): Promise<Browser> {
  const resolved = await resolveBrowser(env);
  const profile = mkdtempSync(path.join(tmpdir(), "dctb-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: resolved.executablePath,
      headless: true,
      args: [...resolved.args],
      viewport,
      locale: "zh-CN",
      // No expand/collapse animations: clicks land where the element is (Fluent's motion honours this).
      reducedMotion: "reduce",
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`Could not launch ${resolved.executablePath} (${resolved.source}): ${message}`);
  }
  return {
    context,
    resolved,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

