/** Chinese names of the status categories, shared by every surface (CLI, pane, ribbon, checks). */
import { CATEGORIES, type Category, type Statistics } from "./types";

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  completed: "已完成",
  onTrack: "序时推进",
  missed: "未完成",
  suspended: "暂不实施",
  pending: "待确定",
};

/** The categories in English (the pane in English, the check's English messages). */
export const CATEGORY_ENGLISH: Readonly<Record<Category, string>> = {
  completed: "Completed",
  onTrack: "On track",
  missed: "Missed",
  suspended: "Suspended",
  pending: "Pending",
};

/** `已完成 2 项（2.02%），序时推进 86 项（86.87%），…` */
export function categorySummary(statistics: Statistics): string {
  return CATEGORIES.map((c) => `${CATEGORY_LABELS[c]} ${statistics.counts[c]} 项（${statistics.percentages[c]}%）`).join("，");
}
