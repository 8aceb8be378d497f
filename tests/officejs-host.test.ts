/**
 * The Office.js host on the strict double: same analysis as the core on the
 * command line's grid, the settings read from the 通报设置 sheet (and the old
 * hidden setting), reads sized to Excel on the web's 5 MB response limit,
 * the sync budget, idempotent re-runs, exact clearing, text safety, refusals
 * before any write, and Excel versions.
 */
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HIGHLIGHT_MARKER, InputError, NOTICE_MARKER, analyse, prepareNotice, type Analysis } from "../src/core";
import { readWorkbookGrid } from "../src/hosts/xlsx-package";
import {
  analyseWorkbook,
  clearHighlights,
  describeError,
  detectFeatures,
  featureNotes,
  generateNotice,
  highlightMissed,
  saveSettings,
  selectCell,
  type ProgressStep,
} from "../src/hosts/officejs";
import { WriteQueue, queueToolSheet } from "../src/hosts/officejs/apply-plans";
import { sheetsToRead } from "../src/hosts/officejs/run";
import type { Probe, SheetSize } from "../src/hosts/officejs/read-grid";
import { handMadeDepartmentSheet } from "./fixtures/department-plan";
import { runGenerateNotice } from "../src/commands/one-click";
import { writeNotice } from "../src/taskpane/actions";
import { ExcelDouble, OfficeErrorDouble, cellText, cloneModel, emptySheet, parseArea, type DoubleOptions, type SheetModel, type WorkbookModel } from "./excel-double";
import { SAMPLES, installDouble, largeTrackingModel, sampleModel } from "./excel-double/samples";
import { saveModel } from "./excel-double/xlsx";

// The core as it is, with prepareNotice counted (highlightMissed must not word or lay out a notice).
vi.mock("../src/core", async (importOriginal) => {
  const core = await importOriginal<typeof import("../src/core")>();
  return { ...core, prepareNotice: vi.fn(core.prepareNotice) };
});

const TODAY = "2025-10-29";
const SAMPLE_CASES = [
  { file: "tracking-2025-q3.xlsx", tracking: "三季度调度表", notice: "三季度督查通报" },
  { file: "tracking-variant.xlsx", tracking: "一季度推进情况", notice: "一季度督查通报" },
] as const;

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function setUp(model: WorkbookModel, options: DoubleOptions = {}): ExcelDouble {
  const installed = installDouble(model, options);
  restore = installed.restore;
  return installed.excel;
}

function ctxOf(excel: ExcelDouble) {
  const ctx = excel.context();
  return { ctx, xl: ctx as unknown as Excel.RequestContext };
}

/** The grid the command line reads from a sample. */
const sampleGrid = (file: string) => readWorkbookGrid(path.join(SAMPLES, file));
/** The grid the command line reads from the model saved as a file. */
const modelGrid = async (model: WorkbookModel) => readWorkbookGrid(await saveModel(model));

/** Our rules on a sheet of the model. */
function ownRules(sheet: SheetModel) {
  return sheet.conditionalFormats.filter((cf) => cf.formula?.includes(HIGHLIGHT_MARKER));
}

/** Sheet rows (1-based) covered by a sheet's own highlight rules. */
function highlightedRows(sheet: SheetModel): number[] {
  const rows = new Set<number>();
  for (const cf of ownRules(sheet)) {
    for (const a of cf.ranges) {
      const r = parseArea(a)!;
      for (let i = 0; i < r.rowCount; i++) rows.add(r.row + i + 1);
    }
  }
  return [...rows].sort((a, b) => a - b);
}

/** Adds a 通报设置 sheet of `项目 | 内容` rows to the model. */
function withSettingsSheet(model: WorkbookModel, rows: readonly (readonly [string, string | number])[]): WorkbookModel {
  const sheet = emptySheet("通报设置", "{settings-sheet}");
  sheet.cells.A1 = { value: "项目" };
  sheet.cells.B1 = { value: "内容" };
  rows.forEach(([key, value], i) => {
    sheet.cells[`A${i + 2}`] = { value: key };
    sheet.cells[`B${i + 2}`] = { value };
  });
  model.sheets.push(sheet);
  return model;
}

/** The settings sheet's `项目 → 内容`. */
function settingsRows(model: WorkbookModel): Map<string, string> {
  const sheet = model.sheets.find((s) => s.name === "通报设置")!;
  const rows = new Map<string, string>();
  for (let r = 1; sheet.cells[`A${r}`]; r++) rows.set(cellText(sheet.cells[`A${r}`]), cellText(sheet.cells[`B${r}`]));
  return rows;
}

function comparable(a: Analysis) {
  return JSON.parse(JSON.stringify(a)) as unknown;
}

