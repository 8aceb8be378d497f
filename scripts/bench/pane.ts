/**
 * Task pane benchmark: time to interactive and first-load size.
 *
 * - Time to interactive: the built pane (dist/, `npm run build:local`) in
 *   headless Chromium with the real office.js and the Excel double holding
 *   tracking-variant.xlsx (tests/e2e/harness/); from navigation start to the
 *   pane's `pane-ready` mark, set when the first analysis is on screen.
 *   Median of 3 loads, each in a fresh page with caching off.
 * - First load: the add-in's own scripts taskpane.html loads (office.js,
 *   Microsoft's, excluded), minified and gzip -9.
 *
 * `benchPane()` is imported by scripts/bench.ts; `npx tsx scripts/bench/pane.ts` runs it alone.
 */
import { pathToFileURL } from "node:url";
import { launchBrowser } from "../../tests/e2e/harness/browser";
import { firstLoadSizes, startHarness } from "../../tests/e2e/harness/server";

const LOADS = 3;
const KB = 1024;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Milliseconds from navigation start to the pane's first analysis, for each of `loads` fresh loads. */
export async function measurePaneLoads(loads = LOADS): Promise<number[]> {
  const server = await startHarness();
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    for (let i = 0; i < loads; i++) {
      const page = await browser.context.newPage();
      await page.goto(server.pageUrl("taskpane", { model: "variant" }));
      await page.waitForSelector("main[data-ready]", { timeout: 30_000 });
      times.push(await page.evaluate(() => performance.getEntriesByName("pane-ready")[0]?.startTime ?? NaN));
      await page.close();
    }
    return times;
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function benchPane(): Promise<void> {
  const files = firstLoadSizes();
  const times = await measurePaneLoads();
  const total = files.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzip: a.gzip + f.gzip }), { bytes: 0, gzip: 0 });

  console.log("\n## Task pane: time to interactive and first load");
  console.log("| measure | value | target |");
  console.log("|---|---:|---:|");
  console.log(
    `| time to interactive, median of ${times.length} (ms; loads: ${times.map((t) => t.toFixed(0)).join(", ")}) | ${median(times).toFixed(0)} | — |`,
  );
  for (const f of files) console.log(`| ${f.file} (KB minified / gzip) | ${(f.bytes / KB).toFixed(1)} / ${(f.gzip / KB).toFixed(1)} | — |`);
  console.log(`| first load, total gzip (KB) | ${(total.gzip / KB).toFixed(1)} | < 250 |`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchPane().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
