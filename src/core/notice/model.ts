/** The notice as paragraphs: what it says, before any layout. */
import { chineseNumber, endSentence, flattenText } from "../text";
import { parseIsoDate, type NoticeSettings } from "../settings";
import { CATEGORIES, type Comparison, type Period, type Statistics, type Task } from "../types";
import { WORDING, fill, type SectionCategory, type Wording } from "./wording";
import { buildLetters, type LetterModel } from "./letters";
import { templateWords } from "./title-words";

/** What a paragraph is; `number` (a letter's number) and `addressee` (主送) occur in letters only. */
export type ParagraphRole = "title" | "body" | "heading" | "closing" | "issuer" | "date" | "blank" | "number" | "addressee";

export interface Paragraph {
  readonly role: ParagraphRole;
  readonly text: string;
}

export interface NoticeModel {
  readonly title: string;
  /** The title as the words it may break between (joined, the title). */
  readonly titleWords: readonly string[];
  readonly sheetName: string;
  readonly paragraphs: readonly Paragraph[];
  /** A 督办单 for each lead department with missed tasks, from the same tasks and wording. */
  readonly letters: readonly LetterModel[];
}

export interface NoticeInput {
  readonly tasks: readonly Task[];
  readonly statistics: Statistics;
  readonly period: Period;
  readonly settings: NoticeSettings;
  /** `YYYY-MM-DD` of the run, used when the settings name no date. */
  readonly today: string;
  /** Tasks without a usable status; more than 0 makes the notice a draft. */
  readonly unclassified?: number;
  /** This quarter against the previous one; without it the notice says nothing of the previous quarter. */
  readonly comparison?: Comparison | null;
}

const SECTION_ORDER: readonly SectionCategory[] = ["missed", "suspended", "pending"];
/** Longest task name shown in the brackets after the completed count. */
const MAX_NAME_LENGTH = 30;

export function quarterName(quarter: number | null, wording: Wording = WORDING): string {
  return quarter === null ? wording.unknownQuarter : wording.quarterNames[quarter - 1]!;
}

/** The short name of a task: its text up to the first comma or full stop, at most 30 characters. */
export function shortName(task: Task): string {
  const head = [...flattenText(task.text).split(/[，。；：,;:]/)[0]!.trim()];
  if (head.length === 0) return task.label;
  return head.length > MAX_NAME_LENGTH ? head.slice(0, MAX_NAME_LENGTH - 1).join("") + "…" : head.join("");
}

/** Quoted text inside the notice's own “…”: inner double quotes become single ones (GB/T 15834). */
export function quoteInner(text: string): string {
  return text.replace(/“/g, "‘").replace(/”/g, "’");
}

/** 区, 县 or 市 from a government's name (淄川区人民政府 → 区); 区 when it does not say. */
export function governmentLevel(government: string): string {
  const m = /([区县市旗州])(?:人民政府|政府)?$/.exec(government.trim());
  return m ? m[1]! : "区";
}

function formatDate(iso: string, wording: Wording): string {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`not a date: ${iso}`);
  return fill(wording.date, { year: d.year, month: d.month, day: d.day });
}

/** Values every template may use: who, when, and the counts. */
type Globals = Readonly<Record<string, string | number>>;

function globalsOf(input: NoticeInput, quarter: string): Globals {
  const { counts, total } = input.statistics;
  return {
    government: input.settings.government,
    office: input.settings.office,
    quarter,
    year: input.period.year === null ? "" : `${input.period.year}年`,
    level: governmentLevel(input.settings.government),
    total,
    ...counts,
  };
}

function overallParagraph(input: NoticeInput, globals: Globals, wording: Wording): string {
  const { statistics, tasks } = input;
  const completedNames = tasks.filter((t) => t.category === "completed").map(shortName);
  const suspended = tasks.filter((t) => t.category === "suspended");
  const cause = suspended.length > 0 && suspended.every((t) => /政策/.test(t.reason + t.statusText)) ? wording.suspendedCause : "";
  const clauses = CATEGORIES.filter((c) => statistics.counts[c] > 0).map((c) =>
    fill(wording.shares[c], {
      ...globals,
      count: statistics.counts[c],
      percent: statistics.percentages[c],
      names: c === "completed" && completedNames.length > 0 ? `（${completedNames.join(wording.nameSeparator)}）` : "",
      cause,
    }),
  );
  const summary = input.settings.summary !== "" ? endSentence(input.settings.summary) : fill(wording.defaultSummary, globals);
  return fill(wording.overall, { ...globals, summary, shares: clauses.join(wording.shareSeparator) }) + missedChange(input, globals, wording);
}

/** `二季度`, or `2024年四季度` when the previous quarter is of another year. */
function previousQuarterName(c: Comparison, period: Period, wording: Wording): string {
  if (c.previous.quarter === null) return wording.comparison.unknownQuarter;
  const name = quarterName(c.previous.quarter, wording);
  return c.previous.year !== null && period.year !== null && c.previous.year !== period.year ? `${c.previous.year}年${name}` : name;
}

