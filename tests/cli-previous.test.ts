/**
 * Compared with the previous quarter through the command line: the sample
 * ledger with three quarters side by side (its golden notice), and another
 * workbook given with --previous.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSampleData, sampleBytes } from "../samples/build-samples";
import { layoutWorkbook, type LayoutCell } from "./fixtures/layouts";
import { cli, type CliResult } from "./helpers/cli";

const QUARTERS = "samples/tracking-2025-quarters.xlsx";
const GOLDEN = ["--government", "淄川区人民政府", "--issuer", "淄川区人民政府办公室", "--date", "2025-10-29"];
const dir = mkdtempSync(path.join(tmpdir(), "notice-previous-"));

/** A quarter's tracking sheet as a department would send it. */
async function quarterFile(name: string, title: string, rows: LayoutCell[][]): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  const sheet = { name, rows: [[title], ["序号", "重点工作任务", "牵头部门", "完成状态", "未完成原因", "下一步工作"], ...rows] };
  await layoutWorkbook({ name, description: "", sheets: [sheet], runs: [] }).xlsx.writeFile(file);
  return file;
}

describe("the sample ledger with three quarters side by side", () => {
  let json: CliResult;
  let text: CliResult;
  let report: CliResult;

  beforeAll(async () => {
    [json, text, report] = await Promise.all([
      cli(QUARTERS, "-o", path.join(dir, "q-json.xlsx"), "--json", ...GOLDEN),
      cli(QUARTERS, "-o", path.join(dir, "q-text.xlsx"), "--text", ...GOLDEN),
      cli(QUARTERS, "-o", path.join(dir, "q-report.xlsx"), ...GOLDEN),
    ]);
    // Three command lines at once: give them time on a busy machine.
  }, 120_000);

  it("compares 三季度 with the ledger's 二季度 columns in --json", () => {
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.period).toMatchObject({ year: 2025, quarter: 3 });
    expect(doc.counts).toEqual({ completed: 1, onTrack: 6, missed: 3, suspended: 1, pending: 1 });
    expect(doc.comparison).toEqual({
      previous: { year: 2025, quarter: 2, source: "columns", sheet: "重点工作推进台账" },
      stillMissed: ["3", "7"],
      newlyMissed: ["10"],
      resolved: ["5", "9"],
      newlySuspended: ["11"],
      unmatched: [],
    });
    expect(doc.issues.filter((i: { code: string }) => i.code === "unmatched-task")).toEqual([]);
  });

  it("writes the golden notice with the comparison, line by line", () => {
    expect(text.code).toBe(0);
    const expected = readFileSync("tests/golden/notice-2025-quarters.txt", "utf8").split("\n");
    const actual = text.stdout.split("\n");
    actual.forEach((line, i) => expect(line, `line ${i + 1}`).toBe(expected[i]));
    expect(actual.length).toBe(expected.length);
    expect(text.stdout).toContain("未完成任务较二季度减少1项。\n一、未完成季度目标任务具体情况\n其中，第3项、第7项连续两个季度未完成季度目标任务。\n");
  });

  it("says in the report where the previous quarter came from", () => {
    expect(report.stdout).toContain("对比：二季度（同表二季度列），连续两个季度未完成 2 项，新增未完成 1 项，上季度未完成、本季度已完成或序时推进 2 项，新增暂不实施 1 项\n");
  });

  it("is the workbook its readable data builds", async () => {
    const rebuilt = await sampleBytes(await loadSampleData("data/tracking-2025-quarters.json"));
    expect(rebuilt.equals(readFileSync(QUARTERS))).toBe(true);
  });
});

describe("--previous FILE", () => {
  let current: string;
  let previous: string;

  beforeAll(async () => {
    current = await quarterFile("三季度调度表", "淄川区2025年三季度重点工作任务调度表", [
      [1, "新开工亿元以上项目30个", "区发改局", "未完成", "用地未落实", "加快报批"],
      [2, "建设人才公寓500套", "区住建局", "序时推进", null, null],
      [3, "建成5G基站200个", "区工信局", "未完成", "站址协调难", "协调站址"],
      [4, "全新的任务", "区商务局", "序时推进", null, null],
    ]);
    previous = await quarterFile("二季度调度表", "淄川区2025年二季度重点工作任务调度表", [
      [1, "新开工亿元以上项目30个", "区发改局", "未完成", "用地未落实", "加快报批"],
      [2, "建设人才公寓500套", "区住建局", "未完成", "施工单位变更", "督促施工"],
      [5, "建成5G基站200个", "区工信局", "序时推进", null, null],
    ]);
  });

  it("compares with the other workbook: by number and text, by text where the number changed, the rest reported", async () => {
    const before = readFileSync(previous);
    const r = await cli(current, "-o", path.join(dir, "p-out.xlsx"), "--previous", previous, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.comparison).toEqual({
      previous: { year: 2025, quarter: 2, source: "file", sheet: "二季度调度表" },
      stillMissed: ["1"],
      newlyMissed: ["3"],
      resolved: ["2"],
      newlySuspended: [],
      unmatched: ["4"],
    });
    expect(doc.issues).toContainEqual(expect.objectContaining({ code: "unmatched-task", severity: "info", cell: "三季度调度表!B6" }));
    // Read only: the previous quarter's file is left as it was.
    expect(readFileSync(previous).equals(before)).toBe(true);
  });

  it("puts the comparison into the notice", async () => {
    const r = await cli(current, "-o", path.join(dir, "p-text.xlsx"), "--previous", previous, "--text");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("未完成任务与二季度持平。\n");
    expect(r.stdout).toContain("其中，第1项连续两个季度未完成季度目标任务。\n");
    expect(r.stderr).toContain("对比：二季度（上季度工作簿的工作表“二季度调度表”），连续两个季度未完成 1 项");
  });

  it("refuses a file that is missing, or of this very quarter, naming it, and writes nothing", async () => {
    const out = path.join(dir, "p-refused.xlsx");
    const missing = await cli(current, "-o", out, "--previous", path.join(dir, "无此文件.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`错误：--previous（上季度调度表）：找不到文件或无法读取：${path.join(dir, "无此文件.xlsx")}\n`);
    const same = await cli(current, "-o", out, "--previous", current);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain(`错误：--previous（上季度调度表）：${current}（工作表“三季度调度表”）是2025年三季度的调度表，与本次通报的季度相同`);
    expect(existsSync(out)).toBe(false);
  });

  it("is in the usage text", async () => {
    const r = await cli("--help");
    expect(r.stdout).toMatch(/--previous FILE\s+上季度的调度表/);
  });
});
