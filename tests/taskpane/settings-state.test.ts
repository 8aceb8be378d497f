import { describe, expect, it } from "vitest";
import { normaliseSettings } from "../../src/core";
import { draftFromSettings, sameSettings, settingsFromDraft, type SettingsDraft } from "../../src/taskpane/settings-state";

const EMPTY: SettingsDraft = draftFromSettings({}, 2);

describe("settings form state", () => {
  it("shows stored settings as text, the default decimals when none are stored", () => {
    expect(EMPTY).toEqual({ government: "", office: "", issuer: "", year: "", quarter: "", date: "", decimals: "2", summary: "" });
    expect(draftFromSettings({ government: "淄川区人民政府", year: 2025, quarter: 3, date: "2025-10-29", decimals: 1 }, 2)).toMatchObject({
      government: "淄川区人民政府",
      year: "2025",
      quarter: "3",
      date: "2025-10-29",
      decimals: "1",
    });
  });

  it("stores only what was filled in, trimmed", () => {
    const { settings, errors } = settingsFromDraft({ ...EMPTY, government: "  淄川区人民政府 ", year: "2025", quarter: "3", date: "2025-10-29", summary: " 总体进展顺利。 " });
    expect(errors).toEqual({});
    expect(settings).toEqual({ government: "淄川区人民政府", year: 2025, quarter: 3, date: "2025-10-29", decimals: 2, summary: "总体进展顺利。" });
    // What is stored, the core takes as is.
    expect(normaliseSettings(settings)).toMatchObject(settings);
  });

  it("accepts 2025年 as a year", () => {
    expect(settingsFromDraft({ ...EMPTY, year: "2025年" }).settings.year).toBe(2025);
  });

  it.each([
    [{ year: "25" }, { year: "invalidYear" }],
    [{ year: "二〇二五" }, { year: "invalidYear" }],
    [{ year: "2300" }, { year: "invalidYear" }],
    [{ date: "2025-02-30" }, { date: "invalidDate" }],
    [{ date: "29/10/2025" }, { date: "invalidDate" }],
  ] as const)("reports %j as %j and leaves it out", (change, expected) => {
    const { settings, errors } = settingsFromDraft({ ...EMPTY, ...change });
    expect(errors).toEqual(expected);
    expect(settings).not.toHaveProperty(Object.keys(expected)[0]!);
  });

  it("compares stored settings by value", () => {
    expect(sameSettings({ decimals: 2 }, { decimals: 2 })).toBe(true);
    expect(sameSettings({}, { decimals: 2 })).toBe(false);
    expect(sameSettings({ government: "甲" }, { government: "乙" })).toBe(false);
    // A draft made from stored settings gives them back: the form is not dirty after loading.
    const stored = { government: "淄川区人民政府", quarter: 3, decimals: 1 };
    expect(sameSettings(settingsFromDraft(draftFromSettings(stored, 2)).settings, stored)).toBe(true);
  });
});
