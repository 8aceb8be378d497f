/**
 * Every sentence of the notice, in one place. `{name}` marks a value filled
 * in by the generator. An office adapts the notice by editing these strings;
 * the generator only fills them and never adds words of its own.
 *
 * Based on the 2025 third-quarter notice of a district government office
 * (shared/reference/notice-2025-q3.txt), with its hand-typing slips mended.
 * Sentences that state a cause or a judgement the sheet cannot support (the
 * reference's "主要因上级政策调整，导致项目终止") are left neutral; an office
 * that wants them writes them here or in the summary setting.
 *
 * Values: {government} {office} {quarter} (三季度), {year} (2025年), {level}
 * (区, 县 or 市, from the government's name), {total}, {count}, {percent},
 * {names}, {cause}, {shares}, {summary}, {title}, {missing}, and in entries
 * {head} {targetSentence} {reason} {progress} {nextSteps}.
 *
 * Compared with the previous quarter (only when its statuses are at hand):
 * {previousQuarter} (二季度), {change} (how many more or fewer missed tasks),
 * {labels} (第30项、第32项: the tasks missed in both quarters).
 *
 * The 督办单 (one letter to each lead department with missed tasks) is worded
 * here too, under `letter`; its items are the notice's own entries of the
 * missed section, with the department's progress after the first paragraph.
 * Letter values: {department}, {count} (its missed tasks), {deadline} (the
 * feedback date), {prefix}, {numberYear} (2025), {serial} (3-01).
 */
import type { Category } from "../types";

export type SectionCategory = "missed" | "suspended" | "pending";

export interface Wording {
  readonly title: string;
  readonly opening: string;
  /** Default overall sentence when the office gives no summary of its own. */
  readonly defaultSummary: string;
  readonly overall: string;
  readonly shares: Readonly<Record<Category, string>>;
  /** Joins the share clauses. */
  readonly shareSeparator: string;
  /** Joins task names inside the brackets of the completed clause. */
  readonly nameSeparator: string;
  /**
   * Sections in the order they appear. Each entry is a list of paragraph
   * templates; a paragraph whose values are all empty is left out (one that
   * starts with {head} is always kept).
   */
  readonly sections: Readonly<Record<SectionCategory, { readonly heading: string; readonly intro: string; readonly entry: readonly string[] }>>;
  /** `{head}` of an entry. */
  readonly entryHead: string;
  /** `{targetSentence}` of an entry (empty when the sheet gives no target). */
  readonly entryTarget: string;
  /** `{targetSentence}` where the sheet gives only the annual target. */
  readonly entryAnnualTarget: string;
  /** `{cause}` of the suspended clause, only when every suspended task's reason speaks of policy. */
  readonly suspendedCause: string;
  /** The title of a draft. */
  readonly draftTitle: string;
  /** The line under the overall paragraph of a draft: how many tasks are missing. */
  readonly draftNote: string;
  /** Stands for an empty lead department. */
  readonly noLead: string;
  readonly closing: readonly string[];
  readonly quarterNames: readonly [string, string, string, string];
  readonly unknownQuarter: string;
  readonly date: string;
  readonly sheetName: string;
  readonly letter: LetterWording;
  readonly comparison: ComparisonWording;
}

/**
 * The sentences about the previous quarter. The change is put after the
 * overall paragraph's statistics; the tasks missed twice running open the
 * missed section. Without a previous quarter none of them is used.
 */
export interface ComparisonWording {
  /** More missed tasks than last quarter ({change} is the difference). */
  readonly more: string;
  readonly fewer: string;
  readonly same: string;
  /** Opens the missed section: the tasks missed in both quarters. */
  readonly stillMissed: string;
  /** Names the previous quarter when its sheet states none. */
  readonly unknownQuarter: string;
}

/** The 督办单's own sentences (its items reuse the missed section's entry). */
export interface LetterWording {
  readonly title: string;
  readonly number: string;
  /** The department the letter goes to (主送). */
  readonly addressee: string;
  readonly opening: string;
  readonly itemsHeading: string;
  /** Put after the first paragraph of each item; left out when the sheet gives no progress. */
  readonly progress: string;
  readonly requirementsHeading: string;
  readonly requirements: readonly string[];
}

