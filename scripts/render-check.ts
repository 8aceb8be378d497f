/**
 * The notice as printed, checked in LibreOffice (run by .ci/run after
 * `npm test`, which installs what it needs; never part of `npm test`):
 * the command line writes the sample's notice sheet, the Word document and
 * the 督办单; LibreOffice turns them into PDF; pdftotext reads every line
 * back with its position. For the sheet and for the documents:
 *
 * - every line sits on the 22-line grid of GB/T 9704 and every page but
 *   the last holds 22 lines (its last line on the 22nd), unless what
 *   follows may not begin alone (a heading, the issuer with its date);
 * - no line starts with closing punctuation (。，、；：？！）》”’…) or ends
 *   with opening punctuation (（《“‘…);
 * - no text is lost: the sheet's printed text, and the Word document's
 *   text as LibreOffice reads it (its text export), are the golden notice;
 * - page numbers `— n —` count from 1, odd pages right and even pages left
 *   one character in, their middle 7 mm below the text block;
 * - the sheet's lines stay inside the 156 mm text block.
 *
 *   node --import tsx scripts/render-check.ts          check
 *   node --import tsx scripts/render-check.ts --docs   check, and write page 1 of each as docs/*.png (the README's pictures)
 *
 * Needs soffice (libreoffice-calc-nogui, libreoffice-writer-nogui),
 * pdftotext and pdftoppm (poppler-utils) and CJK fonts (fonts-noto-cjk);
 * fonts-crosextra-carlito gives Calibri's widths, by which column widths
 * are measured.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { GBT9704, analyse, departmentSheetTitle } from "../src/core";
import { readWorkbookGrid } from "../src/hosts/xlsx-package";
import { NO_LINE_END, NO_LINE_START } from "../src/core/layout/line-break";
import { LINE_ROW_HEIGHT, PRINT_SCALE } from "../src/core/layout/notice-sheet";

const SOFFICE = process.env.SOFFICE ?? "soffice";
const writeDocs = process.argv.includes("--docs");
const dir = mkdtempSync(path.join(tmpdir(), "notice-render-"));
const profile = pathToFileURL(path.join(dir, "profile")).href;
const PT_PER_MM = 72 / 25.4;
const mm = (pt: number) => pt / PT_PER_MM;

let failures = 0;
function check(ok: boolean, what: string, detail = ""): void {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${!ok && detail ? `\n     ${detail}` : ""}`);
  if (!ok) failures++;
}

function convert(file: string, to: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", to, "--outdir", outDir, file], { stdio: "pipe", timeout: 240_000 });
  const stem = path.parse(file).name;
  const made = readdirSync(outDir).find((f) => f.startsWith(stem + "."));
  if (!made) throw new Error(`LibreOffice wrote nothing for ${file}`);
  return path.join(outDir, made);
}

interface Line {
  readonly text: string;
  /** Points from the top of the page, of the line's highest glyph box. */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Each page's lines: pdftotext's word boxes, joined where they share a line. */
function pagesOf(pdf: string): Line[][] {
  const xml = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  return [...xml.matchAll(/<page[^>]*>(.*?)<\/page>/gs)].map((page) => {
    const words = [...page[1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      left: Number(m[1]),
      top: Number(m[2]),
      right: Number(m[3]),
      bottom: Number(m[4]),
      text: unescape(m[5]!),
    }));
    words.sort((a, b) => a.top - b.top || a.left - b.left);
    const lines: Line[] = [];
    for (const w of words) {
      const last = lines[lines.length - 1];
      if (last && Math.abs(w.top - last.top) < 3) {
        lines[lines.length - 1] = { text: last.text + w.text, top: Math.min(last.top, w.top), bottom: Math.max(last.bottom, w.bottom), left: Math.min(last.left, w.left), right: Math.max(last.right, w.right) };
      } else lines.push({ ...w });
    }
    return lines;
  });
}

const PAGE_NUMBER = /^—\s*(\d+)\s*—$/;
/** The sample's signatures: the notice's issuer and the letters' office. */
const ISSUERS = new Set(["淄川区人民政府办公室", "区政府督查室"]);
const squash = (s: string) => s.replace(/\s+/g, "");
const golden = readFileSync("tests/golden/notice-2025-q3.txt", "utf8");

/**
 * The grid checks of one document's pages: lines `pitch` apart, slot 0 at
 * the top of the text block, at most 22 slots, 22 on every page but the
 * last; punctuation; page numbers.
 */
