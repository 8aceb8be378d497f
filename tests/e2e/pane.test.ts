/**
 * The built add-in (dist/, `npm run build:local`) in headless Chromium, with
 * the real office.js and the strict Excel double standing in for Excel (see
 * tests/e2e/harness/). The pane opens on a sample workbook, checks it,
 * selects the problem's cell, writes the notice; the ribbon function runs on
 * the built commands page. Workbooks the page changed are saved to .xlsx and
 * read back.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HIGHLIGHT_MARKER, NOTICE_MARKER, parseSettingsSheet } from "../../src/core";
import { cellText, cloneModel, emptySheet, type WorkbookModel } from "../excel-double";
import { loadModel, saveModel } from "../excel-double/xlsx";
import type { HarnessApi } from "./harness/harness";
import { launchBrowser, type Browser } from "./harness/browser";
import { ROOT, firstLoadSizes, sampleModels, startHarness, type HarnessServer } from "./harness/server";

const TRACKING = "一季度推进情况";
const NOTICE = "一季度督查通报";
/** The README's picture of the pane; refreshed with `UPDATE_DOCS=1 npm run test:e2e`, otherwise kept out of the work tree. */
const SCREENSHOT = path.join(ROOT, process.env.UPDATE_DOCS ? "docs/taskpane.png" : ".tmp/taskpane.png");
/** The README's picture of the departments, one chosen; refreshed the same way. */
const DEPARTMENTS_SCREENSHOT = path.join(ROOT, process.env.UPDATE_DOCS ? "docs/taskpane-departments.png" : ".tmp/taskpane-departments.png");
const FIRST_LOAD_BUDGET = 250 * 1024;

declare global {
  interface Window {
    __harness: HarnessApi;
  }
}

let server: HarnessServer;
let browser: Browser;
let samples: Record<string, WorkbookModel>;
let scratch: string;

beforeAll(async () => {
  samples = await sampleModels();
  // A workbook without a tracking table, and one whose notice sheet name is taken by someone else's sheet.
  const noTable = cloneModel(samples.variant!);
  noTable.sheets = noTable.sheets.filter((s) => s.name !== TRACKING);
  noTable.activeSheet = noTable.sheets[0]!.name;
  const taken = cloneModel(samples.q3!);
  const other = emptySheet("三季度督查通报", "{sheet-taken}");
  other.cells.A1 = { value: "局务会议纪要" };
  taken.sheets.push(other);
  // The 2025 Q3 sample with its 二季度调度表 beside it: task 32 on track then, task 1-1 missed then.
  const twoQuarters = cloneModel(samples.q3!);
  const second = cloneModel(twoQuarters.sheets.find((s) => s.name === "三季度调度表")!);
  second.name = "二季度调度表";
  second.id = "{second-quarter}";
  for (const [address, cell] of Object.entries(second.cells)) {
    if (/^[A-Z]+[123]$/.test(address) && typeof cell.value === "string") cell.value = cell.value.replace("三季度", "二季度").replace("2025年10月", "2025年7月");
  }
  second.cells.G43 = { value: "序时推进" };
  second.cells.G4 = { value: "未完成" };
  second.cells.H4 = { value: "资金未到位" };
  twoQuarters.sheets.push(second);
  server = await startHarness({ models: { ...samples, noTable, taken, twoQuarters } });
  browser = await launchBrowser({ width: 360, height: 900 });
  scratch = mkdtempSync(path.join(tmpdir(), "dctb-e2e-"));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function openPane(options: Record<string, string>): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.pageUrl("taskpane", options));
  await page.waitForSelector("main[data-ready]", { timeout: 20_000 });
  return page;
}

async function harnessErrors(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__harness.errors);
}

/** Saves the page's workbook model to .xlsx and reads it back (what Excel would keep in the file). */
async function roundTrip(model: WorkbookModel, name: string): Promise<WorkbookModel> {
  const file = path.join(scratch, `${name}.xlsx`);
  writeFileSync(file, await saveModel(model));
  return loadModel(file);
}

