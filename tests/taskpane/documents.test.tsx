// @vitest-environment jsdom
/**
 * The pane's Word documents: Word版通报 and 督办单 on the strict Excel double
 * hand the user a .docx and a .zip made from the notice of a fresh check;
 * nothing in the workbook changes. And how a file reaches the user in each
 * webview (deliver.ts): a download link, EdgeHTML's save prompt, or on a
 * Mac the default browser through download.html.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import path from "node:path";
import JSZip from "jszip";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { detectFeatures } from "../../src/hosts/officejs";
import { App } from "../../src/taskpane/App";
import { MAX_BROWSER_URL, downloadPageUrl, fileInFragment, fromBase64, saveFile, toBase64, type SaveEnvironment } from "../../src/taskpane/deliver";
import { EN_US, ZH_CN, type Strings } from "../../src/taskpane/i18n";
import { ExcelDouble } from "../excel-double";
import { loadModel } from "../excel-double/xlsx";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;
let restore: (() => void) | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
  root = container = null;
  delete document.body.dataset.ready;
  restore?.();
  restore = null;
});

async function waitFor(check: () => void, timeout = 20_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() - start > timeout) throw e;
      await act(async () => new Promise((r) => setTimeout(r, 20)));
    }
  }
}

/** A save environment that records what it was given. */
function recorder(platform: string | null = "PC", browser = false) {
  const files: { name: string; blob?: Blob; url?: string }[] = [];
  const clicked: HTMLAnchorElement[] = [];
  const env: SaveEnvironment = {
    platform,
    openBrowserWindow: browser ? (url) => files.push({ name: "browser", url }) : null,
    msSaveOrOpenBlob: null,
    baseUrl: "https://oa.example.gov.cn/dctb/taskpane.html",
    document,
    createObjectURL: (blob) => {
      files.push({ name: "blob", blob });
      return `blob:test/${files.length}`;
    },
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicked.push(this);
  };
  return { env, files, clicked, undo: () => void (HTMLAnchorElement.prototype.click = click) };
}

async function pane(strings: Strings, env: SaveEnvironment) {
  const model = await loadModel(path.resolve("samples/tracking-2025-q3.xlsx"));
  const before = JSON.stringify(model);
  const excel = new ExcelDouble(model);
  restore = excel.install();
  container = document.body.appendChild(document.createElement("div"));
  const r = createRoot(container);
  root = r;
  const deps = { features: detectFeatures(), run: (batch: never) => excel.run(batch), today: () => "2025-10-29", saveEnvironment: () => env };
  await act(async () => r.render(<FluentProvider theme={webLightTheme}>{<App strings={strings} deps={deps as never} />}</FluentProvider>));
  await waitFor(() => expect(container!.querySelector("main[data-ready]")).not.toBeNull());
  return { view: container, model, before };
}

