/**
 * The notice's templates as an office edits them in the 通报设置 sheet: one
 * row a template (`措辞：开头`), placeholders in Chinese (`{季度}`, `{总数}`).
 * Translates between those rows and the Wording the generator fills.
 */
import type { Category } from "../types";
import { WORDING, type SectionCategory, type Wording } from "./wording";

/** Chinese placeholder → the generator's value name. */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  政府名称: "government",
  督查机构: "office",
  季度: "quarter",
  年度: "year",
  级别: "level",
  总数: "total",
  已完成数: "completed",
  序时推进数: "onTrack",
  未完成数: "missed",
  暂不实施数: "suspended",
  待确定数: "pending",
  数量: "count",
  占比: "percent",
  任务名称: "names",
  原因说明: "cause",
  总体情况: "summary",
  各类情况: "shares",
  条目: "head",
  目标: "targetSentence",
  原因: "reason",
  进展: "progress",
  下一步: "nextSteps",
  序号: "label",
  任务: "task",
  牵头部门: "lead",
  目标任务: "target",
  缺少数: "missing",
  标题: "title",
  上季度: "previousQuarter",
  变化数: "change",
  连续未完成: "labels",
};

const GLOBALS = ["government", "office", "quarter", "year", "level", "total", "completed", "onTrack", "missed", "suspended", "pending"];
const ENTRY = ["head", "targetSentence", "reason", "progress", "nextSteps"];

type Lines = "line" | "lines";

interface WordingRow {
  /** After `措辞：` in the sheet. */
  readonly name: string;
  /** One template, or several (one a line of the cell). */
  readonly kind: Lines;
  /** The value names the template may use besides the globals. */
  readonly locals: readonly string[];
  readonly get: (w: Wording) => string | readonly string[];
  readonly set: (w: Wording, value: string | readonly string[]) => Wording;
}

const share = (c: Category, name: string): WordingRow => ({
  name,
  kind: "line",
  locals: ["count", "percent", "names", "cause"],
  get: (w) => w.shares[c],
  set: (w, v) => ({ ...w, shares: { ...w.shares, [c]: v as string } }),
});

const section = (c: SectionCategory, part: "intro" | "entry" | "heading", name: string): WordingRow => ({
  name,
  kind: part === "entry" ? "lines" : "line",
  locals: part === "entry" ? ENTRY : part === "intro" ? ["count"] : [],
  get: (w) => w.sections[c][part],
  set: (w, v) => ({ ...w, sections: { ...w.sections, [c]: { ...w.sections[c], [part]: v } } }),
});

const plain = (key: "title" | "opening" | "defaultSummary" | "overall" | "entryHead" | "entryTarget" | "entryAnnualTarget", name: string, locals: readonly string[] = []): WordingRow => ({
  name,
  kind: "line",
  locals,
  get: (w) => w[key],
  set: (w, v) => ({ ...w, [key]: v as string }),
});

const comparison = (key: "more" | "fewer" | "same" | "stillMissed", name: string): WordingRow => ({
  name,
  kind: "line",
  locals: key === "stillMissed" ? ["previousQuarter", "labels"] : ["previousQuarter", "change"],
  get: (w) => w.comparison[key],
  set: (w, v) => ({ ...w, comparison: { ...w.comparison, [key]: v as string } }),
});

/** Every template an office may reword, in the order the notice uses them. */
export const WORDING_ROWS: readonly WordingRow[] = [
  plain("title", "标题"),
  plain("opening", "开头"),
  plain("defaultSummary", "总体情况"),
  plain("overall", "统计段落", ["summary", "shares"]),
  share("completed", "已完成情况"),
  share("onTrack", "序时推进情况"),
  share("missed", "未完成情况"),
  share("suspended", "暂不实施情况"),
  share("pending", "待确定情况"),
  comparison("more", "较上季度增加"),
  comparison("fewer", "较上季度减少"),
  comparison("same", "与上季度持平"),
  section("missed", "heading", "未完成标题"),
  comparison("stillMissed", "连续未完成"),
  section("missed", "entry", "未完成条目"),
  section("suspended", "heading", "暂不实施标题"),
  section("suspended", "intro", "暂不实施说明"),
  section("suspended", "entry", "暂不实施条目"),
  section("pending", "heading", "待确定标题"),
  section("pending", "intro", "待确定说明"),
  section("pending", "entry", "待确定条目"),
  plain("entryHead", "条目开头", ["label", "task", "lead"]),
  plain("entryTarget", "季度目标", ["target"]),
  plain("entryAnnualTarget", "年度目标", ["target"]),
  { name: "结尾", kind: "lines", locals: [], get: (w) => w.closing, set: (w, v) => ({ ...w, closing: v as readonly string[] }) },
];

const CHINESE_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(PLACEHOLDERS).map(([zh, en]) => [en, zh]));

/** A built-in template as the sheet shows it: `{quarter}` → `{季度}`; several templates one a line. */
export function templateText(row: WordingRow, wording: Wording = WORDING): string {
  const value = row.get(wording);
  const lines = typeof value === "string" ? [value] : value;
  return lines.map((l) => l.replace(/\{(\w+)\}/g, (_, n: string) => `{${CHINESE_OF[n] ?? n}}`)).join("\n");
}

/** The placeholders a row may use, as the sheet lists them. */
export function allowedPlaceholders(row: WordingRow): string[] {
  return [...GLOBALS, ...row.locals].map((n) => `{${CHINESE_OF[n]}}`);
}

/**
 * A row's text as templates for the generator, or the first placeholder it
 * may not use. Empty text means the built-in wording (null).
 */
export function parseTemplate(row: WordingRow, text: string): { value: string | readonly string[] | null; unknown: string | null } {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length === 0) return { value: null, unknown: null };
  const allowed = new Set([...GLOBALS, ...row.locals]);
  let unknown: string | null = null;
  const converted = lines.map((l) =>
    l.replace(/[{｛]([^{}｛｝]*)[}｝]/g, (whole, name: string) => {
      const key = PLACEHOLDERS[name.trim()];
      if (key === undefined || !allowed.has(key)) {
        unknown ??= whole;
        return whole;
      }
      return `{${key}}`;
    }),
  );
  if (unknown !== null) return { value: null, unknown };
  return { value: row.kind === "line" ? converted.join("") : converted, unknown: null };
}

export function wordingRow(name: string): WordingRow | undefined {
  return WORDING_ROWS.find((r) => r.name === name);
}

export type { WordingRow };
