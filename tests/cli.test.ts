import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { humanReport } from "../src/cli/report";
import { departmentsWritten, prepareNotice } from "../src/core";
import { cli, type CliResult } from "./helpers/cli";
import { GOLDEN_SETTINGS, sampleGrid } from "./helpers/sample";

const SAMPLE = "samples/tracking-2025-q3.xlsx";
const VARIANT = "samples/tracking-variant.xlsx";
const dir = mkdtempSync(path.join(tmpdir(), "notice-cli-"));


const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell of a sheet as `address → JSON of value` (and style, when asked). */
function cells(ws: ExcelJS.Worksheet, withStyle = false): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      out.set(cell.address, JSON.stringify(withStyle ? { v: cell.value, s: cell.style } : cell.value));
    }),
  );
  return out;
}

type Cf = { ref: string; rules: { formulae?: string[] }[] };
const cfs = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
const ours = (ws: ExcelJS.Worksheet) => cfs(ws).filter((c) => c.rules.some((r) => (r.formulae ?? []).some((f) => f.includes("supervision-notice"))));

describe("command line on the bundled sample", () => {
  const out = path.join(dir, "sample-out.xlsx");
  let result: CliResult;
  let before: string;

  beforeAll(async () => {
    before = sha(SAMPLE);
    result = await cli(SAMPLE, "-o", out, "--json", "--date", "2025-10-29");
  });

  it("prints exactly one JSON document with the reference notice's facts", () => {
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({
      sheet: "三季度调度表",
      total: 99,
      counts: { completed: 2, onTrack: 86, missed: 8, suspended: 2, pending: 1 },
      percentages: { completed: "2.02", onTrack: "86.87", missed: "8.08", suspended: "2.02", pending: "1.01" },
      tasks: { missed: ["30", "32", "45", "48", "50", "71", "78", "90"], suspended: ["44", "74"], pending: ["1-5"] },
      issues: [],
      noticeSheet: "三季度督查通报",
    });
    // The department view in rank order: 24 lead departments, 区住建局 last with four missed tasks.
    expect(doc.departments).toHaveLength(24);
    expect(doc.departments[0]).toEqual({ name: "区城管局", total: 4, counts: { completed: 1, onTrack: 3, missed: 0, suspended: 0, pending: 0 }, share: "100.00", light: "green", rank: 1, missedChange: null });
    expect(doc.departments[23]).toEqual({ name: "区住建局", total: 12, counts: { completed: 0, onTrack: 7, missed: 4, suspended: 1, pending: 0 }, share: "58.33", light: "red", rank: 24, missedChange: null });
    expect(doc.departments.map((d: { rank: number }) => d.rank).slice(15, 22)).toEqual([1, 1, 18, 19, 20, 20, 22]);
  });

  it("tells in its report the lights and the department sheet written, in the words the pane and the ribbon use", async () => {
    const job = prepareNotice(await sampleGrid(SAMPLE), { today: "2025-10-29", settings: GOLDEN_SETTINGS });
    const line = "部门情况：24个牵头部门，红灯6个、黄灯0个、绿灯18个，已写入工作表“三季度部门情况”。";
    expect(departmentsWritten(job.departmentSheet.name, job.analysis.departments)).toBe(line);
    expect(humanReport(job, out).split("\n")).toContain(line);
    expect(departmentsWritten(job.departmentSheet.name, job.analysis.departments, "en-US")).toBe(
      "Departments: 24 lead departments (6 red, 0 yellow, 18 green), written to sheet “三季度部门情况”.",
    );
  });

  it("never writes the input file", () => {
    expect(sha(SAMPLE)).toBe(before);
    expect(existsSync(out)).toBe(true);
  });

  it("keeps every cell value and every department format of every input sheet", async () => {
    const input = await load(SAMPLE);
    const output = await load(out);
    for (const ws of input.worksheets) {
      const copy = output.getWorksheet(ws.name)!;
      expect(copy, ws.name).toBeDefined();
      expect(cells(copy, true)).toEqual(cells(ws, true));
    }
    expect(output.worksheets.map((w) => w.name)).toEqual([...input.worksheets.map((w) => w.name), "三季度督查通报", "三季度部门情况"]);
  });

  it("adds one highlight over the eight missed rows and keeps the department's own rule", async () => {
    const input = await load(SAMPLE);
    const ws = (await load(out)).getWorksheet("三季度调度表")!;
    expect(ours(ws)).toHaveLength(1);
    expect(ours(ws)[0]!.ref.split(" ")).toEqual(["A41:J41", "A43:J43", "A56:J56", "A59:J59", "A61:J61", "A82:J82", "A89:J89", "A101:J101"]);
    expect(cfs(ws).filter((c) => !ours(ws).includes(c))).toEqual(cfs(input.getWorksheet("三季度调度表")!));
  });

  it("replaces its notice and highlight when run again on its own output, and --clear removes exactly the highlight", async () => {
    const again = path.join(dir, "again.xlsx");
    expect((await cli(out, "-o", again, "--date", "2025-10-29")).code).toBe(0);
    const twice = await load(again);
    expect(twice.worksheets.map((w) => w.name)).toEqual((await load(out)).worksheets.map((w) => w.name));
    expect(ours(twice.getWorksheet("三季度调度表")!)).toHaveLength(1);

    const cleared = path.join(dir, "cleared.xlsx");
    const r = await cli(again, "-o", cleared, "--clear");
    expect(r.code).toBe(0);
    const ws = (await load(cleared)).getWorksheet("三季度调度表")!;
    const original = (await load(SAMPLE)).getWorksheet("三季度调度表")!;
    expect(ours(ws)).toHaveLength(0);
    expect(cfs(ws)).toEqual(cfs(original));
    expect(cells(ws, true)).toEqual(cells(original, true));
  });
});

