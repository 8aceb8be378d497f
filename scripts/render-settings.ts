/**
 * Renders a workbook's 通报设置 sheet to a PNG with LibreOffice (Debian
 * libreoffice-calc, fonts-noto-cjk, poppler-utils), for the README:
 *
 *   npx tsx scripts/render-settings.ts <工作簿.xlsx> docs/settings-sheet.png
 *
 * The sheet is printed on one A4 landscape page, fitted to its width, with
 * gridlines, as a person would see it on screen.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { SETTINGS_SHEET } from "../src/core";

const [input, output = "docs/settings-sheet.png"] = process.argv.slice(2);
if (!input) {
  console.error("用法：npx tsx scripts/render-settings.ts <工作簿.xlsx> [输出.png]");
  process.exit(2);
}

const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(input);
const sheet = wb.getWorksheet(SETTINGS_SHEET);
if (!sheet) {
  console.error(`错误：${input} 中没有“${SETTINGS_SHEET}”工作表。`);
  process.exit(2);
}
for (const ws of wb.worksheets) if (ws !== sheet) wb.removeWorksheet(ws.id);
// LibreOffice keeps a row's stored height on load, where Excel fits a wrapped row to its text: fit them here.
const columnPoints = sheet.columns.map((c) => (c.width ?? 8.43) * 7 * 0.75 - 6);
sheet.eachRow((row) => {
  let lines = 1;
  row.eachCell((cell, col) => {
    const text = cell.text ?? "";
    for (const line of text.split("\n")) {
      const width = [...line].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 11 : 6), 0);
      lines = Math.max(lines, Math.ceil(width / (columnPoints[col - 1] ?? 60)) || 1);
    }
  });
  row.height = 15 * lines;
});
sheet.pageSetup = { ...sheet.pageSetup, paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, showGridLines: true, margins: { left: 0.3, right: 0.3, top: 0.3, bottom: 0.3, header: 0, footer: 0 } };

const dir = mkdtempSync(path.join(tmpdir(), "render-settings-"));
try {
  const xlsx = path.join(dir, "settings.xlsx");
  await wb.xlsx.writeFile(xlsx);
  execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { stdio: "ignore", timeout: 120_000 });
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", path.join(dir, "settings.pdf"), path.join(dir, "page")]);
  const png = readdirSync(dir).find((f) => f.startsWith("page") && f.endsWith(".png"));
  if (!png) throw new Error("LibreOffice wrote no page");
  renameSync(path.join(dir, png), output);
  console.log(output);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