function checkPages(what: string, pages: Line[][], pitch: number): void {
  const top = GBT9704.marginsMm.top * PT_PER_MM;
  const blockBottomMm = GBT9704.paperMm.height - GBT9704.marginsMm.bottom;
  const right = (GBT9704.paperMm.width - GBT9704.marginsMm.right) * PT_PER_MM;
  const left = GBT9704.marginsMm.left * PT_PER_MM;
  // Where a text line's glyphs start below its grid line: measured on the first line of page 2 (a body line on slot 0).
  const offset = pages.length > 1 ? pages[1]!.find((l) => !PAGE_NUMBER.test(squash(l.text)))!.top - top : 0;
  const bad: string[] = [];
  const starts: string[] = [];
  pages.forEach((lines, i) => {
    const page = i + 1;
    const text = lines.filter((l) => !PAGE_NUMBER.test(squash(l.text)));
    // A title line set in a stand-in font taller than the grid takes two grid lines in LibreOffice (Word keeps it to one): only body-sized lines must sit on a grid line.
    const bodySized = text.filter((l) => l.bottom - l.top < 1.3 * GBT9704.body.size * 1.1);
    const slots = bodySized.map((l) => (l.top - top - offset) / pitch);
    const off = slots.filter((s) => Math.abs(s - Math.round(s)) > 0.2 && s > 0.5);
    if (off.length > 0) bad.push(`page ${page}: lines off the grid at slots ${off.map((s) => s.toFixed(2)).join(", ")}`);
    const last = Math.max(...slots.map(Math.round));
    if (last > GBT9704.linesPerPage - 1) bad.push(`page ${page}: a line on slot ${last + 1}`);
    // A page ends early only where what follows must not begin alone: a heading, or the issuer kept with the date.
    const next = pages[page]?.find((l) => !PAGE_NUMBER.test(squash(l.text)));
    const kept = next !== undefined && (/^[一二三四五六七八九十]+、/.test(next.text.trim()) || ISSUERS.has(squash(next.text)));
    if (page < pages.length && last !== GBT9704.linesPerPage - 1 && !kept) bad.push(`page ${page}: its last line is on slot ${last + 1}, not 22`);
    for (const l of text) {
      const first = [...l.text.trim()][0] ?? "";
      const end = [...l.text.trim()].pop() ?? "";
      if (NO_LINE_START.has(first) || NO_LINE_END.has(end)) starts.push(`page ${page}: “${l.text}”`);
    }
    // The page number.
    const number = lines.find((l) => PAGE_NUMBER.test(squash(l.text)));
    if (!number) {
      bad.push(`page ${page}: no page number`);
      return;
    }
    const n = Number(PAGE_NUMBER.exec(squash(number.text))![1]);
    if (n !== page) bad.push(`page ${page}: numbered ${n}`);
    const middleMm = mm((number.top + number.bottom) / 2);
    if (Math.abs(middleMm - blockBottomMm - GBT9704.pageNumber.belowTextMm) > 1.5) bad.push(`page ${page}: page number ${(middleMm - blockBottomMm).toFixed(1)} mm below the text block`);
    const inset = GBT9704.pageNumber.size;
    const gap = page % 2 === 1 ? right - number.right : number.left - left;
    if (Math.abs(gap - inset) > 0.35 * inset) bad.push(`page ${page}: page number ${mm(gap).toFixed(1)} mm from the ${page % 2 === 1 ? "right" : "left"} edge of the text block`);
  });
  check(bad.length === 0, `${what}: ${pages.length} pages, 22 lines a page on the ${(pitch / PT_PER_MM).toFixed(2)} mm grid, numbered — n — from 1, odd right, even left, 7 mm below the text`, bad.join("; "));
  check(starts.length === 0, `${what}: no line starts with closing or ends with opening punctuation`, starts.slice(0, 5).join("; "));
}