async function press(view: HTMLElement, action: string): Promise<void> {
  const button = view.querySelector(`button[data-action=${action}]`)!;
  await act(async () => void button.dispatchEvent(new MouseEvent("click", { bubbles: true })));
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

describe("Word版通报 and 督办单 in the pane", { timeout: 60_000 }, () => {
  it("saves the notice as a .docx through a download link, offers the link again, and changes nothing in the workbook", async () => {
    const saving = recorder();
    try {
      const { view, model, before } = await pane(ZH_CN, saving.env);
      await press(view, "docx");
      await waitFor(() => expect(view.querySelector("[data-message-kind=success]")).not.toBeNull());
      expect(view.querySelector("[data-testid=message-text]")!.textContent).toBe("已生成“三季度督查通报.docx”，已交给浏览器下载。");
      expect(saving.clicked.map((a) => a.download)).toEqual(["三季度督查通报.docx"]);
      const again = view.querySelector<HTMLAnchorElement>("[data-testid=save-again]")!;
      expect(again.getAttribute("href")).toBe(saving.clicked[0]!.getAttribute("href"));
      expect(again.getAttribute("download")).toBe("三季度督查通报.docx");
      const blob = saving.files.find((f) => f.blob)!.blob!;
      expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      const xml = await (await JSZip.loadAsync(await bytesOf(blob))).file("word/document.xml")!.async("string");
      expect(xml).toContain("关于《政府工作报告》");
      expect(xml).toContain('w:linePitch="579"');
      expect(JSON.stringify(model)).toBe(before);
    } finally {
      saving.undo();
    }
  });

  it("saves the 督办单 as one .zip, a .docx per lagging department", async () => {
    const saving = recorder();
    try {
      const { view } = await pane(ZH_CN, saving.env);
      await press(view, "letters");
      await waitFor(() => expect(view.querySelector("[data-message-kind=success]")).not.toBeNull());
      expect(view.querySelector("[data-testid=message-text]")!.textContent).toBe("已生成6份督办单，打包为“三季度督查通报-督办单.zip”，已交给浏览器下载。");
      const zip = await JSZip.loadAsync(await bytesOf(saving.files.find((f) => f.blob)!.blob!));
      expect(Object.keys(zip.files).sort()).toEqual(["区住建局.docx", "区发改局.docx", "区教体局.docx", "区水利局.docx", "区自然资源局.docx", "区财政局.docx"].sort());
    } finally {
      saving.undo();
    }
  });

  it("on a Mac opens download.html in the default browser with the file in the address's fragment", async () => {
    const saving = recorder("Mac", true);
    try {
      const { view } = await pane(EN_US, saving.env);
      await press(view, "docx");
      await waitFor(() => expect(view.querySelector("[data-message-kind=success]")).not.toBeNull());
      expect(view.querySelector("[data-testid=message-text]")!.textContent).toMatch(/default browser opened a page that saves it/);
      expect(view.querySelector("[data-testid=save-again]")).toBeNull();
      const opened = saving.files.find((f) => f.name === "browser")!.url!;
      expect(opened.startsWith("https://oa.example.gov.cn/dctb/download.html#")).toBe(true);
      const file = fileInFragment(new URL(opened).hash)!;
      expect(file.name).toBe("三季度督查通报.docx");
      expect((await JSZip.loadAsync(file.bytes)).file("word/document.xml")).not.toBeNull();
      expect(saving.clicked).toEqual([]);
    } finally {
      saving.undo();
    }
  });
});

describe("saving a file", () => {
  const bytes = new Uint8Array([80, 75, 3, 4, 0, 255, 128, 7]);

  it("round-trips bytes through base64 and download.html's fragment", () => {
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    const big = new Uint8Array(200_000).map((_, i) => i % 251);
    expect(fromBase64(toBase64(big))).toEqual(big);
    const url = downloadPageUrl("https://x.example/app/taskpane.html?a=1", "区住建局 & 其他.zip", "application/zip", bytes);
    expect(url.startsWith("https://x.example/app/download.html#")).toBe(true);
    expect(fileInFragment(new URL(url).hash)).toEqual({ name: "区住建局 & 其他.zip", type: "application/zip", bytes });
    expect(fileInFragment("")).toBeNull();
    expect(fileInFragment("#name=a.docx&data=%%%")).toBeNull();
  });

  it("uses EdgeHTML's save prompt where there is one", () => {
    const saved: string[] = [];
    const env: SaveEnvironment = { platform: "PC", openBrowserWindow: null, msSaveOrOpenBlob: (_b, name) => saved.push(name) > 0, baseUrl: "https://x/", document, createObjectURL: () => "blob:x" };
    expect(saveFile("a.docx", bytes, "application/octet-stream", env)).toEqual({ way: "download", url: null });
    expect(saved).toEqual(["a.docx"]);
  });

  it("falls back on a download link on a Mac without OpenBrowserWindowApi, or for a file too large for an address", () => {
    const saving = recorder("Mac", false);
    try {
      expect(saveFile("a.docx", bytes, "application/octet-stream", saving.env).way).toBe("download");
      const withBrowser = recorder("Mac", true);
      const huge = new Uint8Array(MAX_BROWSER_URL);
      expect(saveFile("b.zip", huge, "application/zip", withBrowser.env).way).toBe("download");
      expect(withBrowser.files.some((f) => f.name === "browser")).toBe(false);
      withBrowser.undo();
    } finally {
      saving.undo();
    }
  });
});
