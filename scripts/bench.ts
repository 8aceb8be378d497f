/**
 * Benchmarks, run with `npm run bench`. Prints a table per target:
 * - core: prepareNotice on 99, 10,000 and 100,000 rows (target < 50 ms at 10,000; memory linear);
 * - CLI (the bundle) on 50,000 rows against ExcelJS alone reading and writing the same file
 *   (target ≤ 0.4×), its peak memory on 100,000 rows (target ≤ 300 MB), and a tracking sheet
 *   with a dropdown over whole columns against the same sheet without (target ≤ 1.5×).
 * - startup: the command on the 99-row sample, the built bundle (what `npm run notice` and the
 *   installed command run) against the TypeScript sources through tsx.
 * - office: syncs and queued operations of one-click runs on 99, 10,000 and 50,000 rows (target ≤ 3 syncs);
 * - pane: first-load size (target < 250 KB gzip) and time to an interactive pane in headless Chromium
 *   (needs `npm run build:local` first).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareNotice, type CellValue, type SheetGrid, type WorkbookGrid } from "../src/core";
import { readWorkbookGrid } from "../src/hosts/xlsx-package";
import { withWholeColumnValidation } from "../tests/fixtures/package-parts";
import { largeWorkbook } from "./bench/large-workbook";
import { benchOfficeHost } from "./bench/office";
import { benchPane } from "./bench/pane";

const gc = (globalThis as { gc?: () => void }).gc;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The sample's tracking sheet with its data rows repeated to `rows` tasks. */
function scaledGrid(sample: SheetGrid, firstDataRow: number, lastDataRow: number, rows: number): WorkbookGrid {
  const head = sample.values.slice(0, firstDataRow);
  const body = sample.values.slice(firstDataRow + 9, lastDataRow + 1); // skip task 1's merged sub-items
  const values: CellValue[][] = head.map((r) => [...r]);
  for (let i = 0; i < rows; i++) {
    const r = [...body[i % body.length]!];
    r[0] = i + 1;
    values.push(r);
  }
  const merges = sample.merges.filter((m) => m.row < firstDataRow);
  return { sheets: [{ name: sample.name, values, merges }] };
}

async function benchCore(): Promise<void> {
  const grid = await readWorkbookGrid("samples/tracking-2025-q3.xlsx");
  const sheet = grid.sheets.find((s) => s.name === "三季度调度表")!;
  const options = { today: "2025-10-29" };
  const probe = prepareNotice(grid, options).analysis.table;

  console.log("\n## Core: prepareNotice (find, read, check, count, word, plan)");
  // The fastest run next to the median: on a shared machine the median carries the other jobs' load.
  console.log("| rows | median ms | fastest ms | runs | heap MB after | heap bytes/row |");
  console.log("|---:|---:|---:|---:|---:|---:|");
  for (const rows of [99, 10_000, 100_000]) {
    const g = scaledGrid(sheet, probe.firstDataRow, probe.lastDataRow, rows);
    const runs = rows >= 100_000 ? 5 : 15;
    prepareNotice(g, options); // warm up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      prepareNotice(g, options);
      times.push(performance.now() - t0);
    }
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const keep = prepareNotice(g, options);
    gc?.();
    const used = process.memoryUsage().heapUsed - before;
    if (keep.analysis.statistics.total !== rows) throw new Error(`expected ${rows} tasks, got ${keep.analysis.statistics.total}`);
    // Below ~100 KB the heap's own noise is larger than the job.
    const measurable = gc !== undefined && used > 100 * 1024;
    const heap = measurable ? (used / 2 ** 20).toFixed(1) : "< 0.1";
    const perRow = measurable ? String(Math.round(used / rows)) : "—";
    console.log(`| ${rows} | ${median(times).toFixed(1)} | ${Math.min(...times).toFixed(1)} | ${runs} | ${heap} | ${perRow} |`);
  }
}

/** One whole process: wall time and peak resident memory (from a preloaded exit hook). */
function measure(args: string[]): { ms: number; mb: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", "./scripts/bench/max-rss.mjs", ...args], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  const kb = Number(/max-rss-kb (\d+)/.exec(r.stderr)?.[1]);
  return { ms, mb: kb / 1024 };
}

