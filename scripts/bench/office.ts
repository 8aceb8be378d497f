/**
 * Office.js host over the strict Excel double: round trips (context.sync)
 * and queued operations of one-click runs, and the largest request a sync
 * sends (Excel on the web refuses more than 5 MB).
 */
import { generateNotice, analyseWorkbook } from "../../src/hosts/officejs";
import { installDouble, largeTrackingModel } from "../../tests/excel-double/samples";

const TODAY = "2025-10-29";

async function measure(rows: number, sheetStored: boolean) {
  const model = await largeTrackingModel(rows);
  const { excel, restore } = installDouble(model);
  try {
    const prefs = sheetStored ? { settings: {}, sheet: "三季度调度表" } : { settings: {} };
    const t0 = performance.now();
    const ctx = excel.context();
    const job = await generateNotice(ctx as unknown as Excel.RequestContext, prefs, TODAY);
    const ms = performance.now() - t0;
    const biggest = Math.max(...ctx.syncs.map((s) => s.requestBytes));
    const again = excel.context();
    await generateNotice(again as unknown as Excel.RequestContext, prefs, TODAY);
    const check = excel.context();
    await analyseWorkbook(check as unknown as Excel.RequestContext, prefs, TODAY);
    return { rows: job.analysis.statistics.total, syncs: ctx.syncCount, ops: ctx.operationCount, biggest, rerunSyncs: again.syncCount, checkSyncs: check.syncCount, ms };
  } finally {
    restore();
  }
}

export async function benchOfficeHost(): Promise<void> {
  console.log("\n## Office.js host, one-click run (生成通报) over the strict Excel double");
  console.log("| data rows | tasks | sheet stored | syncs | queued operations | largest request KB | re-run syncs | 检查 syncs | double ms |");
  console.log("|---:|---:|---|---:|---:|---:|---:|---:|---:|");
  for (const rows of [99, 10_000, 50_000]) {
    for (const stored of [false, true]) {
      const r = await measure(rows, stored);
      console.log(
        `| ${rows} | ${r.rows} | ${stored ? "yes" : "no"} | ${r.syncs} | ${r.ops} | ${(r.biggest / 1024).toFixed(0)} | ${r.rerunSyncs} | ${r.checkSyncs} | ${r.ms.toFixed(0)} |`,
      );
    }
  }
}