describe("formula-looking text", () => {
  it("stays text in the tracking sheet and in the notice", async () => {
    const out = path.join(dir, "variant-out.xlsx");
    expect((await cli(VARIANT, "-o", out)).code).toBe(0);
    const wb = await load(out);
    const notice = wb.getWorksheet("一季度督查通报")!;
    const texts = [...cells(notice).values()].map((v) => JSON.parse(v));
    expect(texts).toContain("\u3000\u3000未完成原因：=资金未到位，需追加预算。");
    expect(texts).toContain("\u3000\u3000未完成原因：-项目用地指标未落实。");
    expect(texts).toContain("\u3000\u3000未完成原因：+1个审批环节未完成。");
    for (const t of texts) expect(typeof t === "string" || t === null, JSON.stringify(t)).toBe(true);
    expect(wb.getWorksheet("一季度推进情况")!.getCell("G9").value).toBe("=资金未到位，需追加预算");
  });

  it("keeps =HYPERLINK(...) typed as text a string, never a formula", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("调度表");
    ws.addRow(["序号", "重点工作任务", "牵头部门", "完成状态", "未完成原因", "下一步工作"]);
    ws.addRow([1, "任务", "区发改局", "未完成", '=HYPERLINK("http://x","点击")', "+1"]);
    const file = path.join(dir, "formula-text.xlsx");
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "formula-text-out.xlsx");
    expect((await cli(file, "-o", out)).code).toBe(0);
    const result = await load(out);
    expect(result.getWorksheet("调度表")!.getCell("E2").value).toBe('=HYPERLINK("http://x","点击")');
    const notice = result.getWorksheet("督查通报")!;
    const values = [...cells(notice).values()].map((v) => JSON.parse(v));
    expect(values).toContain('\u3000\u3000未完成原因：=HYPERLINK("http://x","点击")');
    expect(values).toContain("\u3000\u3000下一步工作：+1。");
  });
});

describe("bad input", () => {
  const cases: [string, () => string[], RegExp][] = [
    ["a missing file", () => [path.join(dir, "nope.xlsx")], /找不到文件或无法读取：.*nope\.xlsx/],
    ["a file that is not .xlsx", () => [write("table.csv", "序号,任务\n")], /只支持 \.xlsx 文件.*table\.csv/],
    ["a broken .xlsx", () => [write("broken.xlsx", "PK\u0003\u0004 not really a zip")], /无法打开 .*broken\.xlsx：不是有效的 \.xlsx 工作簿/],
    ["a workbook without a tracking table", () => [SAMPLE, "--sheet", "填报说明"], /工作表“填报说明”中找不到调度表/],
    ["an unknown sheet", () => [SAMPLE, "--sheet", "四季度"], /找不到工作表“四季度”；工作簿中的工作表有：“填报说明”、“三季度调度表”/],
    ["a bad mapping", () => [SAMPLE, "--map", "status=7"], /列映射“status=7”无法识别/],
    ["a bad quarter", () => [SAMPLE, "--quarter", "5"], /--quarter 应为1到4，或“三季度”之类，收到“5”/],
    ["a date that does not exist", () => [SAMPLE, "--date", "2025-02-30"], /--date 应为有效日期，如2025-10-29或2025年10月29日，收到“2025-02-30”/],
    ["an unknown option", () => [SAMPLE, "--bogus"], /不认识的选项：--bogus/],
  ];

  function write(name: string, text: string): string {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  }

  for (const [what, args, message] of cases) {
    it(`exits 2 with one Chinese line and no output file for ${what}`, async () => {
      const out = path.join(dir, `bad-${what.replace(/\W+/g, "-")}.xlsx`);
      const r = await cli(...args(), "-o", out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat \w|Error:/);
      expect(r.stdout).toBe("");
      expect(existsSync(out)).toBe(false);
    });
  }

  it("refuses to replace a sheet of the notice's name that it did not write", async () => {
    const wb = await load(SAMPLE);
    wb.addWorksheet("三季度督查通报").getCell("A1").value = "我们自己的通报草稿";
    const file = path.join(dir, "taken.xlsx");
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "taken-out.xlsx");
    const r = await cli(file, "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/已有名为“三季度督查通报”的工作表，且不是本工具生成的/);
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 when no task has a status it can count", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("调度表");
    ws.addRow(["序号", "重点工作任务", "牵头部门", "完成状态"]);
    ws.addRow([1, "任务", "区发改局", "基本完成"]);
    const file = path.join(dir, "uncountable.xlsx");
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "uncountable-out.xlsx");
    const r = await cli(file, "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/工作表“调度表”中没有可统计的任务/);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses to write over its input", async () => {
    const r = await cli(SAMPLE, "-o", SAMPLE);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/输出文件不能与输入文件相同/);
  });
});
