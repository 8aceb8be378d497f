import { describe, expect, it } from "vitest";
import { CATEGORIES, STATUS_WORDS, classifyStatus } from "../../src/core";

describe("status words", () => {
  it("maps every word of domain.md to its category", () => {
    const seen: Record<string, string[]> = {
      completed: ["已完成", "已完成年度目标", "提前完成", "已提前完成", "超进度"],
      onTrack: ["序时推进", "有序推进", "正常推进", "达进度", "进展顺利"],
      missed: ["未完成", "滞后", "进度滞后", "欠进度", "未达序时", "滞后序时"],
      suspended: ["暂不实施", "暂缓实施", "因政策调整暂不实施", "终止"],
      pending: ["待确定", "待定", "数据待反馈"],
    };
    for (const [category, words] of Object.entries(seen)) {
      for (const w of words) expect(classifyStatus(w), w).toBe(category);
    }
  });
  it("ignores spaces, full-width forms and a trailing full stop", () => {
    expect(classifyStatus(" 序时 推进 ")).toBe("onTrack");
    expect(classifyStatus("未完成。")).toBe("missed");
  });
  it("never guesses an unknown or empty word", () => {
    for (const w of ["基本完成", "进行中?", "", null, 3]) expect(classifyStatus(w)).toBeNull();
  });
  it("has no word in two categories", () => {
    const all = CATEGORIES.flatMap((c) => STATUS_WORDS[c]);
    expect(new Set(all).size).toBe(all.length);
  });
});
