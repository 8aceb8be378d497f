/**
 * Office.js host over the strict Excel double, which refuses requests and
 * responses over 5 MB as Excel on the web does: round trips (context.sync)
 * of the two one-click runs as their callers make them, with a 通报设置 sheet
 * in the workbook, and the largest request and response a sync carries:
 * - ribbon: the button's run (src/commands/one-click.ts);
 * - pane: 生成通报 (src/taskpane/actions.ts).
 * Each runs twice: the second run replaces the first one's notice sheet.
 * "调度表 named": the settings sheet names the tracking sheet; else the host
 * reads every sheet but the settings and its own notices.
 */
import { runGenerateNotice } from "../../src/commands/one-click";
import { analyseWorkbook } from "../../src/hosts/officejs";
import { writeNotice, type BatchRunner } from "../../src/taskpane/actions";
import { emptySheet, type ExcelDouble, type WorkbookModel } from "../../tests/excel-double";
import { installDouble, largeTrackingModel } from "../../tests/excel-double/samples";

const TODAY = "2025-10-29";
const TRACKING = "三季度调度表";

type Path = "ribbon" | "pane";

interface Run {
  syncs: number;
  refused: number;
  ops: number;
  request: number;
  response: number;
  ms: number;
}

/** One run through the path's own entry, counted over every context it opened. */
async function once(excel: ExcelDouble, path: Path): Promise<Run> {
  const firstContext = excel.contexts.length;
  const syncsBefore = excel.syncCount;
  const t0 = performance.now();
  if (path === "ribbon") {
    const result = await runGenerateNotice();
    if (result.kind === "error") throw new Error(result.lines.join(" "));
  } else {
    const run: BatchRunner = (batch) => excel.run(batch as never);
    await writeNotice(TODAY, {}, run);
  }
  const ms = performance.now() - t0;
  const syncs = excel.contexts.slice(firstContext).flatMap((c) => c.syncs);
  return {
    syncs: excel.syncCount - syncsBefore,
    refused: syncs.filter((s) => s.error).length,
    ops: excel.contexts.slice(firstContext).reduce((n, c) => n + c.operationCount, 0),
    request: Math.max(...syncs.map((s) => s.requestBytes)),
    response: Math.max(...syncs.map((s) => s.responseBytes)),
    ms,
  };
}

/** The office's settings sheet: the government, and the tracking sheet when `named`. */
function addSettingsSheet(model: WorkbookModel, named: boolean): void {
  const sheet = emptySheet("通报设置", "{settings-sheet}");
  const rows: [string, string][] = [
    ["项目", "内容"],
    ["政府名称", "淄川区人民政府"],
    ["小数位数", "2"],
  ];
  if (named) rows.push(["调度表", TRACKING]);
  rows.forEach(([key, value], i) => {
    sheet.cells[`A${i + 1}`] = { value: key, numberFormat: "@" };
    sheet.cells[`B${i + 1}`] = { value, numberFormat: "@" };
  });
  model.sheets.push(sheet);
}

async function measure(rows: number, path: Path, named: boolean) {
  const model = await largeTrackingModel(rows);
  addSettingsSheet(model, named);
  const { excel, restore } = installDouble(model);
  try {
    const first = await once(excel, path);
    const again = await once(excel, path);
    let checkSyncs: number | null = null;
    if (path === "pane") {
      const before = excel.syncCount;
      await excel.run((ctx) => analyseWorkbook(ctx as unknown as Excel.RequestContext, TODAY));
      checkSyncs = excel.syncCount - before;
    }
    return { first, again, checkSyncs };
  } finally {
    restore();
  }
}

/** The targets: 3 syncs wherever reads and writes each fit one request; 5 at 30,000 rows; 8 at 50,000. */
const TARGET: Record<number, number> = { 99: 3, 10_000: 3, 30_000: 5, 50_000: 8 };

export async function benchOfficeHost(): Promise<void> {
  console.log("\n## Office.js host, one-click runs over the strict Excel double (5 MB request and response limits, as Excel on the web)");
  console.log("ribbon: 一键生成通报; pane: 生成通报. A 通报设置 sheet in every workbook, read in the first sync. Re-run: over the first run's notice sheet.\n");
  console.log("| data rows | path | 调度表 named | syncs | re-run syncs | target | refused syncs | queued operations | largest request KB | largest response KB | 检查 syncs | double ms |");
  console.log("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const rows of [99, 10_000, 30_000, 50_000]) {
    for (const path of ["ribbon", "pane"] as const) {
      for (const named of [true, false]) {
        const r = await measure(rows, path, named);
        const f = r.first;
        console.log(
          `| ${rows} | ${path} | ${named ? "yes" : "no"} | ${f.syncs} | ${r.again.syncs} | ≤ ${TARGET[rows]} | ${f.refused + r.again.refused} | ${f.ops} | ${(f.request / 1024).toFixed(0)} | ${(f.response / 1024).toFixed(0)} | ${r.checkSyncs ?? "—"} | ${f.ms.toFixed(0)} |`,
        );
      }
    }
  }
}
