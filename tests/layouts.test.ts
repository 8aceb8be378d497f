/**
 * Real offices' layouts end to end through the command line: each layout's
 * workbook is built from its readable data, and each run checks the facts
 * of `--json`, the notice text and the report, or the refusal and that
 * nothing was written.
 */
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { layoutWorkbook, loadLayouts, type LayoutRun } from "./fixtures/layouts";
import { cli } from "./helpers/cli";

const dir = mkdtempSync(path.join(tmpdir(), "notice-layouts-"));

interface Summary {
  tasks: Record<"all" | "missed" | "suspended" | "pending", string[]>;
  issues: { code: string; message: string }[];
  [key: string]: unknown;
}

const layouts = loadLayouts();

beforeAll(async () => {
  for (const layout of layouts) await layoutWorkbook(layout).xlsx.writeFile(path.join(dir, `${layout.name}.xlsx`));
});

function checkFacts(summary: Summary, run: LayoutRun): void {
  for (const [key, value] of Object.entries(run.expect ?? {})) {
    if (key === "missed" || key === "suspended" || key === "pending") expect(summary.tasks[key], key).toEqual(value);
    else if (key === "ids") expect(summary.tasks.all, key).toEqual(value);
    else if (key === "noIssues") continue;
    else if (typeof value === "object" && value !== null) expect(summary[key], key).toMatchObject(value);
    else expect(summary[key], key).toEqual(value);
  }
}

describe.each(layouts)("layout $name", (layout) => {
  const input = () => path.join(dir, `${layout.name}.xlsx`);
  it.each(layout.runs.map((run, i) => ({ ...run, i })))("$name", async (run) => {
    const output = path.join(dir, `${layout.name}-${run.i}-out.xlsx`);
    const args = [input(), "-o", output, "--date", "2025-10-29", ...(run.args ?? [])];
    const asText = await cli(...args, "--text");
    if ((run.exit ?? 0) !== 0) {
      expect(asText.code).toBe(run.exit);
      expect(asText.stderr).toContain(run.stderr);
      expect(asText.stderr.trim().split("\n")).toHaveLength(1);
      expect(existsSync(output)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.includes(`${layout.name}-${run.i}-out`))).toEqual([]);
      return;
    }
    expect(asText.stderr + asText.stdout).not.toContain("错误：");
    expect(asText.code).toBe(0);
    const notice = asText.stdout;
    for (const part of run.notice ?? []) expect(notice).toContain(part);
    for (const part of run.noticeNot ?? []) expect(notice).not.toContain(part);
    for (const part of run.report ?? []) expect(asText.stderr).toContain(part);

    const asJson = await cli(...args, "--json");
    expect(asJson.code).toBe(0);
    const summary = JSON.parse(asJson.stdout) as Summary;
    const codes = summary.issues.map((i) => i.code);
    for (const code of (run.expect?.noIssues as string[] | undefined) ?? []) expect(codes, `issues: ${asJson.stdout}`).not.toContain(code);
    checkFacts(summary, run);
    // No two entries of the notice read the same.
    const heads = notice.split("\n").map((l) => /^(?:第[一二三四五六七八九十]+部分)?第\d+项(?:的[①-⑳])?(?:（第\d+行）)?/.exec(l)?.[0]).filter((h) => h !== undefined);
    expect(new Set(heads).size).toBe(heads.length);
  });
});
