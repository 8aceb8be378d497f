/**
 * Renders the notice sheet of a generated workbook to PNG pages with
 * LibreOffice (Debian packages libreoffice-calc, fonts-noto-cjk, poppler-utils, and
 * fonts-crosextra-carlito: Calibri's metrics, so column widths come out as in Excel):
 *
 *   npx tsx scripts/render-notice.ts out/notice-2025-q3.xlsx docs/notice
 *
 * writes docs/notice-1.png, docs/notice-2.png, … (the notice sheet only).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { NOTICE_MARKER, NOTICE_MARKER_CELL } from "../src/core";

const [input, prefix = "docs/notice", pages = "2"] = process.argv.slice(2);
if (!input) {
  console.error("用法：npx tsx scripts/render-notice.ts <生成的工作簿.xlsx> [输出前缀] [页数]");
  process.exit(2);
}

const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(input);
const notice = wb.worksheets.find((ws) => ws.getCell(NOTICE_MARKER_CELL.row + 1, NOTICE_MARKER_CELL.col + 1).value === NOTICE_MARKER);
if (!notice) {
  console.error(`错误：${input} 中没有本工具生成的通报工作表。`);
  process.exit(2);
}
for (const ws of wb.worksheets) if (ws !== notice) wb.removeWorksheet(ws.id);

const dir = mkdtempSync(path.join(tmpdir(), "render-"));
try {
  const xlsx = path.join(dir, "notice.xlsx");
  await wb.xlsx.writeFile(xlsx);
  execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { stdio: "ignore", timeout: 120_000 });
  execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", pages, path.join(dir, "notice.pdf"), path.join(dir, "page")]);
  const pngs = readdirSync(dir).filter((f) => f.startsWith("page") && f.endsWith(".png")).sort();
  pngs.forEach((f, i) => renameSync(path.join(dir, f), `${prefix}-${i + 1}.png`));
  console.log(pngs.map((_, i) => `${prefix}-${i + 1}.png`).join("\n"));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