describe("analyseWorkbook", () => {
  for (const c of SAMPLE_CASES) {
    it(`gives the core's analysis of the command line's grid on ${c.file}, reading only`, async () => {
      const expected = analyse(await sampleGrid(c.file), { today: TODAY });
      const model = await sampleModel(c.file);
      const before = JSON.stringify(model);
      const excel = setUp(model);
      const { ctx, xl } = ctxOf(excel);
      const got = await analyseWorkbook(xl, TODAY);
      expect(comparable(got)).toEqual(comparable(expected));
      // The names, the settings sheet and every sheet's size and top rows; then the sheets to read.
      expect(ctx.syncCount).toBe(2);
      expect(JSON.stringify(model)).toBe(before);

      // With the tracking sheet named in the settings sheet, only that sheet is read.
      withSettingsSheet(model, [["调度表", c.tracking]]);
      const second = ctxOf(excel);
      const stored = await analyseWorkbook(second.xl, TODAY);
      expect(comparable(stored)).toEqual(comparable(analyse(await modelGrid(model), { today: TODAY })));
      expect(stored.table.sheet).toBe(c.tracking);
      expect(second.ctx.syncCount).toBe(2);
    });
  }

  it("takes the settings and column corrections from the 通报设置 sheet, the old hidden setting underneath", async () => {
    const model = withSettingsSheet(await sampleModel("tracking-2025-q3.xlsx"), [
      ["小数位数", 1],
      ["政府名称", "淄川区人民政府"],
    ]);
    model.settings.supervisionNotice = JSON.stringify({ settings: { decimals: 3, issuer: "旧办公室" } });
    const excel = setUp(model);
    const seen: unknown[] = [];
    const got = await analyseWorkbook(ctxOf(excel).xl, TODAY, { onSettings: (s) => seen.push(s) });
    expect(got.statistics.percentages.missed).toBe("8.1");
    expect(got.settings.government).toBe("淄川区人民政府");
    expect(got.settings.issuer).toBe("旧办公室");
    expect(seen).toEqual([{ settings: { decimals: 1, government: "淄川区人民政府", issuer: "旧办公室" }, mapping: {}, sheet: true, legacy: true }]);
  });

  it("reports a settings value that does not parse at its cell and uses the default", async () => {
    const excel = setUp(withSettingsSheet(await sampleModel("tracking-2025-q3.xlsx"), [["小数位数", "九"]]));
    const got = await analyseWorkbook(ctxOf(excel).xl, TODAY);
    expect(got.statistics.percentages.missed).toBe("8.08");
    expect(got.issues.find((i) => i.cell === "通报设置!B2")?.message).toContain("小数位数");
  });

  it("plans reads under Excel on the web's 5 MB response from the sizes the first sync gives: no read is refused", async () => {
    const model = await largeTrackingModel(12_000);
    const expected = analyse(await modelGrid(model), { today: TODAY });
    const excel = setUp(model);
    const { ctx, xl } = ctxOf(excel);
    const got = await analyseWorkbook(xl, TODAY);
    expect(comparable(got)).toEqual(comparable(expected));
    expect(ctx.syncs.filter((s) => s.error)).toEqual([]);
    // The probe, then the tracking sheet in two windows (12,000 rows take about 5 MB).
    expect(ctx.syncCount).toBe(3);
    for (const s of ctx.syncs) expect(s.responseBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  it("reads again in smaller windows when a window is refused after all, with the same result", async () => {
    const model = await largeTrackingModel(10_000);
    const expected = analyse(await modelGrid(model), { today: TODAY });
    // A host that refuses more than 1 MB: the plan (for 5 MB) is refused, and the windows shrink until they fit.
    const limit = 1024 * 1024;
    const excel = setUp(model, { responseLimitBytes: limit });
    const { ctx, xl } = ctxOf(excel);
    const got = await analyseWorkbook(xl, TODAY);
    expect(comparable(got)).toEqual(comparable(expected));
    expect(ctx.syncs.some((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    for (const s of ctx.syncs.filter((x) => !x.error)) expect(s.responseBytes).toBeLessThanOrEqual(limit);
  });

  it("reports a tracking sheet named in the settings that is gone, with the list of sheets, after one sync", async () => {
    const excel = setUp(withSettingsSheet(await sampleModel("tracking-variant.xlsx"), [["调度表", "旧表"]]));
    const { ctx, xl } = ctxOf(excel);
    const seen: (readonly string[])[] = [];
    const err = await analyseWorkbook(xl, TODAY, { onSheets: (names) => seen.push(names) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    // The caller still learns which sheets there are (the pane refreshes its list of sheets).
    expect(seen).toEqual([excel.model.sheets.map((s) => s.name)]);
    expect((err as Error).message).toContain("旧表");
    expect((err as Error).message).toContain("一季度推进情况");
    expect(ctx.syncCount).toBe(1);
  });
});

describe("generateNotice", () => {
  for (const c of SAMPLE_CASES) {
    it(`writes highlights and the notice within 3 syncs on ${c.file}, and re-running replaces instead of stacking`, async () => {
      const model = await sampleModel(c.file);
      const excel = setUp(model);
      const trackingBefore = cloneModel(excel.sheet(c.tracking));
      const departmentRules = trackingBefore.conditionalFormats;
      const steps: ProgressStep[] = [];

      const first = ctxOf(excel);
      const seen: (readonly string[])[] = [];
      const job = await generateNotice(first.xl, TODAY, { onProgress: (s) => steps.push(s), onSheets: (names) => seen.push(names) });
      expect(first.ctx.syncCount).toBeLessThanOrEqual(3);
      expect(steps).toEqual(["reading", "checking", "highlighting", "writing", "done"]);
      // The names as read, then with the notice and department sheets Excel added after the others.
      const departments = job.departmentSheet.name;
      expect(seen).toEqual([model.sheets.map((s) => s.name).filter((n) => n !== c.notice && n !== departments), model.sheets.map((s) => s.name)]);
      expect(model.sheets.slice(-2).map((s) => s.name)).toEqual([c.notice, departments]);
      expect(model.activeSheet).toBe(c.notice);
      expect(excel.sheet(departments).charts).toHaveLength(1);
      const tracking = excel.sheet(c.tracking);
      const missedRows = job.analysis.tasks.filter((t) => t.category === "missed").map((t) => t.row + 1);
      expect(highlightedRows(tracking)).toEqual(missedRows);
      expect(missedRows.length).toBeGreaterThan(0);
      expect(excel.sheet(c.notice).cells.B1?.value).toBe(NOTICE_MARKER);
      // The tracking sheet's cells (values and the departments' formats) are untouched.
      expect(tracking.cells).toEqual(trackingBefore.cells);
      expect(tracking.merges).toEqual(trackingBefore.merges);

      const sheetsAfterFirst = model.sheets.map((s) => s.name);
      const noticeAfterFirst = cloneModel(excel.sheet(c.notice));
      const rulesAfterFirst = ownRules(tracking).length;
      for (let i = 0; i < 2; i++) {
        const again = ctxOf(excel);
        await generateNotice(again.xl, TODAY);
        expect(again.ctx.syncCount).toBeLessThanOrEqual(3);
      }
      expect(model.sheets.map((s) => s.name)).toEqual(sheetsAfterFirst);
      expect(ownRules(excel.sheet(c.tracking))).toHaveLength(rulesAfterFirst);
      expect(highlightedRows(excel.sheet(c.tracking))).toEqual(missedRows);
      const { id: _a, ...noticeNow } = excel.sheet(c.notice);
      const { id: _b, ...noticeFirst } = noticeAfterFirst;
      expect(noticeNow).toEqual(noticeFirst);
      // The department sheet replaced too, with one chart.
      expect(excel.sheet(departments).charts).toHaveLength(1);
      // The departments' own rules are still there, once.
      for (const rule of departmentRules) expect(excel.sheet(c.tracking).conditionalFormats.filter((cf) => cf.id === rule.id)).toHaveLength(1);
    });
  }

  it("with the tracking sheet named in the settings sheet: reads only it, 3 syncs the first time and over an earlier notice", async () => {
    const excel = setUp(withSettingsSheet(await sampleModel("tracking-2025-q3.xlsx"), [["调度表", "三季度调度表"]]));
    for (const run of ["first", "again"]) {
      const { ctx, xl } = ctxOf(excel);
      await generateNotice(xl, TODAY);
      expect(ctx.syncCount, run).toBe(3);
    }
    expect(excel.model.sheets.filter((s) => s.name === "三季度督查通报")).toHaveLength(1);
    // Generating changes nothing in the settings sheet.
    expect(settingsRows(excel.model)).toEqual(new Map([["项目", "内容"], ["调度表", "三季度调度表"]]));
  });

  it("stays within 3 syncs on a 10,000-row tracking sheet and agrees with the core", async () => {
    const model = await largeTrackingModel(10_000);
    const expected = prepareNotice(await modelGrid(model), { today: TODAY });
    const excel = setUp(model);
    const { ctx, xl } = ctxOf(excel);
    const job = await generateNotice(xl, TODAY);
    expect(ctx.syncCount).toBeLessThanOrEqual(3);
    expect(job.analysis.statistics.total).toBe(10_000);
    expect(job.analysis.statistics).toEqual(expected.analysis.statistics);
    expect(highlightedRows(excel.sheet("三季度调度表"))).toEqual(expected.highlight.ranges.flatMap((r) => Array.from({ length: r.rowCount }, (_, i) => r.row + i + 1)));
    const notice = excel.sheet(job.noticeSheet.name);
    expect(Object.keys(notice.rowHeights)).toHaveLength(job.noticeSheet.rowHeights.length);
    for (const s of ctx.syncs) expect(s.requestBytes).toBeLessThan(4 * 1024 * 1024 + 10_000);
  });

  it("refuses a sheet of the department sheet's name that the tool did not write, before writing anything (also the notice)", async () => {
    const model = await sampleModel("tracking-2025-q3.xlsx");
    model.sheets.push({ ...emptySheet("三季度部门情况", "{theirs}"), cells: { A1: { value: "各部门联系人" }, K1: { value: "名单" } } });
    withSettingsSheet(model, [["调度表", "三季度调度表"]]);
    const before = JSON.stringify(model);
    const excel = setUp(model);
    const { ctx, xl } = ctxOf(excel);
    const err = await generateNotice(xl, TODAY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(describeError(err)).toContain("三季度部门情况");
    // The probe's head held the marker cell: no sync of its own.
    expect(ctx.syncCount).toBe(2);
    expect(JSON.stringify(model)).toBe(before);
  });

  it("refuses a sheet of the notice's name that the tool did not write, before writing anything", async () => {
    const model = await sampleModel("tracking-2025-q3.xlsx");
    const own = model.sheets[0]!;
    model.sheets.push({ ...cloneModel(own), name: "三季度督查通报", id: "{theirs}", cells: { A1: { value: "我们自己的表" }, B1: { value: "别的内容" } } });
    const before = JSON.stringify(model);
    const excel = setUp(model);
    const err = await generateNotice(ctxOf(excel).xl, TODAY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(describeError(err)).toContain("三季度督查通报");
    expect(JSON.stringify(model)).toBe(before);

    // Same with the tracking sheet named in the settings (the probe read the other sheet's marker cell).
    withSettingsSheet(model, [["调度表", "三季度调度表"]]);
    const withSheet = JSON.stringify(model);
    const stored = ctxOf(excel);
    const err2 = await generateNotice(stored.xl, TODAY).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(InputError);
    expect(stored.ctx.syncCount).toBe(2);
    expect(JSON.stringify(model)).toBe(withSheet);
  });

  it("refuses to write when the tracking sheet is protected, and changes nothing", async () => {
    const model = await sampleModel("tracking-2025-q3.xlsx");
    model.sheets[1]!.protected = true;
    const before = JSON.stringify(model);
    const excel = setUp(model);
    const err = await generateNotice(ctxOf(excel).xl, TODAY).catch((e: unknown) => e);
    expect(describeError(err)).toMatch(/受保护/);
    expect(JSON.stringify(model)).toBe(before);
  });

  it("writes every notice text as text, even text starting with =, + or -", async () => {
    const model = await sampleModel("tracking-variant.xlsx");
    const excel = setUp(model);
    withSettingsSheet(model, [
      ["政府名称", '=HYPERLINK("x")区人民政府'],
      ["落款单位", "+86 区政府办公室"],
      ["督查机构", "-区政府督查室"],
    ]);
    const job = await generateNotice(ctxOf(excel).xl, TODAY);
    const notice = excel.sheet(job.noticeSheet.name);
    const planned = new Map<string, string>();
    for (const b of job.noticeSheet.blocks) b.texts.forEach((row, r) => row.forEach((t, c) => planned.set(`${String.fromCharCode(65 + b.col + c)}${b.row + r + 1}`, t)));
    // The title's first line starts with the government's "=…"; every row is one printed line.
    const starting = [...planned.values()].filter((t) => /^[=+-]/.test(t));
    expect(starting.length).toBeGreaterThanOrEqual(1);
    expect([...planned.values()].some((t) => t.includes("+86 区政府办公室"))).toBe(true);
    for (const [key, text] of planned) {
      expect(notice.cells[key]?.formula, key).toBeUndefined();
      expect(cellText(notice.cells[key]), key).toBe(text);
    }
    // The variant's reasons that start with =, + and - reach the notice verbatim.
    const tracking = excel.sheet("一季度推进情况");
    const reasons = Object.entries(tracking.cells)
      .filter(([k, cell]) => k.startsWith("G") && typeof cell.value === "string" && /^[=+-]/.test(cell.value))
      .map(([, cell]) => cell.value as string);
    expect(reasons.length).toBeGreaterThanOrEqual(3);
    const noticeText = Object.values(notice.cells).map(cellText).join("\n");
    for (const r of reasons) expect(noticeText).toContain(r.replace(/。$/, ""));
  });

  it("degrades on Excel 2019 (ExcelApi 1.7): no merges read, no page layout, highlights still written", async () => {
    const model = await sampleModel("tracking-2025-q3.xlsx");
    const excel = setUp(model, { apiVersion: "1.7" });
    expect(detectFeatures()).toEqual({ supported: true, charts: true, pageLayout: false, mergedAreas: false, showGridlines: false });
    expect(featureNotes(detectFeatures()).join()).toMatch(/合并单元格/);
    expect(featureNotes(detectFeatures()).join()).toMatch(/图表坐标轴/);
    const { ctx, xl } = ctxOf(excel);
    const job = await generateNotice(xl, TODAY);
    expect(ctx.syncCount).toBeLessThanOrEqual(3);
    const notice = excel.sheet(job.noticeSheet.name);
    expect(notice.pageLayout).toEqual({});
    expect(notice.showGridlines).toBe(true);
    expect(Object.values(notice.cells).some((c) => c.indent !== undefined)).toBe(false);
    expect(highlightedRows(excel.sheet("三季度调度表")).length).toBeGreaterThan(0);
    // One rule per row range before ExcelApi 1.9.
    expect(ownRules(excel.sheet("三季度调度表"))).toHaveLength(job.highlight.ranges.length);
  });

  it("below ExcelApi 1.6, what the manifest asks for, the ribbon says Excel is too old and writes nothing", async () => {
    for (const apiVersion of ["1.5", "1.3"]) {
      const model = await sampleModel("tracking-2025-q3.xlsx");
      const before = JSON.stringify(model);
      const excel = setUp(model, { apiVersion });
      expect(detectFeatures().supported).toBe(false);
      const result = await runGenerateNotice();
      expect(result).toMatchObject({ kind: "error", lines: ["本加载项需要ExcelApi 1.6：Excel 2019、Excel 2021及更新版本，或Microsoft 365、Excel网页版。请升级Excel，或改用命令行。"] });
      expect(excel.syncCount).toBe(0);
      expect(JSON.stringify(model)).toBe(before);
      restore?.();
      restore = null;
    }
  });

  it("splits the writes into more syncs only when a batch would pass the size limit", async () => {
    const model = await largeTrackingModel(10_000);
    const job = prepareNotice(await modelGrid(model), { today: TODAY });
    const limit = 200 * 1024;
    const excel = setUp(model, { requestLimitBytes: limit + 20_000 });
    const { ctx, xl } = ctxOf(excel);
    const queue = new WriteQueue(xl, limit);
    await queueToolSheet(queue, xl, job.noticeSheet, false, detectFeatures());
    await ctx.sync();
    expect(queue.extraSyncs).toBeGreaterThan(2);
    expect(ctx.syncCount).toBe(queue.extraSyncs + 1);
    for (const s of ctx.syncs) expect(s.error).toBeUndefined();
    const notice = excel.sheet(job.noticeSheet.name);
    const last = job.noticeSheet.blocks[job.noticeSheet.blocks.length - 1]!;
    expect(notice.cells[`A${last.row + last.texts.length}`]?.value).toBe(last.texts[last.texts.length - 1]![0]);
  });
});

describe("one-click runs (the ribbon button and the pane's 生成通报)", () => {
  const NOTICE = "三季度督查通报";
  for (const rows of [99, 10_000]) {
    for (const where of ["the settings sheet", "the old hidden setting"] as const) {
      it(`take at most 3 syncs on ${rows} rows with the settings in ${where}, also over an earlier notice sheet`, async () => {
        const model = await largeTrackingModel(rows);
        if (where === "the settings sheet") {
          withSettingsSheet(model, [
            ["政府名称", "淄川区人民政府"],
            ["调度表", "三季度调度表"],
          ]);
        } else {
          model.settings.supervisionNotice = JSON.stringify({ settings: { government: "淄川区人民政府" }, sheet: "三季度调度表" });
        }
        const excel = setUp(model);
        const pane = (batch: (context: Excel.RequestContext) => Promise<unknown>) => excel.run(batch as never);

        // The ribbon: a first run, then one over its notice sheet.
        for (const run of ["first", "again"]) {
          excel.model.activeSheet = "三季度调度表";
          const before = excel.syncCount;
          const result = await runGenerateNotice();
          expect(result.kind, `ribbon, ${run}: ${result.lines.join()}`).not.toBe("error");
          expect(excel.syncCount - before, `ribbon, ${run}`).toBeLessThanOrEqual(3);
          expect(excel.model.activeSheet).toBe(NOTICE);
        }
        // The stored settings were used.
        expect(cellText(excel.sheet(NOTICE).cells.A1)).toContain("淄川区人民政府");

        // The pane: over the ribbon's notice sheet, then over its own.
        for (const run of ["over the ribbon's", "over its own"]) {
          excel.model.activeSheet = "三季度调度表";
          const before = excel.syncCount;
          const job = await writeNotice(TODAY, {}, pane as never);
          expect(job.analysis.statistics.total).toBe(rows);
          expect(excel.syncCount - before, `pane, ${run}`).toBeLessThanOrEqual(3);
          expect(excel.model.activeSheet).toBe(NOTICE);
        }
        expect(excel.model.sheets.filter((s) => s.name === NOTICE)).toHaveLength(1);
        expect(excel.sheet(NOTICE).cells.B1?.value).toBe(NOTICE_MARKER);
      });
    }
  }

  it("read the settings sheet in the first sync: 5 syncs at 30,000 rows, no read refused", async () => {
    const model = withSettingsSheet(await largeTrackingModel(30_000), [["调度表", "三季度调度表"]]);
    const excel = setUp(model);
    const result = await runGenerateNotice();
    expect(result.kind, result.lines.join()).not.toBe("error");
    const ctx = excel.contexts[0]!;
    expect(ctx.syncCount).toBeLessThanOrEqual(5);
    expect(ctx.syncs.filter((s) => s.error)).toEqual([]);
  }, 60_000);

  it("write no notice while statuses are missing, offer the draft, and write the draft when asked", async () => {
    const model = await sampleModel("tracking-2025-q3.xlsx");
    const tracking = model.sheets.find((s) => s.name === "三季度调度表")!;
    tracking.cells.G10 = { ...tracking.cells.G10!, value: "" };
    tracking.cells.G11 = { ...tracking.cells.G11!, value: "#N/A" };
    const before = JSON.stringify(model);
    const excel = setUp(model);
    const refused = await runGenerateNotice();
    expect(refused).toMatchObject({ kind: "error", offer: "draft" });
    expect(refused.lines[0]).toMatch(/^2 项任务的完成状态为空或无法识别（第1项的⑦ 三季度调度表!G10 等），通报未生成/);
    expect(JSON.stringify(excel.model)).toBe(before);

    const drafted = await runGenerateNotice({ draft: true });
    expect(drafted).toMatchObject({ kind: "warning", title: "督查通报草稿已生成" });
    // The title's printed lines, down to the blank line under it.
    const draft = excel.sheet("三季度督查通报");
    let title = "";
    for (let r = 1; cellText(draft.cells[`A${r}`]) !== ""; r++) title += cellText(draft.cells[`A${r}`]);
    expect(title).toMatch(/督查通报（草稿）$/);
  });

  it("read the old hidden setting with the sheet names: a stored sheet that is gone is named, nothing written", async () => {
    const model = await sampleModel("tracking-2025-q3.xlsx");
    model.settings.supervisionNotice = JSON.stringify({ settings: {}, sheet: "旧调度表" });
    const before = JSON.stringify(model);
    const excel = setUp(model);
    const result = await runGenerateNotice();
    expect(result.kind).toBe("error");
    expect(result.lines.join()).toContain("旧调度表");
    expect(result.lines.join()).toContain("三季度调度表");
    expect(excel.syncCount).toBe(1);
    expect(JSON.stringify(model)).toBe(before);
  });

  it("refuse someone else's sheet of the notice's name from the read syncs alone", async () => {
    const model = await sampleModel("tracking-2025-q3.xlsx");
    model.sheets.push({ ...cloneModel(model.sheets[0]!), name: NOTICE, id: "{theirs}", cells: { A1: { value: "局务会议纪要" }, B1: { value: "别的内容" } } });
    withSettingsSheet(model, [["调度表", "三季度调度表"]]);
    const before = JSON.stringify(model);
    const excel = setUp(model);
    const { ctx, xl } = ctxOf(excel);
    const err = await generateNotice(xl, TODAY).catch((e: unknown) => e);
    expect(describeError(err)).toContain(NOTICE);
    // Names, settings and every sheet's marker cell; then the tracking sheet.
    expect(ctx.syncCount).toBe(2);
    expect(JSON.stringify(model)).toBe(before);
  });
});

describe("a notice write that fails half-way", () => {
  it("leaves either no sheet or a marked one, which the next run replaces", async () => {
    const base = await sampleModel("tracking-2025-q3.xlsx");
    const job = prepareNotice(await modelGrid(base), { today: TODAY });
    let leftBehind = 0;
    for (const failAt of [1, 2, 3, 5]) {
      const excel = setUp(cloneModel(base));
      const { ctx, xl } = ctxOf(excel);
      // A small batch limit splits the notice into many syncs; the failAt-th one is lost (e.g. the connection drops).
      const queue = new WriteQueue(xl, 4 * 1024);
      const sync = ctx.sync.bind(ctx);
      let syncs = 0;
      ctx.sync = async () => {
        if (++syncs === failAt) throw new OfficeErrorDouble("GeneralException", "The request failed.");
        return sync();
      };
      const err = await queueToolSheet(queue, xl, job.noticeSheet, false, detectFeatures())
        .then(() => ctx.sync())
        .catch((e: unknown) => e);
      expect(err, `failing sync ${failAt}`).toBeInstanceOf(OfficeErrorDouble);
      const partial = excel.model.sheets.find((s) => s.name === job.noticeSheet.name);
      if (partial) {
        leftBehind++;
        expect(partial.cells.B1?.value, `failing sync ${failAt}`).toBe(NOTICE_MARKER);
      }
      const again = ctxOf(excel);
      await generateNotice(again.xl, TODAY);
      expect(excel.model.sheets.filter((s) => s.name === job.noticeSheet.name)).toHaveLength(1);
      const last = job.noticeSheet.blocks[job.noticeSheet.blocks.length - 1]!;
      expect(excel.sheet(job.noticeSheet.name).cells[`A${last.row + last.texts.length}`]?.value).toBe(last.texts[last.texts.length - 1]![0]);
      restore?.();
      restore = null;
    }
    expect(leftBehind).toBe(3);
  });
});

describe("highlightMissed and clearHighlights", () => {
  for (const c of SAMPLE_CASES) {
    it(`clears exactly this tool's rules and restores the tracking sheet on ${c.file}`, async () => {
      const model = await sampleModel(c.file);
      const before = cloneModel(model);
      const excel = setUp(model);
      const h = ctxOf(excel);
      const analysis = await highlightMissed(h.xl, TODAY);
      expect(h.ctx.syncCount).toBeLessThanOrEqual(3);
      expect(highlightedRows(excel.sheet(c.tracking))).toEqual(analysis.tasks.filter((t) => t.category === "missed").map((t) => t.row + 1));
      expect(model.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));

      const clear = ctxOf(excel);
      expect(await clearHighlights(clear.xl)).toBeGreaterThan(0);
      expect(clear.ctx.syncCount).toBe(3);
      expect(model.sheets).toEqual(before.sheets);
      expect(model.settings).toEqual(before.settings);
      const again = ctxOf(excel);
      expect(await clearHighlights(again.xl)).toBe(0);
      expect(again.ctx.syncCount).toBe(2);
    });
  }

  it("highlights from the analysis alone, without wording or laying out a notice", async () => {
    const excel = setUp(await sampleModel("tracking-2025-q3.xlsx"));
    vi.mocked(prepareNotice).mockClear();
    const steps: ProgressStep[] = [];
    const analysis = await highlightMissed(ctxOf(excel).xl, TODAY, { onProgress: (s) => steps.push(s) });
    expect(prepareNotice).not.toHaveBeenCalled();
    expect(steps).toEqual(["reading", "checking", "highlighting", "done"]);
    expect(analysis.statistics.counts.missed).toBe(8);
    expect(highlightedRows(excel.sheet("三季度调度表"))).toHaveLength(8);
    // The one-click run still does (the counter sees the host's calls).
    await generateNotice(ctxOf(excel).xl, TODAY);
    expect(prepareNotice).toHaveBeenCalledTimes(1);
  });

  it("keeps a department's own custom rule and clears ours from every sheet", async () => {
    const model = await sampleModel("tracking-2025-q3.xlsx");
    const excel = setUp(model);
    await generateNotice(ctxOf(excel).xl, TODAY);
    // A stray rule of ours on another sheet (e.g. copied with a sheet).
    model.sheets[0]!.conditionalFormats.push({ id: "{stray}", type: "Custom", ranges: ["A1"], formula: `=N("${HIGHLIGHT_MARKER}")=0`, fill: "#FFC7CE" });
    const department = excel.sheet("三季度调度表").conditionalFormats.find((cf) => !cf.formula?.includes(HIGHLIGHT_MARKER));
    expect(department?.formula).toContain("SEARCH");
    const removed = await clearHighlights(ctxOf(excel).xl);
    expect(removed).toBe(2);
    expect(excel.sheet("三季度调度表").conditionalFormats).toEqual([department]);
    expect(model.sheets[0]!.conditionalFormats).toEqual([]);
  });

  it("does not clear from a protected sheet: tells the user and changes nothing", async () => {
    const model = await sampleModel("tracking-2025-q3.xlsx");
    const excel = setUp(model);
    await highlightMissed(ctxOf(excel).xl, TODAY);
    excel.sheet("三季度调度表").protected = true;
    const before = JSON.stringify(model);
    const err = await clearHighlights(ctxOf(excel).xl).catch((e: unknown) => e);
    expect(describeError(err)).toMatch(/受保护/);
    expect(JSON.stringify(model)).toBe(before);
  });
});

describe("settings, selection, errors", () => {
  it("saves the settings to a new 通报设置 sheet in 2 syncs, as text, and moves the old hidden setting there", async () => {
    const model = await sampleModel("tracking-variant.xlsx");
    model.settings.supervisionNotice = JSON.stringify({ settings: { issuer: "区政府办公室" }, mapping: { status: 5 } });
    const excel = setUp(model);
    const save = ctxOf(excel);
    await saveSettings(save.xl, { settings: { government: "淄川区人民政府", issuer: "区政府办公室", quarter: 1, decimals: 1, date: "2024-04-10" }, trackingSheet: "一季度推进情况", mapping: { status: 5 } });
    expect(save.ctx.syncCount).toBe(2);
    expect(model.settings.supervisionNotice).toBeUndefined();
    const rows = settingsRows(model);
    expect(rows.get("政府名称")).toBe("淄川区人民政府");
    expect(rows.get("季度")).toBe("1");
    expect(rows.get("落款日期")).toBe("2024-04-10");
    expect(rows.get("调度表")).toBe("一季度推进情况");
    expect(rows.get("列：完成状态")).toBe("F");
    expect(rows.get("措辞：结尾")).toBe("");
    const sheet = excel.sheet("通报设置");
    // Text, so 2024-04-10 stays what was typed and 1 is not a number.
    for (const [key, cell] of Object.entries(sheet.cells)) if (key.startsWith("B") && cell.value !== undefined) expect(typeof cell.value, key).toBe("string");
    // Read back by the next run, it gives what was saved; the old setting is gone.
    const seen: unknown[] = [];
    const analysis = await analyseWorkbook(ctxOf(excel).xl, TODAY, { onSettings: (s) => seen.push(s) });
    expect(seen[0]).toMatchObject({ settings: { government: "淄川区人民政府", issuer: "区政府办公室", quarter: 1, decimals: 1 }, trackingSheet: "一季度推进情况", mapping: { status: 5 }, sheet: true, legacy: false });
    expect(analysis.settings.government).toBe("淄川区人民政府");
    expect(analysis.issues.filter((i) => i.sheet === "通报设置")).toEqual([]);
  });

  it("changes only the cells whose text differs in an existing sheet, keeping the rows a person added", async () => {
    const model = withSettingsSheet(await sampleModel("tracking-variant.xlsx"), [
      ["政府名称", "淄川区人民政府"],
      ["状态：已销号", "已完成"],
    ]);
    const excel = setUp(model);
    await saveSettings(ctxOf(excel).xl, { settings: { government: "淄川区人民政府", issuer: "办公室" } });
    expect([...settingsRows(model)]).toEqual([
      ["项目", "内容"],
      ["政府名称", "淄川区人民政府"],
      ["状态：已销号", "已完成"],
      ["落款单位", "办公室"],
    ]);
  });

  it("refuses a protected settings sheet before writing anything", async () => {
    const model = withSettingsSheet(await sampleModel("tracking-variant.xlsx"), [["政府名称", "淄川区人民政府"]]);
    model.sheets.at(-1)!.protected = true;
    const before = JSON.stringify(model);
    const excel = setUp(model);
    const err = await saveSettings(ctxOf(excel).xl, { settings: { issuer: "办公室" } }).catch((e: unknown) => e);
    expect(describeError(err)).toBe("工作表“通报设置”受保护，无法保存设置；请先取消保护（“审阅”→“撤消工作表保护”或“保护工作簿”）后再试。");
    expect(JSON.stringify(model)).toBe(before);
  });

  it("selects a cell on its sheet in one sync", async () => {
    const model = await sampleModel("tracking-variant.xlsx");
    const excel = setUp(model);
    const { ctx, xl } = ctxOf(excel);
    await selectCell(xl, "一季度推进情况", "G18");
    expect(ctx.syncCount).toBe(1);
    expect(model.activeSheet).toBe("一季度推进情况");
    expect(model.selection).toBe("一季度推进情况!G18");
  });

  it("describes errors in one line, in Chinese or English", () => {
    const office = (code: string) => new OfficeErrorDouble(code, "details\nmore");
    expect(describeError(new InputError("找不到调度表。"))).toBe("找不到调度表。");
    expect(describeError(office("AccessDenied"))).toMatch(/^工作表受保护，无法写入；请先取消保护/);
    expect(describeError(office("AccessDenied"), "en-US")).toMatch(/^The sheet is protected/);
    expect(describeError(office("ItemAlreadyExists"))).toMatch(/同名工作表/);
    expect(describeError(office("ApiNotFound"))).toMatch(/^本加载项需要ExcelApi 1\.6/);
    expect(describeError(office("ApiNotFound"), "en-US")).toMatch(/^This add-in needs ExcelApi 1\.6/);
    expect(describeError(office("RequestPayloadSizeLimitExceeded"))).toMatch(/5 MB/);
    for (const code of ["ItemNotFound", "GeneralException", "EditModeCannotAcquireResource"]) expect(describeError(office(code), "en-US")).not.toMatch(/[\u4e00-\u9fff]/);
    expect(describeError(office("GeneralException"))).toMatch(/GeneralException/);
    expect(describeError(new Error("boom\nstack"))).toBe("发生意外错误：boom");
    for (const e of [office("X"), new Error("a\nb"), "text", null]) expect(describeError(e)).not.toContain("\n");
  });

  it("detects no features without Office", () => {
    expect(detectFeatures()).toEqual({ supported: false, charts: false, pageLayout: false, mergedAreas: false, showGridlines: false });
  });
});

describe("tool sheets with numbers and a chart (a hand-made department sheet)", () => {
  const plan = handMadeDepartmentSheet("三季度部门情况", 6);

  async function write(options: DoubleOptions = {}, times = 1): Promise<{ excel: ExcelDouble; syncs: number }> {
    const excel = setUp(await sampleModel("tracking-2025-q3.xlsx"), options);
    const { ctx, xl } = ctxOf(excel);
    for (let i = 0; i < times; i++) {
      await queueToolSheet(new WriteQueue(xl), xl, plan, i > 0, detectFeatures());
      await ctx.sync();
    }
    return { excel, syncs: ctx.syncCount };
  }

  it("writes numbers as numbers with their format, the light fills, and the chart over the plan's ranges, in one sync", async () => {
    const { excel, syncs } = await write();
    expect(syncs).toBe(1);
    const sheet = excel.sheet("三季度部门情况");
    expect(sheet.cells.E4).toMatchObject({ value: 83.33, numberFormat: "0.00" });
    expect(sheet.cells.B3).toMatchObject({ value: 10, numberFormat: "0" });
    expect(sheet.cells.F3).toMatchObject({ value: "红", fill: "#FF0000", numberFormat: "@" });
    expect(sheet.cells.I1?.value).toBe(plan.marker.text);
    expect(sheet.charts).toEqual([
      {
        id: expect.any(String),
        name: "图表 1",
        type: "BarClustered",
        title: "三季度各部门完成率",
        series: [{ name: "完成率（%）", values: "三季度部门情况!E3:E8", categories: "三季度部门情况!A3:A8", fill: "#4472C4" }],
        position: { start: "A10", end: "G21" },
        valueAxis: { minimum: 0, maximum: 100, numberFormat: "0" },
        categoryAxis: { reversePlotOrder: true, position: "Maximum", tickLabelSpacing: 1 },
        legendVisible: false,
      },
    ]);
  });

  it("replaces its sheet with its chart on a re-run: one sheet, one chart", async () => {
    const { excel } = await write({}, 2);
    expect(excel.model.sheets.filter((s) => s.name === "三季度部门情况")).toHaveLength(1);
    expect(excel.sheet("三季度部门情况").charts).toHaveLength(1);
  });

  it("without ExcelApi 1.8 draws the chart without the axis' number format and crossing; without 1.7 writes no chart, and says so", async () => {
    const { excel } = await write({ apiVersion: "1.7" });
    const [chart] = excel.sheet("三季度部门情况").charts!;
    expect(chart!.valueAxis).toEqual({ minimum: 0, maximum: 100 });
    expect(chart!.categoryAxis).toEqual({ reversePlotOrder: true, tickLabelSpacing: 1 });
    restore?.();
    restore = null;
    const old = await write({ apiVersion: "1.6" });
    expect(old.excel.sheet("三季度部门情况").charts ?? []).toEqual([]);
    expect(old.excel.sheet("三季度部门情况").cells.E4).toMatchObject({ value: 83.33, numberFormat: "0.00" });
    expect(featureNotes(detectFeatures()).join()).toMatch(/部门情况表不含图表/);
    expect(featureNotes(detectFeatures(), "en-US").join()).toMatch(/without it/);
  });

  it("the double is strict about charts: a chart type it does not know, or categories that are not one column, fail the sync", async () => {
    const excel = setUp(await sampleModel("tracking-2025-q3.xlsx"));
    const { ctx } = ctxOf(excel);
    const ws = ctx.workbook.worksheets.getItem("三季度调度表");
    ws.charts.add("Sparkle", ws.getRange("A1:A3"), "Columns");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    const chart = ws.charts.add("BarClustered", ws.getRange("A5:A9"), "Columns");
    chart.series.getItemAt(0).setXAxisValues(ws.getRange("B5:C9"));
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    const loaded = ws.charts.getItemAt(0);
    expect(() => loaded.name).toThrow(/not available/);
  });
});

describe("which sheets the add-in reads with a stored tracking sheet", () => {
  const size = (name: string, title?: string): SheetSize => ({
    name,
    used: { rowIndex: 0, columnIndex: 0, rowCount: 10, columnCount: 5 },
    head: { values: [[title ?? "", ""], ["序号", "任务"]], numberFormat: [["General", "General"], ["General", "General"]] },
  });
  const probe = (sizes: SheetSize[], settingsRows: [string, string][]): Probe => ({
    names: [...sizes.map((s) => s.name), "通报设置"],
    sizes: new Map(sizes.map((s) => [s.name, s])),
    settingsSheet: { name: "通报设置", values: [["项目", "内容"], ...settingsRows], merges: [] },
    legacy: null,
  });

  it("the tracking sheet, the sheet 通报设置 names for the previous quarter, and sheets whose name or title states a quarter; never the tool's own", () => {
    const sizes = [size("三季度调度表"), size("二季度调度表"), size("Sheet3", "2025年二季度重点工作推进情况"), size("上期台账"), size("名单"), size("三季度督查通报", "")];
    sizes[5] = { ...sizes[5]!, head: { values: [["", NOTICE_MARKER]], numberFormat: [["@", "@"]] } };
    const p = probe(sizes, [
      ["调度表", "三季度调度表"],
      ["上季度调度表", "上期台账"],
    ]);
    expect(sheetsToRead(p, { trackingSheet: "三季度调度表", previousSheet: "上期台账", settings: {}, mapping: {}, sheet: true, legacy: false })).toEqual(["三季度调度表", "二季度调度表", "Sheet3", "上期台账"]);
    // Without a stored tracking sheet, every sheet but the settings and the tool's.
    expect(sheetsToRead(p, { settings: {}, mapping: {}, sheet: true, legacy: false })).toEqual(["三季度调度表", "二季度调度表", "Sheet3", "上期台账", "名单"]);
  });
});
