/**
 * This quarter's tasks against the previous quarter's: which previous task is
 * the same task, and what changed. A task is matched by its row (the previous
 * quarter's columns of the same ledger), or by its number when the task text
 * agrees, or by its text alone when that text is unique on both sides (the
 * numbers changed). Anything else stays unmatched: reported, never guessed.
 */
import { flattenText, toHalfWidth } from "./text";
import type { Category, Task } from "./types";

/** The classes of a task against the previous quarter; every task of this quarter is in exactly one. */
export const CHANGE_CLASSES = ["stillMissed", "newlyMissed", "resolved", "newlySuspended", "unchanged", "unmatched"] as const;
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

/**
 * The class of a matched task from its category now and last quarter.
 * Precedence, first that holds:
 * 1. missed now: `stillMissed` when missed last quarter too, else `newlyMissed`;
 * 2. suspended now and not last quarter: `newlySuspended` (a missed task that
 *    is suspended is not resolved: the office still has to hear why);
 * 3. missed last quarter, completed or on track now: `resolved`;
 * 4. anything else (the same category, another move, a status not readable
 *    now, or a missed task now pending): `unchanged`.
 */
export function changeClass(now: Category | null, before: Category | null): Exclude<ChangeClass, "unmatched"> {
  if (now === "missed") return before === "missed" ? "stillMissed" : "newlyMissed";
  if (now === "suspended" && before !== "suspended") return "newlySuspended";
  if (before === "missed" && (now === "completed" || now === "onTrack")) return "resolved";
  return "unchanged";
}

/** Task text for matching: half-width, without spaces or punctuation. */
export function matchingText(text: string): string {
  return toHalfWidth(flattenText(text))
    .replace(/[\s\p{P}\p{S}]/gu, "")
    .toLowerCase();
}

/** The task's number as a key across sheets (section, number, sub-item); null without a number. */
function numberKey(task: Task): string | null {
  if (task.number === null) return null;
  return `${task.section ?? ""}|${task.number}|${task.subItem ?? ""}`;
}

/** How a matched task was found. */
export type MatchRule = "row" | "number" | "text";

export interface TaskMatch {
  readonly current: Task;
  /** null when no previous task matches. */
  readonly previous: Task | null;
  readonly rule: MatchRule | null;
}

/** The previous quarter read from the same rows of the same ledger: the same row is the same task. */
export function matchByRow(current: readonly Task[], previous: readonly Task[]): TaskMatch[] {
  const byRow = new Map(previous.map((t) => [t.row, t]));
  return current.map((t) => {
    const p = byRow.get(t.row) ?? null;
    return { current: t, previous: p, rule: p === null ? null : "row" };
  });
}

/** Counts of each value in a list. */
function tally(keys: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

/**
 * The previous quarter from another sheet or workbook, where rows differ:
 * 1. by number (section, number, sub-item) when the texts agree: equal once
 *    normalised, or one side has no text to contradict;
 * 2. then, for tasks still unmatched, by text alone when the normalised text
 *    is unique among this quarter's tasks and among the previous tasks left.
 * A previous task is matched at most once.
 */
export function matchByNumberAndText(current: readonly Task[], previous: readonly Task[]): TaskMatch[] {
  const taken = new Set<Task>();
  const textOf = new Map<Task, string>([...current, ...previous].map((t) => [t, matchingText(t.text)]));
  const byNumber = new Map<string, Task[]>();
  for (const p of previous) {
    const key = numberKey(p);
    if (key === null) continue;
    const list = byNumber.get(key);
    if (list) list.push(p);
    else byNumber.set(key, [p]);
  }
  const found = new Map<Task, { previous: Task; rule: MatchRule }>();
  for (const t of current) {
    const key = numberKey(t);
    if (key === null) continue;
    const own = textOf.get(t)!;
    const agreeing = (byNumber.get(key) ?? []).filter((p) => {
      const theirs = textOf.get(p)!;
      return !taken.has(p) && (theirs === own || theirs === "" || own === "");
    });
    if (agreeing.length !== 1) continue;
    taken.add(agreeing[0]!);
    found.set(t, { previous: agreeing[0]!, rule: "number" });
  }

  const currentTexts = tally(current.map((t) => textOf.get(t)!));
  const left = previous.filter((p) => !taken.has(p));
  const previousTexts = tally(left.map((p) => textOf.get(p)!));
  const leftByText = new Map(left.map((p) => [textOf.get(p)!, p]));
  for (const t of current) {
    if (found.has(t)) continue;
    const own = textOf.get(t)!;
    if (own === "" || currentTexts.get(own) !== 1 || previousTexts.get(own) !== 1) continue;
    const p = leftByText.get(own)!;
    taken.add(p);
    found.set(t, { previous: p, rule: "text" });
  }
  return current.map((t) => {
    const f = found.get(t);
    return { current: t, previous: f?.previous ?? null, rule: f?.rule ?? null };
  });
}

/** Task ids per class, in this quarter's task order. */
export type ChangeLists = Record<ChangeClass, string[]>;

/** Puts every task in its class. */
export function classifyMatches(matches: readonly TaskMatch[]): ChangeLists {
  const lists = Object.fromEntries(CHANGE_CLASSES.map((c) => [c, [] as string[]])) as ChangeLists;
  for (const m of matches) {
    const c = m.previous === null ? "unmatched" : changeClass(m.current.category, m.previous.category);
    lists[c].push(m.current.id);
  }
  return lists;
}