try {
  // The command line on the sample, with the golden notice's settings.
  const out = path.join(dir, "out");
  mkdirSync(out);
  const workbook = path.join(out, "notice.xlsx");
  const docx = path.join(out, "notice-docx.docx");
  const letters = path.join(out, "letters");
  execFileSync(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "samples/tracking-2025-q3.xlsx", "-o", workbook, "--docx", docx, "--letters", letters, "--government", "淄川区人民政府", "--issuer", "淄川区人民政府办公室", "--date", "2025-10-29"],
    { stdio: "pipe" },
  );

  // The sheet: its pages are those of the workbook's PDF from the one under the title up to the
  // department sheet's, which the tool writes after it (scripts/render-departments.ts checks those).
  const sheetPdf = convert(workbook, "pdf", path.join(dir, "sheet"));
  const all = pagesOf(sheetPdf);
  const first = all.findIndex((lines) => lines.some((l) => l.text.includes("关于《政府工作报告》")));
  check(first >= 0, "sheet: LibreOffice prints the notice sheet");
  const departmentTitle = squash(departmentSheetTitle(analyse(await readWorkbookGrid("samples/tracking-2025-q3.xlsx"), { today: "2025-10-29" })));
  const departments = all.findIndex((lines, i) => i > first && lines.some((l) => squash(l.text).includes(departmentTitle)));
  const sheet = all.slice(first, departments < 0 ? undefined : departments);
  checkPages("sheet", sheet, (LINE_ROW_HEIGHT * PRINT_SCALE) / 100);
  const printed = sheet.flatMap((lines) => lines.filter((l) => !PAGE_NUMBER.test(squash(l.text))).map((l) => l.text)).join("");
  check(squash(printed) === squash(golden), "sheet: the printed text is the golden notice, nothing clipped or lost");
  const outside = sheet.flat().filter((l) => !PAGE_NUMBER.test(squash(l.text)) && (mm(l.left) < GBT9704.marginsMm.left - 0.5 || mm(l.right) > GBT9704.paperMm.width - GBT9704.marginsMm.right + 0.5));
  check(outside.length === 0, "sheet: every line inside the 156 mm text block", outside.map((l) => `${l.text} (${mm(l.left).toFixed(1)}–${mm(l.right).toFixed(1)} mm)`).join("; "));

  // The Word document.
  const docxPdf = convert(docx, "pdf", path.join(dir, "docx"));
  const docPages = pagesOf(docxPdf);
  checkPages("Word document", docPages, GBT9704.linePitchPt);
  const docPrinted = docPages.flatMap((lines) => lines.filter((l) => !PAGE_NUMBER.test(squash(l.text))).map((l) => l.text)).join("");
  check(squash(docPrinted) === squash(golden), "Word document: the printed text is the golden notice, no mark left undrawn");
  // LibreOffice's text export: a line a paragraph, the title's line break as a line of its own.
  const docLines = readFileSync(convert(docx, "txt:Text (encoded):UTF8", path.join(dir, "docx-text")), "utf8").replace(/^\uFEFF/, "").replace(/\r\n/g, "\n").trim().split("\n");
  const goldenLines = golden.trim().split("\n");
  const titleLines = docLines.findIndex((_, i) => docLines.slice(0, i + 1).join("") === goldenLines[0]) + 1;
  check(titleLines > 0 && [docLines.slice(0, titleLines).join(""), ...docLines.slice(titleLines)].join("\n") === goldenLines.join("\n"), "Word document: LibreOffice reads the golden notice back, paragraph for paragraph");

  // The 督办单: one per lagging department; the longest one on the same grid, its text whole.
  const files = readdirSync(letters).sort();
  check(files.length === 6, `督办单: ${files.length} files (${files.join(", ")})`);
  const longest = path.join(letters, "区住建局.docx");
  const letterPages = pagesOf(convert(longest, "pdf", path.join(dir, "letter")));
  checkPages("督办单 区住建局", letterPages, GBT9704.linePitchPt);
  const letterText = readFileSync(convert(longest, "txt:Text (encoded):UTF8", path.join(dir, "letter-text")), "utf8");
  const tasks = ["32", "45", "50", "71"].filter((id) => letterText.includes(`第${id}项“`));
  check(tasks.length === 4 && !/第(30|48|78|90)项“/.test(letterText) && letterText.includes("督办〔2025〕3-04号"), "督办单 区住建局: its four missed tasks and its number, no other task");

  if (writeDocs) {
    const shot = (pdf: string, page: number, name: string) => {
      const stem = path.join(dir, name);
      execFileSync("pdftoppm", ["-png", "-r", "70", "-f", String(page), "-l", String(page), "-singlefile", pdf, stem]);
      copyFileSync(`${stem}.png`, path.join("docs", `${name}.png`));
      console.log(`wrote docs/${name}.png`);
    };
    shot(sheetPdf, first + 1, "notice-sheet-1");
    shot(docxPdf, 1, "notice-docx-1");
    shot(path.join(dir, "letter", "区住建局.pdf"), 1, "letter-1");
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(failures === 0 ? "render check: all passed" : `render check: ${failures} failed`);
process.exitCode = failures === 0 ? 0 : 1;
