import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "../../src/core";
import {
  autoLetter,
  choiceColumn,
  choiceValue,
  duplicateColumns,
  effectiveMapping,
  initialDraft,
  isDirty,
  mappingReducer,
  overridesToStore,
  sameMapping,
} from "../../src/taskpane/mapping-state";

/** What detection found on the variant sample (A…I). */
const DETECTED: ColumnMapping = { number: 0, task: 1, lead: 2, quarterTarget: 3, progress: 4, status: 5, reason: 6, nextSteps: 7, contact: 8 };

describe("mapping editor state", () => {
  it("starts from the saved overrides, ignoring bad entries", () => {
    expect(initialDraft(undefined)).toEqual({ overrides: {} });
    expect(initialDraft({ status: 6, reason: -1, lead: 1.5 } as ColumnMapping)).toEqual({ overrides: { status: 6 } });
  });

  it("sets, clears and resets overrides without changing the old state", () => {
    const start = initialDraft({ status: 6 });
    const set = mappingReducer(start, { type: "set", field: "contact", col: 7 });
    expect(set.overrides).toEqual({ status: 6, contact: 7 });
    expect(start.overrides).toEqual({ status: 6 });
    const cleared = mappingReducer(set, { type: "set", field: "status", col: null });
    expect(cleared.overrides).toEqual({ contact: 7 });
    expect(mappingReducer(set, { type: "set", field: "contact", col: -1 }).overrides).toEqual({ status: 6 });
    expect(mappingReducer(cleared, { type: "resetAll" }).overrides).toEqual({});
    expect(mappingReducer(cleared, { type: "load", overrides: { lead: 3 } }).overrides).toEqual({ lead: 3 });
  });

  it("knows when the draft differs from what is saved", () => {
    expect(isDirty(initialDraft({ status: 6 }), { status: 6 })).toBe(false);
    expect(isDirty(mappingReducer(initialDraft(undefined), { type: "set", field: "status", col: 6 }), undefined)).toBe(true);
    expect(isDirty(mappingReducer(initialDraft({ status: 6 }), { type: "set", field: "status", col: null }), { status: 6 })).toBe(true);
    expect(sameMapping({}, undefined)).toBe(true);
    expect(sameMapping({ status: 0 }, {})).toBe(false);
  });

  it("shows the effective mapping: overrides over detection; a removed override is unknown until the next run", () => {
    const draft = mappingReducer(initialDraft(undefined), { type: "set", field: "contact", col: 7 });
    expect(effectiveMapping(DETECTED, undefined, draft)).toEqual({ ...DETECTED, contact: 7 });
    // Saved status=G (so detection reported 6 for status); the draft goes back to auto.
    const detectedWithOverride = { ...DETECTED, status: 6 };
    const back = mappingReducer(initialDraft({ status: 6 }), { type: "set", field: "status", col: null });
    expect(effectiveMapping(detectedWithOverride, { status: 6 }, back).status).toBeUndefined();
  });

  it("finds columns used by more than one field", () => {
    const draft = mappingReducer(initialDraft(undefined), { type: "set", field: "contact", col: 7 });
    expect(duplicateColumns(effectiveMapping(DETECTED, undefined, draft))).toEqual([{ col: 7, fields: ["nextSteps", "contact"] }]);
    expect(duplicateColumns(DETECTED)).toEqual([]);
  });

  it("labels the auto choice with the detected letter unless an override hides it", () => {
    expect(autoLetter("status", DETECTED, undefined)).toBe("F");
    expect(autoLetter("support", DETECTED, undefined)).toBeNull();
    expect(autoLetter("status", { ...DETECTED, status: 6 }, { status: 6 })).toBeUndefined();
  });

  it("converts between select values and columns", () => {
    const draft = initialDraft({ contact: 27 });
    expect(choiceValue(draft, "contact")).toBe("AB");
    expect(choiceValue(draft, "status")).toBe("");
    expect(choiceColumn("AB")).toBe(27);
    expect(choiceColumn("")).toBeNull();
    expect(choiceColumn("1")).toBeNull();
  });

  it("stores only overrides, nothing when there are none", () => {
    expect(overridesToStore(initialDraft(undefined))).toBeUndefined();
    expect(overridesToStore(initialDraft({ reason: 7 }))).toEqual({ reason: 7 });
  });
});
