/**
 * 督办单: one letter to each lead department with missed tasks, numbered
 * `督办〔2025〕3-01号`, listing each of its missed tasks as the notice does
 * (with the progress the sheet gives), asking for feedback by a date. A task
 * with two lead departments is in both letters. Built together with the
 * notice (buildNotice), from the same tasks and the same wording.
 */
import { parseIsoDate, type NoticeSettings } from "../settings";
import { chineseNumber } from "../text";
import type { Period, Task } from "../types";
import { fill, type Wording } from "./wording";
import { templateWords } from "./title-words";

/** Paragraph roles a letter uses besides the notice's (title, body, heading, issuer, date, blank). */
export interface LetterParagraph {
  readonly role: "title" | "number" | "addressee" | "body" | "heading" | "issuer" | "date" | "blank";
  readonly text: string;
}

export interface LetterModel {
  /** The lead department the letter goes to. */
  readonly department: string;
  /** `督办〔2025〕3-01号`. */
  readonly number: string;
  readonly title: string;
  /** The title as the words it may break between. */
  readonly titleWords: readonly string[];
  readonly paragraphs: readonly LetterParagraph[];
  /** Ids of the missed tasks the letter lists, in task order. */
  readonly taskIds: readonly string[];
  /** The department as a file name (no `/\:*?"<>|`), unique among the letters. */
  readonly fileStem: string;
}

export interface LetterInput {
  readonly tasks: readonly Task[];
  readonly period: Period;
  readonly settings: NoticeSettings;
  /** `YYYY-MM-DD` of the notice. */
  readonly date: string;
  /** The values every template may use (government, office, quarter, year, …). */
  readonly globals: Readonly<Record<string, string | number>>;
  /** The notice's paragraphs for one missed task, from the given entry templates. */
  readonly entry: (task: Task, templates: readonly string[]) => string[];
  /** The notice's date wording applied to an ISO date. */
  readonly formatDate: (iso: string) => string;
}

/** `2025-10-29` plus 15 days → `2025-11-13`. */
export function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`not a date: ${iso}`);
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** A department's name as a file name on Windows, macOS and Linux. */
export function fileStem(name: string): string {
  const safe = name
    .replace(/[/\\:*?"<>|\u0000-\u001f]/g, "_")
    .replace(/[\s.]+$/, "")
    .trim();
  return safe === "" ? "_" : safe;
}

/** The lead departments with missed tasks, in the order of their first missed task, each with its tasks. */
export function laggingDepartments(tasks: readonly Task[]): { department: string; tasks: Task[] }[] {
  const byDepartment = new Map<string, Task[]>();
  for (const t of tasks) {
    if (t.category !== "missed") continue;
    for (const lead of new Set(t.leads)) {
      const list = byDepartment.get(lead) ?? [];
      list.push(t);
      byDepartment.set(lead, list);
    }
  }
  return [...byDepartment].map(([department, list]) => ({ department, tasks: list }));
}

export function buildLetters(input: LetterInput, wording: Wording): LetterModel[] {
  const w = wording.letter;
  const { settings, period } = input;
  const numberYear = period.year ?? parseIsoDate(input.date)!.year;
  const deadline = input.formatDate(addDays(input.date, settings.feedbackDays));
  const missedEntry = wording.sections.missed.entry;
  // The item: the notice's entry, with the progress after its first paragraph.
  const itemTemplates = [...missedEntry.slice(0, 1), w.progress, ...missedEntry.slice(1)];
  const stems = new Map<string, number>();

  return laggingDepartments(input.tasks).map(({ department, tasks }, i) => {
    const seq = String(i + 1).padStart(2, "0");
    const serial = period.quarter === null ? seq : `${period.quarter}-${seq}`;
    const values = { ...input.globals, department, count: tasks.length, deadline, prefix: settings.letterPrefix, numberYear, serial };
    const title = fill(w.title, values);
    const p: LetterParagraph[] = [
      { role: "title", text: title },
      { role: "number", text: fill(w.number, values) },
      { role: "blank", text: "" },
      { role: "addressee", text: fill(w.addressee, values) },
      { role: "body", text: fill(w.opening, values) },
      { role: "heading", text: `${chineseNumber(1)}、${fill(w.itemsHeading, values)}` },
    ];
    for (const t of tasks) for (const text of input.entry(t, itemTemplates)) p.push({ role: "body", text });
    p.push({ role: "heading", text: `${chineseNumber(2)}、${fill(w.requirementsHeading, values)}` });
    for (const r of w.requirements) p.push({ role: "body", text: fill(r, values) });
    p.push({ role: "blank", text: "" });
    p.push({ role: "issuer", text: settings.office });
    p.push({ role: "date", text: input.formatDate(input.date) });

    let stem = fileStem(department);
    const seen = stems.get(stem) ?? 0;
    stems.set(stem, seen + 1);
    if (seen > 0) stem = `${stem}-${seen + 1}`;
    return {
      department,
      number: fill(w.number, values),
      title,
      titleWords: templateWords(w.title, values),
      paragraphs: p,
      taskIds: tasks.map((t) => t.id),
      fileStem: stem,
    };
  });
}
