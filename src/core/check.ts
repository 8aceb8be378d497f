/** Checking the departments' rows: every problem with its cell and a message in Chinese (and English, for the pane in English). */
import { cellAddress, qualifiedAddress } from "./grid";
import { FIELD_ENGLISH, FIELD_LABELS } from "./columns";
import { CATEGORY_ENGLISH, CATEGORY_LABELS } from "./labels";
import { STATUS_WORDS } from "./status";
import { taskLabel, type ReadResult } from "./tasks";
import type { Field, Issue, IssueCode, Severity, TableLocation, Task } from "./types";


const KNOWN_WORDS = [STATUS_WORDS.completed[0], STATUS_WORDS.onTrack[0], STATUS_WORDS.missed[0], STATUS_WORDS.suspended[0], STATUS_WORDS.pending[0]].join("、");

class IssueList {
  readonly items: Issue[] = [];
  constructor(private readonly table: TableLocation) {}

  add(code: IssueCode, severity: Severity, row: number | null, field: Field | null, message: string, english: string): void {
    const col = field === null ? null : (this.table.mapping[field] ?? null);
    const cell = row !== null && col !== null ? qualifiedAddress(this.table.sheet, cellAddress(row, col)) : null;
    this.items.push({ code, severity, cell, sheet: this.table.sheet, row, col, message, english });
  }
}

/** Columns without which some checks cannot run, and columns stood in for by others. */
function checkColumns(table: TableLocation, list: IssueList): void {
  const { mapping, sheet } = table;
  for (const field of ["number", "task", "lead", "reason", "nextSteps"] as const) {
    if (mapping[field] !== undefined) continue;
    if ((field === "reason" || field === "nextSteps") && mapping.progress !== undefined) {
      list.add(
        "missing-column",
        "info",
        null,
        null,
        `工作表“${sheet}”中未找到“${FIELD_LABELS[field]}”列，从“进展情况”中“${field === "reason" ? "存在问题：" : "下一步："}”等文字之后读取。`,
        `Sheet “${sheet}” has no ${FIELD_ENGLISH[field]} column: read from the progress text after “${field === "reason" ? "存在问题：" : "下一步："}” and the like.`,
      );
      continue;
    }
    list.add(
      "missing-column",
      "warning",
      null,
      null,
      `工作表“${sheet}”中未找到“${FIELD_LABELS[field]}”列，相关内容无法检查；可在列映射中手动指定。`,
      `Sheet “${sheet}” has no ${FIELD_ENGLISH[field]} column, so it cannot be checked; set its column under Columns.`,
    );
  }
  if (mapping.quarterTarget === undefined && mapping.annualTarget !== undefined) {
    list.add(
      "missing-column",
      "info",
      null,
      null,
      `工作表“${sheet}”中没有季度目标列，使用“${table.headerLabels.annualTarget}”列，通报中写作“根据年初确定的年度目标任务”。`,
      `Sheet “${sheet}” has no quarterly target column: the “${table.headerLabels.annualTarget}” column is used, and the notice says so.`,
    );
  }
}

function checkTask(t: Task, table: TableLocation, list: IssueList): void {
  const where = t.label;
  if (t.statusText === "") {
    list.add("empty-status", "error", t.row, "status", `${where}未填写完成状态，未计入统计。`, `${where}: no status, so it is not counted.`);
  } else if (t.category === null) {
    list.add(
      "unknown-status",
      "error",
      t.row,
      "status",
      `${where}的完成状态“${t.statusText}”无法识别，未计入统计；请改为${KNOWN_WORDS}等。`,
      `${where}: status “${t.statusText}” is not recognised, so it is not counted; use ${KNOWN_WORDS} or the like.`,
    );
  }
  if (t.text === "") list.add("empty-task", "warning", t.row, "task", `${where}未填写任务内容。`, `${where}: no task text.`);
  if (t.leadText === "" && table.mapping.lead !== undefined) list.add("empty-lead", "warning", t.row, "lead", `${where}未填写牵头部门。`, `${where}: no lead department.`);

  const c = t.category;
  if ((c === "missed" || c === "suspended" || c === "pending") && t.reason === "" && (table.mapping.reason !== undefined || table.mapping.progress !== undefined)) {
    list.add(
      "missing-reason",
      "warning",
      t.row,
      table.mapping.reason !== undefined ? "reason" : "progress",
      `${where}状态为“${CATEGORY_LABELS[c]}”，但未填写原因。`,
      `${where}: ${CATEGORY_ENGLISH[c].toLowerCase()}, but no reason given.`,
    );
  }
  if (c === "missed" && t.nextSteps === "" && (table.mapping.nextSteps !== undefined || table.mapping.progress !== undefined)) {
    list.add(
      "missing-next-steps",
      "warning",
      t.row,
      table.mapping.nextSteps !== undefined ? "nextSteps" : "progress",
      `${where}未完成季度目标，但未填写下一步工作。`,
      `${where}: missed its quarterly target, but no next steps given.`,
    );
  }
}

function checkNumbers(tasks: readonly Task[], read: ReadResult, list: IssueList): void {
  for (const u of read.unparsedNumbers) {
    list.add("unparsed-number", "warning", u.row, "number", `序号“${u.text}”无法识别为任务编号。`, `No. “${u.text}” is not a task number.`);
  }
  const firstRow = new Map<string, Task>();
  for (const t of tasks) {
    if (t.number === null) continue;
    const id = t.id.includes("@") ? t.id.slice(0, t.id.indexOf("@")) : t.id;
    const earlier = firstRow.get(id);
    if (earlier) {
      const name = taskLabel(t.number, t.subItem, t.row, t.section);
      list.add(
        "duplicate-number",
        "warning",
        t.row,
        "number",
        `${name}重复：第${earlier.row + 1}行和第${t.row + 1}行都是${name}，通报中按行区分。`,
        `${name} twice: rows ${earlier.row + 1} and ${t.row + 1}; the notice tells them apart by row.`,
      );
    } else {
      firstRow.set(id, t);
    }
  }
  const bySection = new Map<string | null, Task[]>();
  for (const t of tasks) if (t.number !== null) (bySection.get(t.section) ?? bySection.set(t.section, []).get(t.section)!).push(t);
  for (const [section, own] of bySection) {
    const part = section === null ? "" : `第${section}部分`;
    const numbers = Float64Array.from(new Set(own.map((t) => t.number!))).sort();
    for (let i = 1; i < numbers.length; i++) {
      const prev = numbers[i - 1]!;
      const next = numbers[i]!;
      if (next - prev <= 1) continue;
      const at = own.find((t) => t.number === next)!;
      const gap = next - prev === 2 ? `${part}第${prev + 1}项` : `${part}第${prev + 1}项至第${next - 1}项`;
      list.add("missing-number", "warning", at.row, "number", `序号不连续：缺少${gap}。`, `Numbering has a gap: ${gap} is missing.`);
    }
  }
}

/** All problems of a read table, in sheet order (row, then column). */
export function checkTasks(table: TableLocation, read: ReadResult): Issue[] {
  const list = new IssueList(table);
  checkColumns(table, list);
  for (const t of read.tasks) checkTask(t, table, list);
  checkNumbers(read.tasks, read, list);
  return list.items.sort((a, b) => (a.row ?? -1) - (b.row ?? -1) || (a.col ?? -1) - (b.col ?? -1));
}