/** The 通报设置 sheet's `项目 → 内容`, in row order. */
function settingsRows(model: WorkbookModel): Map<string, string> {
  const sheet = model.sheets.find((s) => s.name === "通报设置");
  if (!sheet) throw new Error("no 通报设置 sheet");
  const rows = new Map<string, string>();
  for (let r = 1; sheet.cells[`A${r}`]; r++) rows.set(cellText(sheet.cells[`A${r}`]), cellText(sheet.cells[`B${r}`]));
  return rows;
}

function sheetValues(model: WorkbookModel, sheet: string): Record<string, string> {
  const s = model.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return Object.fromEntries(Object.entries(s.cells).map(([k, c]) => [k, cellText(c)]).filter(([, v]) => v !== ""));
}

describe("first load", () => {
  it(`taskpane.html loads less than ${FIRST_LOAD_BUDGET / 1024} KB gzip of the add-in's own scripts`, () => {
    const files = firstLoadSizes();
    expect(files.length).toBeGreaterThan(0);
    const total = files.reduce((n, f) => n + f.gzip, 0);
    console.log(`pane first load: ${files.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)} KB`).join(", ")}; total ${(total / 1024).toFixed(1)} KB gzip`);
    expect(total).toBeLessThan(FIRST_LOAD_BUDGET);
  });
});

describe("task pane in headless Chromium", { timeout: 90_000 }, () => {
  it("detects the sheet, checks it, selects the problem's cell and writes the notice", async () => {
    const page = await openPane({ model: "variant" });
    const tti = await page.evaluate(() => performance.getEntriesByName("pane-ready")[0]?.startTime ?? NaN);
    console.log(`pane time to interactive (navigation start → first analysis shown): ${tti.toFixed(0)} ms`);
    expect(tti).toBeGreaterThan(0);

    // Detection.
    await expect.poll(() => page.textContent("[data-testid=detected-sheet]")).toBe(TRACKING);
    expect(await page.textContent("[data-testid=detected-header]")).toBe("第3、4行");
    // Before generating: who signs, and when.
    expect(await page.textContent("[data-testid=signing]")).toMatch(/^以区人民政府办公室名义，\d{4}年\d{1,2}月\d{1,2}日落款修改$/);
    expect(await page.textContent("[data-testid=category-table]")).toContain("25.00%");

    // Check: the variant sample's one problem, at G18.
    await page.click("button[data-action=check]");
    await page.waitForSelector("[data-message-kind]");
    expect(await page.textContent("[data-testid=message-text]")).toContain("共20项任务");
    const issue = page.locator(`button[data-cell="${TRACKING}!G18"]`);
    await expect.poll(() => issue.count()).toBe(1);
    expect(await issue.textContent()).toContain("未填写原因");

    // Clicking the problem selects its cell in "Excel".
    await issue.click();
    await expect.poll(() => page.evaluate(() => window.__harness.model().selection)).toBe(`${TRACKING}!G18`);
    expect(await page.evaluate(() => window.__harness.model().activeSheet)).toBe(TRACKING);

    // Generate, within the one-click budget of 3 syncs (the notice sheet shown in the last one).
    const before = sheetValues(samples.variant!, TRACKING);
    const syncsBefore = await page.evaluate(() => window.__harness.excel!.syncCount);
    await page.click("button[data-action=generate]");
    // Written, and the sample's one warning (G18) is still there: said so, in the warning colour.
    await page.waitForSelector("[data-message-kind=warning]", { timeout: 20_000 });
    expect(await page.textContent("[data-testid=message-title]")).toBe("已生成，仍有1个警告");
    expect(await page.textContent("[data-testid=message-text]")).toBe(
      `已写入工作表“${NOTICE}”：共20项任务，标记未完成5项。部门情况：14个牵头部门，红灯5个、黄灯0个、绿灯9个，已写入工作表“一季度部门情况”。`,
    );
    expect(await page.evaluate(() => window.__harness.model().activeSheet)).toBe(NOTICE);
    expect((await page.evaluate(() => window.__harness.excel!.syncCount)) - syncsBefore).toBeLessThanOrEqual(3);
    // The sheet list has the new sheet.
    expect(await page.locator("select option").allTextContents()).toContain(NOTICE);
    // Keyboard users keep their place: the button stayed focusable while the action ran.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-action"))).toBe("generate");
    expect(await harnessErrors(page)).toEqual([]);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT });

    // What the workbook holds afterwards, through an .xlsx file.
    const saved = await roundTrip(await page.evaluate(() => window.__harness.model()), "variant-after");
    const notice = saved.sheets.find((s) => s.name === NOTICE);
    expect(notice, "notice sheet").toBeDefined();
    const noticeText = Object.values(notice!.cells).map(cellText).join("\n");
    expect(noticeText).toContain("督查通报");
    expect(noticeText).toContain(NOTICE_MARKER);
    expect(noticeText).toContain("第14项");
    const tracking = saved.sheets.find((s) => s.name === TRACKING)!;
    const ours = tracking.conditionalFormats.filter((cf) => cf.formula?.includes(HIGHLIGHT_MARKER));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.flatMap((cf) => cf.ranges).length).toBe(5); // five missed tasks
    expect(sheetValues(saved, TRACKING)).toEqual(before);
    await page.close();
  });

  it("ranks the departments with their lights against the previous quarter; one chosen by keyboard narrows the missed tasks until its chip clears it", async () => {
    const page = await openPane({ model: "twoQuarters" });
    expect(await page.textContent("[data-testid=comparison]")).toBe(
      "与二季度相比：连续两个季度未完成7项，新增未完成1项，已解决1项，新增暂不实施0项（取自工作表“二季度调度表”）。",
    );
    const housing = page.locator("[data-testid=department-table] tr[data-department=区住建局]");
    expect(await housing.locator("td").allTextContents()).toEqual(["24", "区住建局", "红", "4/12", "58.33%", "+1"]);
    // Every name keeps at least four characters a line in a 360 px pane.
    const nameWidth = await housing.locator("button").evaluate((b) => b.getBoundingClientRect().width);
    expect(nameWidth).toBeGreaterThan(4 * 12);

    await page.click("[data-section=missed] button");
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    expect(await page.locator("[data-testid=missed-list] li").count()).toBe(8);
    await housing.locator("button").focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-testid=department-filter]");
    expect(await page.textContent("[data-testid=department-filter]")).toBe("只看：区住建局✕");
    expect(await page.locator("[data-testid=missed-list] li").evaluateAll((items) => items.map((li) => li.getAttribute("data-task")))).toEqual(["32", "45", "50", "71"]);

    mkdirSync(path.dirname(DEPARTMENTS_SCREENSHOT), { recursive: true });
    await page.evaluate(() => window.scrollTo(0, document.querySelector("[data-section=departments]")!.getBoundingClientRect().top + window.scrollY - 40));
    await page.screenshot({ path: DEPARTMENTS_SCREENSHOT });

    await page.locator("[data-testid=department-filter]").focus();
    await page.keyboard.press("Space");
    await page.waitForSelector("[data-testid=department-filter]", { state: "detached" });
    expect(await page.locator("[data-testid=missed-list] li").count()).toBe(8);
    expect(await harnessErrors(page)).toEqual([]);
    await page.close();
  });

  it("clears its marks and keeps the departments' content", async () => {
    const page = await openPane({ model: "variant" });
    await page.click("button[data-action=highlight]");
    await page.waitForSelector("[data-message-kind=success]");
    expect(await page.textContent("[data-testid=message-text]")).toBe("已标记5项未完成任务。");
    await page.click("button[data-action=clear]");
    await expect.poll(() => page.textContent("[data-testid=message-text]")).toBe("已清除本工具添加的未完成标记。");
    const model = await page.evaluate(() => window.__harness.model());
    const tracking = model.sheets.find((s) => s.name === TRACKING)!;
    expect(tracking.conditionalFormats.filter((cf) => cf.formula?.includes(HIGHLIGHT_MARKER))).toEqual([]);
    expect(sheetValues(model, TRACKING)).toEqual(sheetValues(samples.variant!, TRACKING));
    // Again: nothing left to clear.
    await page.click("button[data-action=clear]");
    await expect.poll(() => page.textContent("[data-testid=message-text]")).toBe("没有需要清除的标记。");
    await page.close();
  });

  it("saves a corrected column in the 通报设置 sheet and uses it", async () => {
    const page = await openPane({ model: "variant" });
    await page.click("[data-section=mapping] button");
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    const contact = page.locator("select[data-field=contact]");
    await contact.selectOption("H");
    // H is 下一步工作's column: the preview (the core's own rule) says it will no longer be read.
    expect(await page.textContent("[data-testid=mapping-dropped]")).toBe("下一步工作将不再读取（H列改作联系人）。");
    await page.getByRole("button", { name: "应用" }).click();
    await page.waitForSelector("[data-message-kind=success]");
    const saved = await page.evaluate(() => window.__harness.model());
    expect(settingsRows(saved).get("列：联系人")).toBe("H");
    expect(saved.settings.supervisionNotice).toBeUndefined();
    // The next analysis reads the contact from column H.
    expect(await page.textContent("[data-testid=detected-columns] [data-field=contact] td")).toBe("H");
    await page.close();
  });

  it("saves the settings form to the 通报设置 sheet, which the command line then reads", async () => {
    const page = await openPane({ model: "variant" });
    // The signing line's link opens the settings at the issuer.
    await page.click("[data-testid=change-signing]");
    const issuer = page.locator("[data-setting=issuer]");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-setting"))).toBe("issuer");
    await issuer.fill("淄川区人民政府办公室");
    await page.locator("[data-setting=decimals]").fill("1");
    await page.locator("[data-setting=feedbackDays]").fill("10");
    await page.getByRole("button", { name: "保存设置" }).click();
    await page.waitForSelector("[data-message-kind=success]");
    expect(await page.textContent("[data-testid=signing]")).toContain("以淄川区人民政府办公室名义");
    expect(await harnessErrors(page)).toEqual([]);

    // The sheet holds the values, as text, with every key of a new settings sheet.
    const saved = await roundTrip(await page.evaluate(() => window.__harness.model()), "variant-settings");
    const rows = settingsRows(saved);
    expect(rows.get("落款单位")).toBe("淄川区人民政府办公室");
    expect(rows.get("小数位数")).toBe("1");
    expect(rows.get("反馈期限（天）")).toBe("10");
    expect(rows.has("措辞：结尾")).toBe(true);
    // What the command line reads from that file.
    const read = parseSettingsSheet({ name: "通报设置", values: [...rows].map(([k, v]) => [k, v]), merges: [] });
    expect(read.settings).toEqual({ issuer: "淄川区人民政府办公室", decimals: 1, feedbackDays: 10 });
    expect(read.issues).toEqual([]);

    // Generating now signs with it and rounds to one decimal; the settings sheet is not changed by it.
    await page.click("button[data-action=generate]");
    await page.waitForSelector("[data-message-kind=warning]", { timeout: 20_000 });
    const after = await page.evaluate(() => window.__harness.model());
    const notice = Object.values(after.sheets.find((s) => s.name === NOTICE)!.cells).map(cellText).join("\n");
    expect(notice).toContain("淄川区人民政府办公室");
    expect(notice).toMatch(/\d+\.\d%/);
    expect(settingsRows(after)).toEqual(rows);
    await page.close();
  });

  it("says in Chinese when the workbook has no tracking table", async () => {
    const page = await openPane({ model: "noTable" });
    await page.waitForSelector("[data-message-kind=error]");
    expect(await page.textContent("[data-testid=message-text]")).toContain("找不到调度表");
    await page.close();
  });

  it("names the Excel needed and disables the actions below ExcelApi 1.6", async () => {
    const page = await openPane({ model: "variant", api: "1.5" });
    expect(await page.textContent("[data-testid=too-old]")).toContain("ExcelApi 1.6");
    for (const action of ["check", "highlight", "clear", "generate"]) {
      expect(await page.locator(`button[data-action=${action}]`).isDisabled()).toBe(true);
    }
    await page.close();
  });

  it("speaks English when Office's display language is English", async () => {
    const page = await openPane({ model: "variant", lang: "en-US" });
    expect(await page.textContent("button[data-action=generate]")).toBe("Write notice");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en-US");
    await page.close();
  });
});

describe("ribbon command on the built commands page", { timeout: 90_000 }, () => {
  /** Presses the button on a page (a new one unless given); how often the command completed and how many syncs it made. */
  async function runCommand(options: Record<string, string>, on?: Page) {
    const page = on ?? (await browser.context.newPage());
    if (!on) await page.goto(server.pageUrl("commands", options));
    await page.waitForFunction(() => typeof window.__harness?.associations.generateNotice === "function", null, { timeout: 20_000 });
    const { completed, syncs } = await page.evaluate(async () => {
      let calls = 0;
      const before = window.__harness.excel!.syncCount;
      const event = { source: { id: "GenerateButton" }, completed: () => void calls++ };
      await window.__harness.associations.generateNotice!(event);
      return { completed: calls, syncs: window.__harness.excel!.syncCount - before };
    });
    return { page, completed, syncs };
  }

  it("writes the notice with the stored preferences, shows it, reports in a dialog and completes", async () => {
    const { page, completed, syncs } = await runCommand({ model: "q3", dialog: "1" });
    expect(completed).toBe(1);
    expect(syncs).toBeLessThanOrEqual(3);
    const model = await page.evaluate(() => window.__harness.model());
    expect(model.activeSheet).toBe("三季度督查通报");
    const saved = await roundTrip(model, "q3-after");
    const notice = saved.sheets.find((s) => s.name === "三季度督查通报");
    expect(notice).toBeDefined();
    expect(Object.values(notice!.cells).map(cellText).join("")).toContain("99项重点工作任务中");
    const dialogs = await page.evaluate(() => window.__harness.dialogs);
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]!.closed).toBe(true);

    // The result page shows what the command passed.
    const dialog = await browser.context.newPage();
    await dialog.goto(dialogs[0]!.url);
    expect(await dialog.textContent("#result-title")).toBe("督查通报已生成");
    expect(await dialog.textContent("#result-lines")).toContain("已标记未完成任务8项");
    await dialog.close();

    // Pressed again: the notice sheet is replaced, still within 3 syncs.
    const again = await runCommand({}, page);
    expect(again.completed).toBe(1);
    expect(again.syncs).toBeLessThanOrEqual(3);
    const after = await page.evaluate(() => window.__harness.model());
    expect(after.sheets.filter((s) => s.name === "三季度督查通报")).toHaveLength(1);
    expect(after.activeSheet).toBe("三季度督查通报");
    await page.close();
  });

  it("reports the blocking problem and still completes; without the Dialog API it stays silent", async () => {
    const blocked = await runCommand({ model: "taken", dialog: "1" });
    expect(blocked.completed).toBe(1);
    const dialogs = await blocked.page.evaluate(() => window.__harness.dialogs);
    const query = new URL(dialogs[0]!.url).searchParams;
    expect(query.get("kind")).toBe("error");
    expect(query.getAll("line").join("")).toContain("已有名为“三季度督查通报”的工作表");
    const sheet = (await blocked.page.evaluate(() => window.__harness.model())).sheets.find((s) => s.name === "三季度督查通报")!;
    expect(sheet.cells.A1?.value).toBe("局务会议纪要");
    await blocked.page.close();

    const silent = await runCommand({ model: "q3" });
    expect(silent.completed).toBe(1);
    expect(await silent.page.evaluate(() => window.__harness.dialogs.length)).toBe(0);
    expect(await silent.page.evaluate(() => window.__harness.model().sheets.some((s) => s.name === "三季度督查通报"))).toBe(true);
    await silent.page.close();
  });
});
