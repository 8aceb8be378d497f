/**
 * The Word documents, checked in their XML: page size and margins, the
 * document grid and exact line pitch, fonts per run, the title's lines,
 * the issuer's and date's places, odd and even page-number footers without
 * a stray indent; the 督办单 one file per lagging department with exactly
 * its missed tasks. (That they render and keep their text through
 * LibreOffice is checked by scripts/render-check.ts, run by .ci/run.)
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { GBT9704, layoutPages, prepareNotice, type NoticeModel } from "../src/core";
import { BODY_CHARACTER_SPACING, letterFileName, lettersZip, noticeDocx, noticeDocxName } from "../src/documents";
import { GOLDEN_SETTINGS, sampleGrid } from "./helpers/sample";

interface Docx {
  readonly document: string;
  readonly settings: string;
  readonly styles: string;
  readonly footers: Record<string, string>;
  readonly rels: string;
}

async function openDocx(bytes: Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes);
  const text = (name: string) => zip.file(name)!.async("string");
  const footers: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n))) footers[name.slice(5)] = await text(name);
  return { document: await text("word/document.xml"), settings: await text("word/settings.xml"), styles: await text("word/styles.xml"), footers, rels: await text("word/_rels/document.xml.rels") };
}

/** Each paragraph of the body: its properties and its runs (properties and text). */
function paragraphs(xml: string): { pPr: string; runs: { rPr: string; text: string; br: boolean }[]; text: string }[] {
  const body = xml.slice(xml.indexOf("<w:body>"));
  return [...body.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => {
    const inner = m[1]!;
    const pPr = /<w:pPr>(.*?)<\/w:pPr>/s.exec(inner)?.[1] ?? "";
    const runs = [...inner.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((r) => ({
      rPr: /<w:rPr>(.*?)<\/w:rPr>/s.exec(r[1]!)?.[1] ?? "",
      text: [...r[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
      br: r[1]!.includes("<w:br/>"),
    }));
    return { pPr, runs, text: runs.map((r) => r.text).join("") };
  });
}

const attr = (xml: string, element: string, name: string) => new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
const eastAsia = (rPr: string) => /w:eastAsia="([^"]*)"/.exec(rPr)?.[1];
const size = (rPr: string) => Number(/<w:sz w:val="(\d+)"/.exec(rPr)?.[1]) / 2;
const twips = (mm: number) => Math.round((mm / 25.4) * 1440);

let cached: { notice: NoticeModel; docx: Docx } | null = null;
async function sample() {
  if (!cached) {
    const job = prepareNotice(await sampleGrid(), { today: "2025-10-29", settings: GOLDEN_SETTINGS });
    cached = { notice: job.notice, docx: await openDocx(await noticeDocx(job.notice)) };
  }
  return cached;
}

describe("the notice as a Word document", () => {
  it("is A4 with the GB/T 9704 margins and a grid of 22 lines at exactly 28.95 pt", async () => {
    const { docx } = await sample();
    const d = docx.document;
    expect(attr(d, "w:pgSz", "w:w")).toBe(String(twips(210)));
    expect(attr(d, "w:pgSz", "w:h")).toBe(String(twips(297)));
    expect(attr(d, "w:pgMar", "w:top")).toBe(String(twips(37)));
    expect(attr(d, "w:pgMar", "w:bottom")).toBe(String(twips(35)));
    expect(attr(d, "w:pgMar", "w:left")).toBe(String(twips(28)));
    expect(attr(d, "w:pgMar", "w:right")).toBe(String(twips(26)));
    expect(attr(d, "w:docGrid", "w:linePitch")).toBe("579");
    expect(attr(d, "w:docGrid", "w:type")).toBe("lines");
    // 22 lines of 579 twips fill the 225 mm text block; a 23rd does not fit.
    const block = twips(297) - twips(37) - twips(35);
    expect(22 * 579).toBeLessThanOrEqual(block);
    expect(23 * 579).toBeGreaterThan(block);
    // Every paragraph on the grid, and no widow/orphan control to end a page early.
    for (const p of paragraphs(d)) {
      expect(p.pPr).toContain('w:line="579"');
      expect(p.pPr).toContain('w:lineRule="exact"');
      expect(p.pPr).toContain('<w:widowControl w:val="false"/>');
      expect(p.pPr).toContain("<w:overflowPunct/>");
    }
  });

  it("sets 28 characters a line: 16 pt runs 0.25 pt closer fit the 156 mm line", async () => {
    const { docx } = await sample();
    expect(BODY_CHARACTER_SPACING).toBe(-5);
    expect(28 * (GBT9704.body.size + BODY_CHARACTER_SPACING / 20)).toBeLessThanOrEqual((156 / 25.4) * 72);
    const body = paragraphs(docx.document).filter((p) => p.text.startsWith("未完成原因"));
    expect(body.length).toBe(8);
    for (const p of body) for (const r of p.runs) expect(r.rPr).toContain(`<w:spacing w:val="${BODY_CHARACTER_SPACING}"/>`);
  });

  it("writes the title in 22 pt 方正小标宋简体, centred, broken where the page model breaks it", async () => {
    const { docx, notice } = await sample();
    const title = paragraphs(docx.document)[0]!;
    expect(title.pPr).toContain('<w:jc w:val="center"/>');
    expect(title.runs.map((r) => r.text)).toEqual(layoutPages(notice).lines.filter((l) => l.style === "title").map((l) => l.text));
    expect(title.runs.map((r) => r.br)).toEqual([false, true]);
    for (const r of title.runs) {
      expect(eastAsia(r.rPr)).toBe("方正小标宋简体");
      expect(size(r.rPr)).toBe(22);
    }
    // One blank line below the title.
    expect(paragraphs(docx.document)[1]!.text).toBe("");
  });

  it("sets every run's East-Asian font: 仿宋_GB2312 for the body, 黑体 for 一、 headings; body indented two characters", async () => {
    const { docx } = await sample();
    const ps = paragraphs(docx.document);
    const headings = ps.filter((p) => /^[一二三]、/.test(p.text));
    expect(headings.map((p) => p.text)).toEqual(["一、未完成季度目标任务具体情况", "二、暂不实施目标任务开展情况", "三、待确定季度目标任务情况"]);
    for (const h of headings) for (const r of h.runs) expect(eastAsia(r.rPr)).toBe("黑体");
    const body = ps.filter((p) => p.text.startsWith("第30项"))[0]!;
    expect(body.runs.every((r) => eastAsia(r.rPr) === "仿宋_GB2312" && /w:ascii="仿宋_GB2312"/.test(r.rPr) && size(r.rPr) === 16)).toBe(true);
    expect(body.pPr).toContain('w:firstLineChars="200"');
    expect(body.pPr).toContain('<w:jc w:val="both"/>');
    // The Normal style says 16 pt 仿宋_GB2312 too, and carries no indent a footer could inherit.
    const normal = /<w:style w:type="paragraph" w:styleId="Normal"[^>]*>(.*?)<\/w:style>/s.exec(docx.styles)![1]!;
    expect(normal).toContain('w:eastAsia="仿宋_GB2312"');
    expect(normal).toContain('<w:sz w:val="32"/>');
    expect(normal).not.toContain("<w:ind");
  });

  it("sets the issuer two characters from the right and the date two characters right of it", async () => {
    const { docx } = await sample();
    const ps = paragraphs(docx.document);
    const [issuer, date] = ps.slice(-2);
    expect(issuer!.text).toBe("淄川区人民政府办公室");
    expect(date!.text).toBe("2025年10月29日");
    const left = (p: { pPr: string }) => Number(attr(p.pPr, "w:ind", "w:left"));
    const char = 16 * 20 + BODY_CHARACTER_SPACING;
    expect(left(issuer!)).toBe(Math.round(16 * char));
    expect(left(date!)).toBe(Math.round(18 * char));
    expect(left(issuer!) + 10 * char).toBeLessThanOrEqual(twips(156) - 2 * char);
    // One blank line between the text and the issuer.
    expect(ps[ps.length - 3]!.text).toBe("");
  });

  it("numbers pages — 1 — in 14 pt 宋体, odd pages right and even pages left, one character in, no first-line indent", async () => {
    const { docx } = await sample();
    expect(docx.settings).toContain("<w:evenAndOddHeaders/>");
    const ref = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(docx.document)![1]!;
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(docx.rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(docx.rels)![1]!;
    };
    const odd = docx.footers[ref("default")]!;
    const even = docx.footers[ref("even")]!;
    for (const [xml, side] of [
      [odd, "right"],
      [even, "left"],
    ] as const) {
      expect(xml).toContain(`<w:jc w:val="${side}"/>`);
      expect(attr(xml, "w:ind", `w:${side}`)).toBe(String(14 * 20));
      expect(attr(xml, "w:ind", "w:firstLine")).toBe("0");
      expect(xml).not.toContain("firstLineChars");
      expect(xml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(xml).toContain(">— <");
      expect(xml).toContain("> —<");
      expect(xml).toContain('w:eastAsia="宋体"');
      expect(xml).toContain('w:ascii="宋体"');
      expect(xml).toContain('<w:sz w:val="28"/>');
    }
    // The page number's middle 7 mm below the text block: its line ends about 3 mm lower.
    const footer = Number(attr(docx.document, "w:pgMar", "w:footer"));
    expect(footer).toBeGreaterThan(twips(24));
    expect(footer).toBeLessThan(twips(26));
  });

  it("holds the notice's text, paragraph for paragraph", async () => {
    const { docx, notice } = await sample();
    expect(paragraphs(docx.document).map((p) => p.text)).toEqual(notice.paragraphs.map((p) => p.text));
    expect(noticeDocxName(notice)).toBe("三季度督查通报.docx");
  });

  it("sets a （一） heading in 楷体_GB2312 up to its full stop", async () => {
    const { notice } = await sample();
    const model: NoticeModel = { ...notice, paragraphs: [...notice.paragraphs.slice(0, 3), { role: "body", text: "（一）加快工业转型升级。全年新增规上企业20家。" }] };
    const p = paragraphs((await openDocx(await noticeDocx(model))).document)[3]!;
    expect(p.runs.map((r) => [r.text, eastAsia(r.rPr)])).toEqual([
      ["（一）加快工业转型升级。", "楷体_GB2312"],
      ["全年新增规上企业20家。", "仿宋_GB2312"],
    ]);
  });
});

describe("the 督办单 as Word documents", () => {
  it("makes one file per lagging department of the sample, named after it, each with exactly its missed tasks", async () => {
    const { notice } = await sample();
    const zip = await JSZip.loadAsync(await lettersZip(notice.letters));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(["区住建局.docx", "区发改局.docx", "区教体局.docx", "区水利局.docx", "区自然资源局.docx", "区财政局.docx"].sort());
    const missed = ["30", "32", "45", "48", "50", "71", "78", "90"];
    for (const letter of notice.letters) {
      const docx = await openDocx(await zip.file(letterFileName(letter))!.async("uint8array"));
      const texts = paragraphs(docx.document).map((p) => p.text);
      expect(texts[0]).toBe("督办通知单");
      expect(texts[1]).toBe(letter.number);
      expect(texts).toContain(`${letter.department}：`);
      const listed = missed.filter((id) => texts.some((t) => t.startsWith(`第${id}项“`)));
      expect(listed, letter.department).toEqual([...letter.taskIds]);
      expect(texts).toContain("请于2025年11月13日前将办理情况书面反馈区政府督查室。");
      expect(texts.slice(-2)).toEqual(["区政府督查室", "2025年10月29日"]);
      // The same page as the notice.
      expect(attr(docx.document, "w:docGrid", "w:linePitch")).toBe("579");
      expect(Object.keys(docx.footers).length).toBe(2);
    }
    const both = notice.letters.filter((l) => l.taskIds.includes("30")).map((l) => l.department);
    expect(both).toEqual(["区财政局", "区自然资源局"]);
  });
});

describe("the documents module", () => {
  it("is pure of Office and Node, so the task pane can use it", () => {
    const dir = path.resolve("src/documents");
    for (const file of readdirSync(dir)) {
      const source = readFileSync(path.join(dir, file), "utf8");
      const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);
      for (const i of imports) expect(i, `${file} imports ${i}`).toMatch(/^(docx|jszip|\.\.\/core|\.\/[\w-]+)$/);
      expect(source).not.toMatch(/\b(Office|Excel)\.|process\.|require\(/);
    }
  });
});
