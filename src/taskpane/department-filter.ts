/**
 * The pane's department filter: which tasks, problems and missed tasks
 * belong to one lead department. A task belongs to each of its leads (a task
 * led by 区发改局、区财政局 is in both), a task without a lead to NO_LEAD, as
 * in the core's department view.
 */
import { leadsOf, type Analysis, type Issue, type Task } from "../core";

export function belongsTo(task: Task, department: string): boolean {
  return leadsOf(task).includes(department);
}

/** What the pane lists, for one department or (null) for all. */
export interface Narrowed {
  readonly issues: readonly Issue[];
  /** The missed tasks, in the sheet's order. */
  readonly missed: readonly Task[];
}

/**
 * The problems and missed tasks of one department's tasks: a problem belongs
 * to it when it sits on one of its tasks' rows of the tracking sheet (problems
 * of the sheet as a whole or of the settings concern no department).
 */
export function narrow(analysis: Analysis, department: string | null): Narrowed {
  if (department === null) return { issues: analysis.issues, missed: analysis.tasks.filter((t) => t.category === "missed") };
  const tasks = analysis.tasks.filter((t) => belongsTo(t, department));
  const rows = new Set(tasks.map((t) => t.row));
  return {
    issues: analysis.issues.filter((i) => i.sheet === analysis.table.sheet && i.row !== null && rows.has(i.row)),
    missed: tasks.filter((t) => t.category === "missed"),
  };
}

/** The chosen department while the analysis still has it; null otherwise (the filter lapses when it is gone). */
export function activeDepartment(analysis: Analysis | null, chosen: string | null): string | null {
  if (chosen === null || analysis === null) return null;
  return analysis.departments.some((d) => d.name === chosen) ? chosen : null;
}
