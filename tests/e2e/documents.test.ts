/**
 * The pane's Word documents in headless Chromium (the built add-in, the real
 * office.js, the strict Excel double; see pane.test.ts): Word版通报 and
 * 督办单 start real downloads, as in Excel on the web and on Windows, and the
 * document code loads only when asked for.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type Browser } from "./harness/browser";
import { startHarness, type HarnessServer } from "./harness/server";

let server: HarnessServer;
let browser: Browser;

beforeAll(async () => {
  server = await startHarness();
  browser = await launchBrowser({ width: 360, height: 900 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("Word documents from the pane", { timeout: 90_000 }, () => {
  it("downloads the notice as a .docx and the 督办单 as a .zip, loading the document code on the first click", async () => {
    const page = await browser.context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(server.pageUrl("taskpane", { model: "q3" }));
    await page.waitForSelector("main[data-ready]", { timeout: 20_000 });
    const before = scripts.length;

    const [docx] = await Promise.all([page.waitForEvent("download"), page.click("button[data-action=docx]")]);
    expect(docx.suggestedFilename()).toBe("三季度督查通报.docx");
    const xml = await (await JSZip.loadAsync(readFileSync((await docx.path())!))).file("word/document.xml")!.async("string");
    expect(xml).toContain("关于《政府工作报告》");
    await page.waitForSelector("[data-message-kind=success]");
    expect(await page.textContent("[data-testid=message-text]")).toBe("已生成“三季度督查通报.docx”，已交给浏览器下载。");
    expect(await page.getAttribute("[data-testid=save-again]", "download")).toBe("三季度督查通报.docx");
    // The docx and jszip code came with the click, not with the pane.
    expect(scripts.length).toBeGreaterThan(before);

    const [zip] = await Promise.all([page.waitForEvent("download"), page.click("button[data-action=letters]")]);
    expect(zip.suggestedFilename()).toBe("三季度督查通报-督办单.zip");
    const letters = await JSZip.loadAsync(readFileSync((await zip.path())!));
    expect(Object.keys(letters.files)).toHaveLength(6);
    expect(await page.evaluate(() => window.__harness.errors)).toEqual([]);
    await page.close();
  });

  it("download.html saves the file it is given in its address", async () => {
    const page = await browser.context.newPage();
    const bytes = Buffer.from("PK\u0003\u0004 demo");
    const hash = new URLSearchParams({ name: "区住建局.docx", type: "application/octet-stream", data: bytes.toString("base64") }).toString();
    const [download] = await Promise.all([page.waitForEvent("download"), page.goto(`${server.origin}/app/download.html#${hash}`)]);
    expect(download.suggestedFilename()).toBe("区住建局.docx");
    expect(readFileSync((await download.path())!)).toEqual(bytes);
    // The file does not stay in the address.
    expect(new URL(page.url()).hash).toBe("");
    await page.close();
  });
});
