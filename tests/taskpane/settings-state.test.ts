import { describe, expect, it } from "vitest";
import { SETTING_DEFINITIONS, normaliseSettings } from "../../src/core";
import { draftFromSettings, sameSettings, settingsFromDraft } from "../../src/taskpane/settings-state";

const EMPTY = draftFromSettings({});

describe("settings form state", () => {
  it("has one field per setting definition, the new settings included, empty when nothing is stored", () => {
    expect(Object.keys(EMPTY)).toEqual(SETTING_DEFINITIONS.map((d) => d.key));
    expect(Object.keys(EMPTY)).toEqual(expect.arrayContaining(["letterPrefix", "feedbackDays"]));
    for (const text of Object.values(EMPTY)) expect(text).toBe("");
    expect(draftFromSettings({ government: "淄川区人民政府", year: 2025, quarter: 3, date: "2025-10-29", decimals: 1, feedbackDays: 10 })).toMatchObject({
      government: "淄川区人民政府",
      year: "2025",
      quarter: "3",
      date: "2025-10-29",
      decimals: "1",
      feedbackDays: "10",
    });
  });

  it("parses each value with its definition and stores only what was filled in", () => {
    const { settings, errors } = settingsFromDraft({ ...EMPTY, government: "  淄川区人民政府 ", year: "2025年", quarter: "三季度", date: "2025年10月29日", summary: " 总体进展顺利。 ", letterPrefix: "督办", feedbackDays: "10天" });
    expect(errors).toEqual({});
    expect(settings).toEqual({ government: "淄川区人民政府", year: 2025, quarter: 3, date: "2025-10-29", summary: "总体进展顺利。", letterPrefix: "督办", feedbackDays: 10 });
    // What is stored, the core takes as is.
    expect(normaliseSettings(settings)).toMatchObject(settings);
  });

  it.each([
    [{ year: "25" }, "year"],
    [{ year: "二〇二五" }, "year"],
    [{ year: "2300" }, "year"],
    [{ date: "2025-02-30" }, "date"],
    [{ date: "29/10/2025" }, "date"],
    [{ decimals: "九" }, "decimals"],
    [{ decimals: "5" }, "decimals"],
    [{ feedbackDays: "0" }, "feedbackDays"],
  ] as const)("reports %j with the definition's problem and leaves it out", (change, key) => {
    const { settings, errors } = settingsFromDraft({ ...EMPTY, ...change });
    expect(Object.keys(errors)).toEqual([key]);
    expect(errors[key]).toBe((SETTING_DEFINITIONS.find((d) => d.key === key)!.parse(Object.values(change)[0]!) as { problem: string }).problem);
    expect(settings).not.toHaveProperty(key);
  });

  it("compares stored settings by value", () => {
    expect(sameSettings({ decimals: 2 }, { decimals: 2 })).toBe(true);
    expect(sameSettings({}, { decimals: 2 })).toBe(false);
    expect(sameSettings({ government: "甲" }, { government: "乙" })).toBe(false);
    // A draft made from stored settings gives them back: the form is not dirty after loading.
    const stored = { government: "淄川区人民政府", quarter: 3, decimals: 1, date: "2025-10-29", feedbackDays: 20 };
    expect(sameSettings(settingsFromDraft(draftFromSettings(stored)).settings, stored)).toBe(true);
  });
});