export const WORDING: Wording = {
  title: "{government}关于《政府工作报告》重点工作任务{quarter}进展情况的督查通报",
  opening: "根据工作安排，{office}对《政府工作报告》重点工作任务{quarter}进展情况逐项进行了调度汇总，现将有关情况通报如下：",
  defaultSummary: "从调度情况看，各部门单位围绕{year}《政府工作报告》确定的重点工作任务，认真抓好落实。",
  overall: "{summary}{total}项重点工作任务中，{shares}。",
  shares: {
    completed: "{count}项已完成年度目标任务{names}，占总任务数的{percent}%",
    onTrack: "{count}项有序推进中，均完成年初确定的季度目标任务，占总任务数的{percent}%",
    missed: "{count}项未完成年初确定的季度目标任务，占总任务数的{percent}%",
    suspended: "{count}项{cause}暂不实施，占总任务数的{percent}%",
    pending: "{count}项待确定，占总任务数的{percent}%",
  },
  shareSeparator: "；",
  nameSeparator: "、",
  sections: {
    missed: {
      heading: "未完成季度目标任务具体情况",
      intro: "",
      entry: ["{head}{targetSentence}", "未完成原因：{reason}", "下一步工作：{nextSteps}"],
    },
    suspended: {
      heading: "暂不实施目标任务开展情况",
      intro: "{quarter}《政府工作报告》重点工作任务暂不实施共{count}项，具体情况如下：",
      entry: ["{head}{targetSentence}", "暂不实施原因：{reason}", "下一步工作：{nextSteps}"],
    },
    pending: {
      heading: "待确定季度目标任务情况",
      intro: "{quarter}《政府工作报告》重点工作任务待确定共{count}项，具体情况如下：",
      entry: ["{head}{reason}{progress}", "下一步工作：{nextSteps}"],
    },
  },
  entryHead: "{label}“{task}”（牵头部门：{lead}）。",
  entryTarget: "根据年初确定季度目标任务，{quarter}{target}",
  entryAnnualTarget: "根据年初确定的年度目标任务，{target}",
  suspendedCause: "因政策调整",
  draftTitle: "{title}（草稿）",
  draftNote: "（草稿：另有{missing}项任务的完成状态为空或无法识别，未计入以上统计；补填后重新生成正式通报。）",
  noLead: "未填写",
  closing: [
    "各级各部门要按照{level}委、{level}政府部署要求，坚持目标导向、问题导向，强化调度督导，聚力攻坚克难，全力以赴抓好工作落实，全面完成经济社会发展预期目标。",
    "{office}将持续做好对{total}项重点工作的跟踪督导，并适时开展现场督查，推动各项重点工作落地落实。",
  ],
  quarterNames: ["一季度", "二季度", "三季度", "四季度"],
  unknownQuarter: "本季度",
  date: "{year}年{month}月{day}日",
  sheetName: "{quarter}督查通报",
  letter: {
    title: "督办通知单",
    number: "{prefix}〔{numberYear}〕{serial}号",
    addressee: "{department}：",
    opening: "根据{year}《政府工作报告》重点工作任务{quarter}进展情况调度，你单位牵头的以下{count}项重点工作任务未完成年初确定的季度目标任务，现予督办。",
    itemsHeading: "督办事项",
    progress: "进展情况：{progress}",
    requirementsHeading: "办理要求",
    requirements: [
      "请对照年初确定的目标任务，认真分析未完成原因，逐项制定整改措施，明确责任人和完成时限，加快推进工作进度。",
      "请于{deadline}前将办理情况书面反馈{office}。",
    ],
  },
  comparison: {
    more: "未完成任务较{previousQuarter}增加{change}项。",
    fewer: "未完成任务较{previousQuarter}减少{change}项。",
    same: "未完成任务与{previousQuarter}持平。",
    stillMissed: "其中，{labels}连续两个季度未完成季度目标任务。",
    unknownQuarter: "上季度",
  },
};

/** Fills `{name}` placeholders from `values`, else `fallback`; an unknown name is a programming error. */
export function fill(template: string, values: Readonly<Record<string, string | number>>, fallback: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name] ?? fallback[name];
    if (v === undefined) throw new Error(`wording placeholder {${name}} has no value`);
    return String(v);
  });
}
