/**
 * The department view: one row per lead department with its counts, the
 * share completed or on track, a light and a rank. The light rules are data
 * (LIGHT_RULES): the first rule a department meets gives its light; a
 * department that meets none is green.
 */
import { roundedShares, zeroCounts } from "./statistics";
import type { DepartmentRow, Light, Task } from "./types";

/** What a department's tasks can show that a light rule asks about. */
export type LightCondition = "missed" | "suspended" | "pending" | "missedWithoutReason" | "suspendedWithoutReason";

export interface LightRule {
  readonly light: Exclude<Light, "green">;
  /** The department gets the light when any of these holds for one of its tasks. */
  readonly when: readonly LightCondition[];
}

/** Red when a task is missed; yellow when one is pending, or missed or suspended without a reason; else green. */
export const LIGHT_RULES: readonly LightRule[] = [
  { light: "red", when: ["missed"] },
  { light: "yellow", when: ["pending", "missedWithoutReason", "suspendedWithoutReason"] },
];

/** The Chinese name of each condition, as the 通报设置 sheet writes it (`灯：黄 | 待确定、未完成未说明原因`). */
export const LIGHT_CONDITION_NAMES: Record<LightCondition, string> = {
  missed: "未完成",
  suspended: "暂不实施",
  pending: "待确定",
  missedWithoutReason: "未完成未说明原因",
  suspendedWithoutReason: "暂不实施未说明原因",
};

/** The word of each light (the department sheet's light cell, the settings' `灯：红` rows). */
export const LIGHT_WORDS: Record<Light, string> = { red: "红", yellow: "黄", green: "绿" };

/** The condition a Chinese name stands for; null when it is none. */
export function lightConditionOf(name: string): LightCondition | null {
  const t = name.trim();
  return (Object.keys(LIGHT_CONDITION_NAMES) as LightCondition[]).find((c) => LIGHT_CONDITION_NAMES[c] === t || c === t) ?? null;
}

/** A rule's conditions as the settings sheet writes them: `待确定、未完成未说明原因`. */
export function lightRuleText(rule: LightRule): string {
  return rule.when.map((c) => LIGHT_CONDITION_NAMES[c]).join("、");
}

/** The name counted for tasks whose lead cell is empty. */
export const NO_LEAD = "（未填写）";

/** The departments a task is counted for: its leads, or NO_LEAD when the cell is empty. */
export function leadsOf(task: Task): readonly string[] {
  return task.leads.length > 0 ? task.leads : [NO_LEAD];
}

const holds: Record<LightCondition, (t: Task) => boolean> = {
  missed: (t) => t.category === "missed",
  suspended: (t) => t.category === "suspended",
  pending: (t) => t.category === "pending",
  missedWithoutReason: (t) => t.category === "missed" && t.reason.trim() === "",
  suspendedWithoutReason: (t) => t.category === "suspended" && t.reason.trim() === "",
};

export function lightOf(tasks: readonly Task[], rules: readonly LightRule[] = LIGHT_RULES): Light {
  for (const rule of rules) if (tasks.some((t) => rule.when.some((c) => holds[c](t)))) return rule.light;
  return "green";
}

/** Tasks with a usable status by lead department (each lead of a task once). */
function byLead(tasks: readonly Task[]): Map<string, Task[]> {
  const map = new Map<string, Task[]>();
  for (const t of tasks) {
    if (t.category === null) continue;
    for (const lead of new Set(leadsOf(t))) {
      const list = map.get(lead);
      if (list) list.push(t);
      else map.set(lead, [t]);
    }
  }
  return map;
}

/**
 * The department view in rank order: share completed or on track (higher
 * first), then fewer missed tasks, then name; departments equal on share and
 * missed count share a rank.
 */
export function departmentView(
  tasks: readonly Task[],
  options: { readonly decimals: number; readonly rules?: readonly LightRule[]; readonly previousTasks?: readonly Task[] | null },
): DepartmentRow[] {
  const previous = options.previousTasks ? byLead(options.previousTasks) : null;
  const rows = [...byLead(tasks)].map(([name, list]) => {
    const counts = zeroCounts();
    for (const t of list) counts[t.category!]++;
    const good = counts.completed + counts.onTrack;
    const missedBefore = previous ? (previous.get(name) ?? []).filter((t) => t.category === "missed").length : null;
    return {
      name,
      total: list.length,
      counts,
      good,
      share: roundedShares([good, list.length - good], options.decimals)[0]!,
      light: lightOf(list, options.rules),
      missedChange: missedBefore === null ? null : counts.missed - missedBefore,
    };
  });
  // Exact comparison of shares (good/total) by cross-multiplying, not of their rounded text.
  const shareOrder = (a: (typeof rows)[number], b: (typeof rows)[number]) => b.good * a.total - a.good * b.total;
  const tie = (a: (typeof rows)[number], b: (typeof rows)[number]) => shareOrder(a, b) === 0 && a.counts.missed === b.counts.missed;
  rows.sort((a, b) => shareOrder(a, b) || a.counts.missed - b.counts.missed || a.name.localeCompare(b.name, "zh-CN"));
  let rank = 0;
  return rows.map((row, i) => {
    if (i === 0 || !tie(rows[i - 1]!, row)) rank = i + 1;
    const { good: _good, ...rest } = row;
    return { ...rest, rank };
  });
}
