/** The core's domain types: columns, tasks, problems, statistics. */
import type { CellValue } from "./grid";
import type { PeriodChoice } from "./period";

/** Columns the reader knows, by meaning. */
export const FIELDS = [
  "number",
  "task",
  "lead",
  "support",
  "leadOfficial",
  "annualTarget",
  "quarterTarget",
  "deadline",
  "progress",
  "status",
  "reason",
  "nextSteps",
  "contact",
] as const;
export type Field = (typeof FIELDS)[number];

/** Field → 0-based column index. */
export type ColumnMapping = Partial<Record<Field, number>>;

/** The five status categories, in the order the notice lists them. */
export const CATEGORIES = ["completed", "onTrack", "missed", "suspended", "pending"] as const;
export type Category = (typeof CATEGORIES)[number];

/** One labelled column of the header band. */
export interface HeaderColumn {
  /** 0-based column. */
  readonly col: number;
  /** The header text as found (normalised), period words included. */
  readonly label: string;
  /** The quarter the column belongs to (1–4; -1 for 上季度), or null when it is shared. */
  readonly period: number | null;
  readonly hidden: boolean;
  /** The fields the header may hold, strongest first. */
  readonly fields: readonly { readonly field: Field; readonly rank: number }[];
}

export interface TableLocation {
  readonly sheet: string;
  /** 0-based rows of the header band (one or two rows). */
  readonly headerRows: readonly number[];
  /** First and last 0-based row holding data (inclusive). */
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  /** 0-based column span the table occupies. */
  readonly firstCol: number;
  readonly lastCol: number;
  readonly mapping: ColumnMapping;
  /** Header text per mapped column, as found (normalised). */
  readonly headerLabels: Partial<Record<Field, string>>;
  /** Every labelled column of the header. */
  readonly columns: readonly HeaderColumn[];
  /** Quarters with a status column of their own (a yearly ledger), ascending. */
  readonly statusPeriods: readonly number[];
  /** The period in effect, and where it came from. */
  readonly period: PeriodChoice;
  /** Text of the title rows above the header, joined. */
  readonly title: string;
}

export interface Task {
  /** `30`, `1-5` for sub-item ⑤ of task 1, `二-29` where numbering restarts in each section. */
  readonly id: string;
  readonly number: number | null;
  readonly subItem: number | null;
  /** The section (`二` of `二、…`) when numbering restarts in each section; else null. */
  readonly section: string | null;
  /** `第30项`, `第1项的⑤`, `第二部分第29项`: unique within the table. */
  readonly label: string;
  /** 0-based sheet row the task was read from. */
  readonly row: number;
  readonly text: string;
  /** Lead departments, split at `、` and similar. */
  readonly leads: readonly string[];
  /** The lead department cell as written. */
  readonly leadText: string;
  /** The period's target, or the annual target where the sheet has no period target. */
  readonly target: string;
  readonly targetKind: "quarter" | "annual";
  readonly progress: string;
  readonly statusText: string;
  /** null when the status is empty or not a known word. */
  readonly category: Category | null;
  readonly reason: string;
  readonly nextSteps: string;
}

export type Severity = "error" | "warning" | "info";

export type IssueCode =
  | "unknown-status"
  | "empty-status"
  | "missing-reason"
  | "missing-next-steps"
  | "duplicate-number"
  | "missing-number"
  | "empty-task"
  | "empty-lead"
  | "unparsed-number"
  | "missing-column"
  | "unknown-period"
  | "unmatched-task"
  | "bad-setting";

export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** Sheet-qualified cell, e.g. `三季度调度表!F35`; null when it concerns no cell. */
  readonly cell: string | null;
  readonly sheet: string;
  /** 0-based position of the cell, when there is one. */
  readonly row: number | null;
  readonly col: number | null;
  /** Chinese message for the user. */
  readonly message: string;
  /** The same in English, for the pane in English (the workbook's own names stay as written). */
  readonly english?: string;
}

export interface CategoryShare {
  readonly category: Category;
  readonly count: number;
  /** Share of the total as fixed-decimal text, e.g. `2.02`; all shares add up to 100. */
  readonly percent: string;
}

export interface Statistics {
  /** Classified tasks (tasks with a known status). */
  readonly total: number;
  readonly counts: Record<Category, number>;
  readonly percentages: Record<Category, string>;
  readonly shares: readonly CategoryShare[];
  readonly decimals: number;
}

/** A department's light: red, yellow or green (see departments.ts for the rules). */
export type Light = "red" | "yellow" | "green";

/** One lead department of the department view (a task with two leads counts for each). */
export interface DepartmentRow {
  readonly name: string;
  /** Tasks with a usable status led by this department. */
  readonly total: number;
  readonly counts: Record<Category, number>;
  /** Share completed or on track, fixed-decimal text (`66.67`). */
  readonly share: string;
  readonly light: Light;
  /** 1 for the best; departments with the same share and missed count share a rank. */
  readonly rank: number;
  /** Missed now minus missed last quarter; null when there is no previous quarter to compare with. */
  readonly missedChange: number | null;
}

/** Where the previous quarter's statuses came from. */
export type PreviousSource = "columns" | "sheet" | "file";

/**
 * This quarter compared with the previous one, task by task. Every task of
 * this quarter is in exactly one of the lists below (by id).
 */
export interface Comparison {
  readonly previous: { readonly year: number | null; readonly quarter: number | null; readonly source: PreviousSource; readonly sheet: string };
  /** Missed in both quarters (连续两个季度未完成). */
  readonly stillMissed: readonly string[];
  /** Missed now, not missed last quarter. */
  readonly newlyMissed: readonly string[];
  /** Missed last quarter, not now. */
  readonly resolved: readonly string[];
  /** Suspended now, not last quarter. */
  readonly newlySuspended: readonly string[];
  /** Matched, and in none of the classes above. */
  readonly unchanged: readonly string[];
  /** No task of the previous quarter matches (reported, never guessed). */
  readonly unmatched: readonly string[];
  /** The previous quarter's tasks (for per-department changes). */
  readonly previousTasks: readonly Task[];
}

export interface Period {
  readonly year: number | null;
  /** 1–4, or null when unknown. */
  readonly quarter: number | null;
}

export type { CellValue };
