/**
 * The command as an office installs it: `npm pack` makes the tarball (its
 * prepack step bundles the CLI with esbuild), `npm install -g --prefix`
 * installs it into a temporary prefix, and the installed `supervision-notice`
 * runs on the bundled sample with a PATH that holds Node and the command only.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envWithPath, nodeOnlyPath, npmCommand, ROOT, run, type Run } from "./tools";

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const scratch = mkdtempSync(path.join(tmpdir(), "cli-package-"));
const prefix = path.join(scratch, "prefix");
const nodeOnly = nodeOnlyPath();
let tarball = "";
let packedFiles: string[] = [];
let install: Run;

/** Where npm puts a global command under --prefix. */
const binDir = process.platform === "win32" ? prefix : path.join(prefix, "bin");
const command = path.join(binDir, process.platform === "win32" ? "supervision-notice.cmd" : "supervision-notice");
const installedPackage = path.join(prefix, process.platform === "win32" ? "node_modules" : "lib/node_modules", "supervision-notice");

function npm(args: string[], timeoutMs = 180_000): Promise<Run> {
  const [cmd, argv] = npmCommand(args);
  return run(cmd, argv, { timeoutMs, env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" } });
}

/** The installed command, with PATH = its folder and Node alone. */
function installed(...args: string[]): Promise<Run> {
  const env = envWithPath([binDir, nodeOnly].join(path.delimiter));
  if (process.platform === "win32") return run(process.env.ComSpec ?? "cmd.exe", ["/d", "/s", "/c", command, ...args], { env, cwd: scratch });
  return run(command, args, { env, cwd: scratch });
}

beforeAll(async () => {
  const pack = await npm(["pack", "--json", "--pack-destination", scratch]);
  expect(pack.code, pack.stderr).toBe(0);
  const info = (JSON.parse(pack.stdout.slice(pack.stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[])[0]!;
  tarball = path.join(scratch, info.filename);
  packedFiles = info.files.map((f) => f.path).sort();
  // --offline: the tarball has no dependencies, so nothing is fetched.
  install = await npm(["install", "--global", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", tarball]);
}, 300_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  if (nodeOnly.startsWith(tmpdir())) rmSync(nodeOnly, { recursive: true, force: true });
});

describe("npm pack + npm install -g", () => {
  it("packs one plain JavaScript file and declares no dependencies", () => {
    expect(path.basename(tarball)).toBe(`supervision-notice-${VERSION}.tgz`);
    expect(packedFiles).toEqual(["README.md", "dist-cli/supervision-notice.cjs", "package.json"]);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies?: object; bin: Record<string, string> };
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.bin).toEqual({ "supervision-notice": "dist-cli/supervision-notice.cjs" });
  });

  it("installs offline into a prefix, with nothing beside the command", () => {
    expect(install.code, install.stderr).toBe(0);
    expect(existsSync(command)).toBe(true);
    expect(existsSync(path.join(installedPackage, "node_modules"))).toBe(false);
    expect(readdirSync(installedPackage).sort()).toEqual(["README.md", "dist-cli", "package.json"]);
    expect(readFileSync(path.join(installedPackage, "dist-cli/supervision-notice.cjs"), "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
  });

  it("answers --version and --help", async () => {
    const version = await installed("--version");
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(VERSION);
    const help = await installed("--help");
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain("--output");
    expect(help.stdout).toContain("--version");
  });

  it("writes the notice for the sample", async () => {
    const out = path.join(scratch, "notice.xlsx");
    const r = await installed(path.join(ROOT, "samples/tracking-2025-q3.xlsx"), "-o", out, "--json", "--date", "2025-10-29");
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { total: number; counts: { missed: number }; noticeSheet: string };
    expect(report.total).toBe(99);
    expect(report.counts.missed).toBe(8);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const notice = wb.getWorksheet(report.noticeSheet);
    expect(notice).toBeDefined();
    const text = notice!.getSheetValues().flat().map(String).join("\n");
    expect(text).toContain("第30项");
  }, 60_000);

  it("refuses a missing input with exit code 2", async () => {
    const r = await installed(path.join(scratch, "none.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/错误/);
  });
});