async function benchCli(): Promise<void> {
  execFileSync(process.execPath, ["scripts/build-cli.mjs", "--if-stale"], { stdio: "inherit" });
  const dir = mkdtempSync(path.join(tmpdir(), "notice-bench-"));
  const cli = (input: string) => measure(["dist-cli/supervision-notice.cjs", input, "-o", path.join(dir, "cli.xlsx"), "--json", "--date", "2025-10-29"]);
  const floor = (input: string) => measure(["scripts/bench/exceljs-floor.mjs", input, path.join(dir, "floor.xlsx")]);
  const medianOf = (xs: { ms: number; mb: number }[]) => ({ ms: median(xs.map((x) => x.ms)), mb: Math.max(...xs.map((x) => x.mb)) });
  try {
    const files: Record<number, string> = {};
    for (const rows of [10_000, 50_000, 100_000]) {
      files[rows] = path.join(dir, `tracking-${rows}.xlsx`);
      await (await largeWorkbook(rows)).xlsx.writeFile(files[rows]);
    }
    const dropdown = path.join(dir, "tracking-10000-dropdown.xlsx");
    writeFileSync(dropdown, await withWholeColumnValidation(readFileSync(files[10_000]!)));

    const runs = 3;
    const f: { ms: number; mb: number }[] = [];
    const c: { ms: number; mb: number }[] = [];
    for (let i = 0; i < runs; i++) {
      f.push(floor(files[50_000]!));
      c.push(cli(files[50_000]!));
    }
    const big = medianOf([cli(files[100_000]!)]);
    const plain: { ms: number; mb: number }[] = [];
    const validated: { ms: number; mb: number }[] = [];
    for (let i = 0; i < runs; i++) {
      plain.push(cli(files[10_000]!));
      validated.push(cli(dropdown));
    }
    const fm = medianOf(f);
    const cm = medianOf(c);
    const pm = medianOf(plain);
    const vm = medianOf(validated);
    console.log(`\n## CLI (the bundle) against the ExcelJS floor (whole processes, median of ${runs}; peak = the largest resident memory)`);
    console.log("| rows | what | median ms | peak MB |");
    console.log("|---:|---|---:|---:|");
    console.log(`| 50000 | ExcelJS alone: read + write | ${fm.ms.toFixed(0)} | ${fm.mb.toFixed(0)} |`);
    console.log(`| 50000 | CLI: read, check, highlight, notice, write | ${cm.ms.toFixed(0)} | ${cm.mb.toFixed(0)} |`);
    console.log(`| 50000 | ratio (target ≤ 0.4) | ${(cm.ms / fm.ms).toFixed(2)} | |`);
    console.log(`| 100000 | CLI (peak target ≤ 300 MB) | ${big.ms.toFixed(0)} | ${big.mb.toFixed(0)} |`);
    console.log(`| 10000 | CLI | ${pm.ms.toFixed(0)} | ${pm.mb.toFixed(0)} |`);
    console.log(`| 10000 | CLI, dropdown over A4:H1048576 | ${vm.ms.toFixed(0)} | ${vm.mb.toFixed(0)} |`);
    console.log(`| 10000 | ratio (target ≤ 1.5) | ${(vm.ms / pm.ms).toFixed(2)} | |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whole processes: the command on the 99-row sample and `--version` alone, bundle against tsx. */
async function benchStartup(): Promise<void> {
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });
  const dir = mkdtempSync(path.join(tmpdir(), "notice-startup-"));
  const runs = 5;
  const time = (args: string[]) => {
    const t0 = performance.now();
    execFileSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    return performance.now() - t0;
  };
  try {
    const sample = ["samples/tracking-2025-q3.xlsx", "-o", path.join(dir, "out.xlsx"), "--json", "--date", "2025-10-29"];
    const ways: [string, string[]][] = [
      ["bundle: node dist-cli/supervision-notice.cjs", ["dist-cli/supervision-notice.cjs"]],
      ["sources: node --import tsx src/cli/main.ts", ["--import", "tsx", "src/cli/main.ts"]],
    ];
    // npm run notice as the README has it: npm, the prenotice up-to-date check (esbuild only when stale), the bundle.
    const npmCli = process.env.npm_execpath;
    if (npmCli?.endsWith(".js")) ways.push(["npm run --silent notice -- (npm, up-to-date check, bundle)", [npmCli, "run", "--silent", "notice", "--"]]);
    console.log(`\n## Command start-up: bundle against tsx (whole processes, median of ${runs})`);
    console.log("| how | 99-row sample ms | --version ms |");
    console.log("|---|---:|---:|");
    for (const [label, args] of ways) {
      time([...args, "--version"]); // warm the file cache
      const full: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < runs; i++) {
        full.push(time([...args, ...sample]));
        bare.push(time([...args, "--version"]));
      }
      console.log(`| ${label} | ${median(full).toFixed(0)} | ${median(bare).toFixed(0)} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`# supervision-notice benchmark — node ${process.version}, ${new Date().toISOString()}`);
/** `npm run bench -- core cli` runs only the named sections. */
const only = new Set(process.argv.slice(2));
const sections: [string, () => Promise<void>][] = [
  ["core", benchCore],
  ["cli", benchCli],
  ["startup", benchStartup],
  ["office", benchOfficeHost],
  ["pane", benchPane],
];
for (const [name, section] of sections) if (only.size === 0 || only.has(name)) await section();
