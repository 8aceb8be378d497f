import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "../../src/core";
import {
  autoLetter,
  choiceColumn,
  choiceValue,
  droppedFields,
  initialDraft,
  isDirty,
  mappingReducer,
  overridesToStore,
  previewMapping,
  sameMapping,
} from "../../src/taskpane/mapping-state";
import { applyOverrides, locateTable } from "../../src/core";
import { book, row, trackingSheet } from "../helpers/grid";

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

  it("previews a correction by the core's own rule: the field detected on the chosen column gives way", () => {
    const draft = mappingReducer(initialDraft(undefined), { type: "set", field: "contact", col: 7 });
    const preview = previewMapping(DETECTED, undefined, draft);
    expect(preview).toEqual(applyOverrides(DETECTED, { contact: 7 }));
    expect(preview.contact).toBe(7);
    expect(preview.nextSteps).toBeUndefined();
    expect(droppedFields(DETECTED, preview)).toEqual([{ field: "nextSteps", col: 7, by: "contact" }]);
    expect(droppedFields(DETECTED, DETECTED)).toEqual([]);
    // Saved status=G (so the analysis reports 6 for status); the draft goes back to auto: unknown until the next run.
    const back = mappingReducer(initialDraft({ status: 6 }), { type: "set", field: "status", col: null });
    expect(previewMapping({ ...DETECTED, status: 6 }, { status: 6 }, back).status).toBeUndefined();
  });

  it("previews what the core then reads", () => {
    const sheet = trackingSheet([row(1, "任务一", "区发改局", "已完成"), row(2, "任务二", "区财政局", "未完成", { reason: "资金", next: "加快" })]);
    const detected = locateTable(book(sheet)).mapping;
    const reason = detected.reason!;
    const draft = mappingReducer(initialDraft(undefined), { type: "set", field: "nextSteps", col: reason });
    const preview = previewMapping(detected, undefined, draft);
    expect(preview.reason).toBeUndefined();
    expect(preview).toEqual(locateTable(book(sheet), { mapping: { nextSteps: reason } }).mapping);
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
