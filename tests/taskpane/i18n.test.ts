import { describe, expect, it } from "vitest";
import { CATEGORIES, FIELDS, SETTING_DEFINITIONS } from "../../src/core";
import { CATEGORY_LABELS } from "../../src/core";
import { EN_US, ZH_CN, officeDisplayLanguage, pickLocale, stringsFor } from "../../src/taskpane/i18n";

describe("pickLocale", () => {
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-cn", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["zh", "zh-CN"],
    ["en-US", "en-US"],
    ["en-GB", "en-US"],
    ["fr-FR", "en-US"],
    ["", "zh-CN"],
    [null, "zh-CN"],
    [undefined, "zh-CN"],
  ] as const)("%s → %s", (lang, locale) => {
    expect(pickLocale(lang)).toBe(locale);
  });

  it("does not take a language that merely starts with zh letters", () => {
    expect(pickLocale("zu-ZA")).toBe("en-US");
  });
});

describe("officeDisplayLanguage", () => {
  it("reads Office.context.displayLanguage, null outside Office", () => {
    const g = globalThis as { Office?: unknown };
    const old = g.Office;
    try {
      delete g.Office;
      expect(officeDisplayLanguage()).toBeNull();
      g.Office = { context: { displayLanguage: "en-US" } };
      expect(officeDisplayLanguage()).toBe("en-US");
      expect(stringsFor(pickLocale(officeDisplayLanguage())).actions.check).toBe("Check");
    } finally {
      g.Office = old;
    }
  });
});

/** Every leaf of a strings table: text, or a function's result on sample arguments. */
function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(prefix, value);
  else if (typeof value === "function") out.set(prefix, String((value as (...a: unknown[]) => unknown)(3, 2, 1)));
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${prefix}[${i}]`).forEach((t, k) => out.set(k, t)));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k).forEach((t, key) => out.set(key, t));
  }
  return out;
}

describe("strings", () => {
  it("has the same keys in both languages, none empty", () => {
    const zh = leaves(ZH_CN);
    const en = leaves(EN_US);
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, text] of [...zh, ...en]) expect(text.trim(), key).not.toBe("");
  });

  it("Chinese is Chinese and English is not (the settings sheet's own name aside)", () => {
    expect(ZH_CN.actions).toEqual({ check: "检查", highlight: "标记未完成", clear: "清除标记", generate: "生成通报", draft: "生成草稿", docx: "Word版通报", letters: "督办单" });
    for (const [key, text] of leaves(EN_US)) expect(text.replace(/通报设置/g, ""), key).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("puts no Western spaces inside Chinese text", () => {
    for (const [key, text] of leaves(ZH_CN)) expect(text, key).not.toMatch(/[\u4e00-\u9fff\uff08\uff09\u3001\uff0c\u3002\uff1a] [\w]|[\w] [\u4e00-\u9fff\uff08\uff09\u3001\uff0c\u3002\uff1a]/);
  });

  it("takes each setting's name from its definition, with a hint in both languages", () => {
    for (const d of SETTING_DEFINITIONS) {
      expect(ZH_CN.settings.labels[d.key]).toBe(d.name);
      expect(EN_US.settings.labels[d.key]).toBe(d.english);
      expect(ZH_CN.settings.hints[d.key]).toContain(d.expects);
      expect(EN_US.settings.hints[d.key]).toBeTruthy();
    }
  });

  it("uses the command line's category words and covers every category and field", () => {
    for (const c of CATEGORIES) expect(ZH_CN.categories[c]).toBe(CATEGORY_LABELS[c]);
    for (const f of FIELDS) {
      expect(ZH_CN.fields[f]).toBeTruthy();
      expect(EN_US.fields[f]).toBeTruthy();
    }
  });

  it("words the progress steps in Chinese", () => {
    expect(ZH_CN.steps).toEqual({
      reading: "正在读取工作簿…",
      checking: "正在检查调度表…",
      highlighting: "正在标记未完成任务…",
      writing: "正在写入督查通报…",
      done: "已完成",
    });
  });

  it("fills its messages with the shared wording of results", () => {
    expect(ZH_CN.results.generated({ sheet: "三季度督查通报", tasks: 99, missed: 8, uncounted: 0 })).toBe("已写入工作表“三季度督查通报”：共99项任务，标记未完成8项。");
    expect(ZH_CN.results.generatedTitle({ errors: 0, warnings: 1 })).toBe("已生成，仍有1个警告");
    expect(ZH_CN.results.generatedTitle({ errors: 0, warnings: 0 })).toBe("已生成");
    expect(EN_US.results.generatedTitle({ errors: 1, warnings: 2 })).toBe("Written; 1 error and 2 warnings remain");
    expect(ZH_CN.results.checked(20, 3, 1)).toBe("已检查：共20项任务，发现3个问题。其中1项状态为空或无法识别，未计入统计，请查看检查结果。");
    expect(ZH_CN.detection.tasks(20, 20)).toBe("20项任务");
    expect(ZH_CN.detection.tasks(20, 19)).toBe("20项任务，19项计入统计");
    expect(ZH_CN.detection.headerRows("3、4")).toBe("第3、4行");
    expect(ZH_CN.signing.line("淄川区人民政府办公室", "2025-10-29")).toBe("以淄川区人民政府办公室名义，2025年10月29日落款");
    expect(EN_US.signing.line("Office", "2025-10-29")).toBe("Signed by Office, dated 2025-10-29");
    expect(EN_US.results.generated({ sheet: "Q3", tasks: 20, missed: 5, uncounted: 1 })).toBe(
      "Sheet “Q3” written as a draft: 20 tasks, 5 marked as missed. 1 task has an empty or unrecognised status and is not counted; fill it in and write the notice again.",
    );
    expect(ZH_CN.results.cleared(0)).toBe("没有需要清除的标记。");
    // One rule marks every missed row (ExcelApi 1.9): the number of rules removed is no count to show.
    for (const rules of [1, 8]) {
      expect(ZH_CN.results.cleared(rules)).toBe("已清除本工具添加的未完成标记。");
      expect(EN_US.results.cleared(rules)).not.toMatch(/\d/);
    }
    expect(ZH_CN.detection.periodText(2025, 3)).toBe("2025年三季度");
    expect(ZH_CN.detection.periodText(null, null)).toBe("年度未识别，季度未识别");
    expect(EN_US.detection.periodText(2025, 3)).toBe("2025 Q3");
  });
});