/** `未完成任务较二季度增加3项。` after the overall statistics; empty without a previous quarter. */
function missedChange(input: NoticeInput, globals: Globals, wording: Wording): string {
  const c = input.comparison;
  if (!c) return "";
  const before = c.previousTasks.filter((t) => t.category === "missed").length;
  const change = input.statistics.counts.missed - before;
  const template = change > 0 ? wording.comparison.more : change < 0 ? wording.comparison.fewer : wording.comparison.same;
  return fill(template, { previousQuarter: previousQuarterName(c, input.period, wording), change: Math.abs(change) }, globals);
}

/** `其中，第30项、第32项连续两个季度未完成季度目标任务。` opening the missed section; empty when no task is missed twice running. */
function stillMissedSentence(input: NoticeInput, missed: readonly Task[], globals: Globals, wording: Wording): string {
  const c = input.comparison;
  if (!c || c.stillMissed.length === 0) return "";
  const twice = new Set(c.stillMissed);
  const labels = missed.filter((t) => twice.has(t.id)).map((t) => t.label);
  if (labels.length === 0) return "";
  return fill(wording.comparison.stillMissed, { previousQuarter: previousQuarterName(c, input.period, wording), labels: labels.join(wording.nameSeparator) }, globals);
}

/** The values an entry's templates take from the task. */
const ENTRY_VALUES = ["head", "targetSentence", "reason", "progress", "nextSteps"];

/** The entry values each template names (templates repeat for every task: worked out once). */
const OWN_NAMES = new Map<string, string[]>();

function ownNames(template: string): string[] {
  let names = OWN_NAMES.get(template);
  if (!names) OWN_NAMES.set(template, (names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((n) => ENTRY_VALUES.includes(n))));
  return names;
}

function entryParagraphs(task: Task, globals: Globals, templates: readonly string[], wording: Wording): string[] {
  const values: Record<string, string> = {
    head: fill(wording.entryHead, { label: task.label, task: quoteInner(flattenText(task.text)), lead: task.leadText || wording.noLead }, globals),
    targetSentence:
      task.target === "" ? "" : fill(task.targetKind === "annual" ? wording.entryAnnualTarget : wording.entryTarget, { target: endSentence(task.target) }, globals),
    reason: endSentence(task.reason),
    progress: endSentence(task.progress),
    nextSteps: endSentence(task.nextSteps),
  };
  const out: string[] = [];
  for (const template of templates) {
    // A paragraph stands when it names the task, or when a value of the task it names is there.
    const own = ownNames(template);
    const keep = own.includes("head") || own.length === 0 || own.some((n) => values[n] !== "");
    if (keep) out.push(fill(template, values, globals));
  }
  return out;
}

/** Builds the notice's paragraphs from the checked tasks and their statistics. */
export function buildNotice(input: NoticeInput, wording: Wording = WORDING): NoticeModel {
  const quarter = quarterName(input.period.quarter, wording);
  const base = globalsOf(input, quarter);
  const missing = input.unclassified ?? 0;
  const final = fill(wording.title, base);
  const title = missing > 0 ? fill(wording.draftTitle, { ...base, title: final }) : final;
  const finalWords = templateWords(wording.title, base);
  const titleWords = missing > 0 ? templateWords(wording.draftTitle, { ...base, title: final }, { title: finalWords }) : finalWords;
  const p: Paragraph[] = [
    { role: "title", text: title },
    { role: "blank", text: "" },
    { role: "body", text: fill(wording.opening, base) },
    { role: "body", text: overallParagraph(input, base, wording) },
  ];
  if (missing > 0) p.push({ role: "body", text: fill(wording.draftNote, { ...base, missing }) });

  let section = 0;
  for (const category of SECTION_ORDER) {
    const tasks = input.tasks.filter((t) => t.category === category);
    if (tasks.length === 0) continue;
    const spec = wording.sections[category];
    section++;
    p.push({ role: "heading", text: `${chineseNumber(section)}、${spec.heading}` });
    if (spec.intro !== "") p.push({ role: "body", text: fill(spec.intro, { ...base, count: tasks.length }) });
    const twice = category === "missed" ? stillMissedSentence(input, tasks, base, wording) : "";
    if (twice !== "") p.push({ role: "body", text: twice });
    for (const t of tasks) {
      for (const text of entryParagraphs(t, base, spec.entry, wording)) p.push({ role: "body", text });
    }
  }

  for (const c of wording.closing) p.push({ role: "closing", text: fill(c, base) });
  // GB/T 9704 7.3.5.2: the issuer one blank line below the text.
  p.push({ role: "blank", text: "" });
  p.push({ role: "issuer", text: input.settings.issuer });
  const date = input.settings.date || input.today;
  p.push({ role: "date", text: formatDate(date, wording) });

  const letters = buildLetters(
    {
      tasks: input.tasks,
      period: input.period,
      settings: input.settings,
      date,
      globals: base,
      entry: (task, templates) => entryParagraphs(task, base, templates, wording),
      formatDate: (iso) => formatDate(iso, wording),
    },
    wording,
  );
  return { title, titleWords, sheetName: fill(wording.sheetName, { quarter: input.period.quarter === null ? "" : quarter }), paragraphs: p, letters };
}

/** The notice as plain text, one paragraph a line (for the golden test and `--text`). */
export function noticeText(model: NoticeModel): string {
  return model.paragraphs.map((p) => p.text).join("\n") + "\n";
}
