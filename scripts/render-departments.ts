/**
 * The department sheet as LibreOffice prints it: the command line writes the
 * sample's copy, LibreOffice turns it into PDF, and the department sheet's
 * first page must show its chart — every department's name as a category
 * label — while its pages (the last of the workbook) hold every name twice
 * (chart and table) and the light words. With `--docs` the first page is
 * written as docs/department-sheet.png (the README's picture).
 *
 *   node --import tsx scripts/render-departments.ts [--docs]
 *
 * Needs soffice (libreoffice-calc-nogui), pdftotext and pdftoppm
 * (poppler-utils) and CJK fonts (fonts-noto-cjk), as scripts/render-check.ts.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { departmentSheetTitle, prepareNotice } from "../src/core";
import { readWorkbookGrid } from "../src/hosts/xlsx-package";

const SOFFICE = process.env.SOFFICE ?? "soffice";
const SAMPLE = "samples/tracking-2025-q3.xlsx";
const DATE = "2025-10-29";
const dir = mkdtempSync(path.join(tmpdir(), "department-render-"));
const profile = pathToFileURL(path.join(dir, "profile")).href;

let failures = 0;
function check(ok: boolean, what: string): void {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

try {
  const job = prepareNotice(await readWorkbookGrid(SAMPLE), { today: DATE, settings: { date: DATE } });
  const names = job.analysis.departments.map((d) => d.name);
  const workbook = path.join(dir, "copy.xlsx");
  execFileSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", SAMPLE, "-o", workbook, "--date", DATE], { stdio: "pipe" });
  const pdfDir = path.join(dir, "pdf");
  mkdirSync(pdfDir);
  execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", pdfDir, workbook], { stdio: "pipe", timeout: 240_000 });
  const pdf = path.join(pdfDir, readdirSync(pdfDir).find((f) => f.endsWith(".pdf"))!);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  // Each page's text once (pdftotext -f/-l page by page).
  const texts = Array.from({ length: pages }, (_, i) => execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"], { encoding: "utf8" }));
  const title = departmentSheetTitle(job.analysis);
  const page = texts.findIndex((t) => t.replace(/\s/g, "").includes(title.replace(/\s/g, ""))) + 1;
  check(page > 0, `LibreOffice prints the department sheet (“${title}”, page ${page} of ${pages})`);
  const first = page > 0 ? texts[page - 1]! : "";
  const all = page > 0 ? texts.slice(page - 1).join("\n") : "";
  const count = (printed: string, name: string) => printed.split(name).length - 1;
  check(names.length > 0 && names.every((n) => count(first, n) >= 1), `its first page names all ${names.length} departments (the chart's labels)`);
  const twice = names.filter((n) => count(all, n) >= 2);
  check(twice.length === names.length, `its pages name every department twice, in the chart and in the table: ${twice.length} of ${names.length}`);
  check(["红", "绿"].every((w) => all.includes(w)), "the lights print as words");
  if (process.argv.includes("--docs") && page > 0) {
    const stem = path.join(dir, "department-sheet");
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", String(page), "-l", String(page), "-singlefile", pdf, stem]);
    copyFileSync(`${stem}.png`, path.join("docs", "department-sheet.png"));
    console.log("wrote docs/department-sheet.png");
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(failures === 0 ? "department render: all passed" : `department render: ${failures} failed`);
process.exitCode = failures === 0 ? 0 : 1;
