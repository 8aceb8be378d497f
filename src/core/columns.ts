/**
 * Header words by meaning. A header cell matches a field when its text,
 * without spaces or line breaks, matches one of the field's patterns.
 * Offices adapt the product by extending this table.
 */
import type { Field } from "./types";

const Q = "(?:第?[一二三四1-4]季度|季度|Q[1-4])";

export const HEADER_PATTERNS: Readonly<Record<Field, readonly RegExp[]>> = {
  number: [/^(?:序号|编号|任务编号|任务序号|序)$/],
  task: [/^(?:重点工作任务|重点工作|工作任务|任务内容|主要任务|重点任务|任务名称|具体任务|目标任务)$/],
  lead: [/^(?:牵头部门|牵头单位|牵头责任单位|牵头部门\(单位\))$/, /^(?:责任部门|责任单位|主责单位)$/],
  support: [/^(?:配合部门|配合单位|责任\(配合\)单位|协办单位|参与单位)$/],
  leadOfficial: [/^(?:牵头领导|责任领导|分管领导|牵头区领导)$/],
  annualTarget: [/^(?:年度目标|年度目标任务|全年目标|全年目标任务)$/],
  quarterTarget: [new RegExp(`^${Q}(?:目标|目标任务|工作目标)$`), /^(?:节点目标|节点目标任务|形象进度|进度目标)$/],
  deadline: [/^(?:完成时限|计划完成时间|完成时间|时限要求)$/],
  progress: [new RegExp(`^${Q}?(?:进展情况|推进情况|工作进展|工作进展情况|完成情况|落实情况|推进落实情况|进展|完成进度|工作推进情况)$`)],
  status: [/^(?:完成状态|状态|任务状态|进度状态|推进状态|进展状态|是否完成|完成情况|备注)$/],
  reason: [/^(?:未完成原因|存在问题|存在的问题|滞后原因|问题及原因|未完成原因及存在问题|暂不实施原因|困难和问题|存在困难|存在困难和问题|存在问题及原因|原因)$/],
  nextSteps: [
    /^(?:下一步工作|下一步措施|下步措施|下步打算|下一步打算|下步工作|下一步工作计划|下一步计划|下步计划|推进计划|下一步工作打算|下步工作打算|整改措施)$/,
  ],
  contact: [/^(?:责任人|联系人|联系方式|联系电话|经办人)$/],
};

/** Columns whose header alone cannot say whether they hold statuses. */
export const AMBIGUOUS_STATUS_HEADERS: readonly RegExp[] = [
  new RegExp(`^${Q}?完成情况$`),
  /^备注$/,
];

/** Under a period (`三季度` over `目标任务`, or `一季度目标`), these words name the period's target. */
const PERIOD_TARGET = /^(?:目标|目标任务|工作目标|任务目标|节点目标)$/;

/** Chinese names of the fields, for messages and the mapping editor. */
export const FIELD_LABELS: Readonly<Record<Field, string>> = {
  number: "序号",
  task: "重点工作任务",
  lead: "牵头部门",
  support: "配合单位",
  leadOfficial: "牵头领导",
  annualTarget: "年度目标",
  quarterTarget: "季度目标任务",
  deadline: "完成时限",
  progress: "进展情况",
  status: "完成状态",
  reason: "未完成原因",
  nextSteps: "下一步工作",
  contact: "联系人",
};

/** The fields' names in English (the pane in English, the check's English messages). */
export const FIELD_ENGLISH: Readonly<Record<Field, string>> = {
  number: "No.",
  task: "Task",
  lead: "Lead department",
  support: "Supporting units",
  leadOfficial: "Lead official",
  annualTarget: "Annual target",
  quarterTarget: "Quarterly target",
  deadline: "Deadline",
  progress: "Progress",
  status: "Status",
  reason: "Reason not met",
  nextSteps: "Next steps",
  contact: "Contact",
};

/** Names a user may write in `--map`, besides the field keys themselves. */
export const FIELD_ALIASES: Readonly<Record<string, Field>> = {
  no: "number",
  id: "number",
  department: "lead",
  dept: "lead",
  target: "quarterTarget",
  next: "nextSteps",
};

/**
 * A header without its notes: `未完成原因（未完成的填写）` → `未完成原因`,
 * `*完成状态` → `完成状态`, `下一步工作：` → `下一步工作`. A bracket inside
 * the words (`责任(配合)单位`) stays.
 */
export function headerCore(key: string): string {
  return key
    .replace(/[*＊※]/g, "")
    .replace(/[:：]+$/, "")
    .replace(/\([^()]*\)$/, "");
}

/**
 * Each field a header text matches, strongest first: the index of the
 * matching pattern is its rank (0 = primary words such as 牵头部门, 1 = the
 * fallbacks such as 责任单位). Under a period, `目标任务` is that period's
 * target, not the task.
 */
export function matchHeader(header: string, underPeriod = false): { field: Field; rank: number }[] {
  const found: { field: Field; rank: number }[] = [];
  const key = headerCore(header);
  if (key === "") return found;
  if (underPeriod && PERIOD_TARGET.test(key)) return [{ field: "quarterTarget", rank: 0 }];
  for (const [field, patterns] of Object.entries(HEADER_PATTERNS) as [Field, readonly RegExp[]][]) {
    const rank = patterns.findIndex((p) => p.test(key));
    if (rank >= 0) found.push({ field, rank });
  }
  return found;
}
