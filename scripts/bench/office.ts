/**
 * Office.js host over the strict Excel double: round trips (context.sync)
 * and queued operations of the two one-click runs as their callers make
 * them, and the largest request a sync sends (Excel on the web refuses more
 * than 5 MB):
 * - ribbon: the button's run (src/commands/one-click.ts), preferences stored in the workbook;
 * - pane: 生成通报 (src/taskpane/actions.ts), preferences in hand.
 * Each runs twice: the second run replaces the first one's notice sheet.
 */
import { runGenerateNotice } from "../../src/commands/one-click";
import { analyseWorkbook, type StoredPreferences } from "../../src/hosts/officejs";
import { writeNotice, type BatchRunner } from "../../src/taskpane/actions";
import type { ExcelDouble } from "../../tests/excel-double";
import { installDouble, largeTrackingModel } from "../../tests/excel-double/samples";

const TODAY = "2025-10-29";
const TRACKING = "三季度调度表";

type Path = "ribbon" | "pane";

interface Run {
  syncs: number;
  ops: number;
  biggest: number;
  ms: number;
}

/** One run through the path's own entry, counted over every context it opened. */
async function once(excel: ExcelDouble, path: Path, prefs: StoredPreferences): Promise<Run> {
  const firstContext = excel.contexts.length;
  const syncsBefore = excel.syncCount;
  const t0 = performance.now();
  if (path === "ribbon") {
    const result = await runGenerateNotice();
    if (result.kind === "error") throw new Error(result.lines.join(" "));
  } else {
    const run: BatchRunner = (batch) => excel.run(batch as never);
    await writeNotice(prefs, TODAY, {}, run);
  }
  const ms = performance.now() - t0;
  const contexts = excel.contexts.slice(firstContext);
  return {
    syncs: excel.syncCount - syncsBefore,
    ops: contexts.reduce((n, c) => n + c.operationCount, 0),
    biggest: Math.max(...contexts.flatMap((c) => c.syncs.map((s) => s.requestBytes))),
    ms,
  };
}

async function measure(rows: number, path: Path, sheetStored: boolean) {
  const model = await largeTrackingModel(rows);
  const prefs: StoredPreferences = sheetStored ? { settings: {}, sheet: TRACKING } : { settings: {} };
  if (path === "ribbon") model.settings.supervisionNotice = JSON.stringify(prefs);
  const { excel, restore } = installDouble(model);
  try {
    const first = await once(excel, path, prefs);
    const again = await once(excel, path, prefs);
    let checkSyncs: number | null = null;
    if (path === "pane") {
      const before = excel.syncCount;
      await excel.run((ctx) => analyseWorkbook(ctx as unknown as Excel.RequestContext, prefs, TODAY));
      checkSyncs = excel.syncCount - before;
    }
    return { first, again, checkSyncs };
  } finally {
    restore();
  }
}

export async function benchOfficeHost(): Promise<void> {
  console.log("\n## Office.js host, one-click runs over the strict Excel double");
  console.log("ribbon: 一键生成通报, preferences stored in the workbook; pane: 生成通报, preferences in hand. Re-run: over the first run's notice sheet.\n");
  console.log("| data rows | path | sheet stored | syncs | re-run syncs | queued operations | largest request KB | 检查 syncs | double ms |");
  console.log("|---:|---|---|---:|---:|---:|---:|---:|---:|");
  for (const rows of [99, 10_000, 50_000]) {
    for (const path of ["ribbon", "pane"] as const) {
      for (const stored of [false, true]) {
        const r = await measure(rows, path, stored);
        console.log(
          `| ${rows} | ${path} | ${stored ? "yes" : "no"} | ${r.first.syncs} | ${r.again.syncs} | ${r.first.ops} | ${(r.first.biggest / 1024).toFixed(0)} | ${r.checkSyncs ?? "—"} | ${r.first.ms.toFixed(0)} |`,
        );
      }
    }
  }
}
