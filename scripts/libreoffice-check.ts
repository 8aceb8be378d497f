/**
 * The command line's copies through LibreOffice (run by .ci/run after
 * `npm test`, which installs LibreOffice Calc when it is missing; not part
 * of `npm test`): for the sample with a custom XML part, a chart, a
 * whole-column dropdown and Word-pasted text, as `.xlsx` and as `.xlsm`
 * with a macro part, the command writes its copy, LibreOffice converts
 * input and copy to CSV (every sheet) and the copy to PDF, and the text of
 * every input sheet must be the same in both.
 *
 *   node --import tsx scripts/libreoffice-check.ts
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sampleWithParts } from "../tests/fixtures/package-parts";

const SOFFICE = process.env.SOFFICE ?? "soffice";
const dir = mkdtempSync(path.join(tmpdir(), "notice-libreoffice-"));
const profile = pathToFileURL(path.join(dir, "profile")).href;

/** LibreOffice's conversion of `file` into `outDir`: every sheet as its own UTF-8 CSV, or a PDF. */
function convert(file: string, to: "csv" | "pdf", outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  // CSV filter options: comma, double quote, UTF-8, from line 1, …, every sheet (-1) into its own file.
  const filter = to === "csv" ? 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' : "pdf";
  execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", filter, "--outdir", outDir, file], { stdio: "pipe", timeout: 180_000 });
  return readdirSync(outDir).sort();
}

/** Sheet name → CSV text, from a conversion of `file` (LibreOffice names them `<file>-<sheet>.csv`). */
function sheetsAsCsv(file: string, outDir: string): Map<string, string> {
  const stem = path.parse(file).name;
  return new Map(convert(file, "csv", outDir).map((name) => [name.slice(stem.length + 1, -4), readFileSync(path.join(outDir, name), "utf8")]));
}

let failures = 0;
function check(ok: boolean, what: string): void {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

try {
  for (const macros of [false, true]) {
    const ext = macros ? ".xlsm" : ".xlsx";
    const input = path.join(dir, `tracking${ext}`);
    const output = path.join(dir, `copy${ext}`);
    writeFileSync(input, await sampleWithParts({ macros, dropdown: true }));
    execFileSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", input, "-o", output, "--date", "2025-10-29"], { stdio: "pipe" });
    check(existsSync(output), `the command wrote ${path.basename(output)}`);

    const before = sheetsAsCsv(input, path.join(dir, `csv-in${ext}`));
    const after = sheetsAsCsv(output, path.join(dir, `csv-out${ext}`));
    check(before.size === 2 && after.size === 4, `LibreOffice reads ${ext}: input sheets ${[...before.keys()].join("、")}; copy ${[...after.keys()].join("、")}`);
    for (const [sheet, text] of before) check(after.get(sheet) === text, `${ext} sheet “${sheet}”: the same text in the copy (${text.length} characters)`);
    const notice = after.get("三季度督查通报") ?? "";
    check(notice.includes("supervision-notice:notice-sheet") && notice.includes("督查通报"), `${ext} the notice sheet has its marker and title`);
    const departments = after.get("三季度部门情况") ?? "";
    check(departments.includes("supervision-notice:department-sheet") && departments.includes("区住建局"), `${ext} the department sheet has its marker and the departments`);
    const pdf = convert(output, "pdf", path.join(dir, `pdf${ext}`)).filter((n) => n.endsWith(".pdf"));
    check(pdf.length === 1 && readFileSync(path.join(dir, `pdf${ext}`, pdf[0]!)).subarray(0, 5).toString() === "%PDF-", `${ext} the copy converts to PDF`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(failures === 0 ? "LibreOffice: every check passed" : `LibreOffice: ${failures} check(s) failed`);
process.exitCode = failures === 0 ? 0 : 1;
