/**
 * The column mapping editor's state, kept pure so it can be tested alone.
 *
 * Only the user's overrides are stored (field → column, `列：完成状态 | G` in
 * the 通报设置 sheet); every other field is found from the headers on each
 * run, so a sheet whose layout changes next quarter is still read right. The
 * mapping the pane shows already includes the saved overrides (the core
 * reads them from the sheet).
 */
import { FIELDS, applyOverrides, columnIndex, columnLetter, type ColumnMapping, type Field } from "../core";

export interface MappingDraft {
  /** The overrides being edited. */
  readonly overrides: ColumnMapping;
}

export type MappingAction =
  | { readonly type: "set"; readonly field: Field; readonly col: number | null }
  | { readonly type: "resetAll" }
  | { readonly type: "load"; readonly overrides: ColumnMapping | undefined };

function copy(mapping: ColumnMapping | undefined): ColumnMapping {
  const out: ColumnMapping = {};
  for (const f of FIELDS) {
    const v = mapping?.[f];
    if (typeof v === "number" && Number.isInteger(v) && v >= 0) out[f] = v;
  }
  return out;
}

export function initialDraft(saved: ColumnMapping | undefined): MappingDraft {
  return { overrides: copy(saved) };
}

export function mappingReducer(state: MappingDraft, action: MappingAction): MappingDraft {
  switch (action.type) {
    case "set": {
      const overrides = { ...state.overrides };
      if (action.col === null || action.col < 0) delete overrides[action.field];
      else overrides[action.field] = action.col;
      return { overrides };
    }
    case "resetAll":
      return { overrides: {} };
    case "load":
      return initialDraft(action.overrides);
  }
}

export function sameMapping(a: ColumnMapping | undefined, b: ColumnMapping | undefined): boolean {
  return FIELDS.every((f) => (a?.[f] ?? null) === (b?.[f] ?? null));
}

/** Whether the draft differs from what is saved. */
export function isDirty(draft: MappingDraft, saved: ColumnMapping | undefined): boolean {
  return !sameMapping(draft.overrides, copy(saved));
}

/**
 * The mapping a run with the draft would use, by the core's own rule
 * (applyOverrides: an override takes its column, and a field detected on
 * that column gives way). The analysis' mapping already holds the saved
 * overrides; a field whose saved override the draft removes goes back to
 * detection, which only the next run knows (left out).
 */
export function previewMapping(current: ColumnMapping, saved: ColumnMapping | undefined, draft: MappingDraft): ColumnMapping {
  const base: ColumnMapping = { ...current };
  for (const f of FIELDS) if (saved?.[f] !== undefined && draft.overrides[f] === undefined) delete base[f];
  return applyOverrides(base, draft.overrides);
}

/** Fields the draft leaves without a column: each with the column it had and the field that holds it now (in FIELDS order). */
export function droppedFields(current: ColumnMapping, preview: ColumnMapping): { field: Field; col: number; by: Field }[] {
  const out: { field: Field; col: number; by: Field }[] = [];
  for (const f of FIELDS) {
    const col = current[f];
    if (col === undefined || preview[f] !== undefined) continue;
    const by = FIELDS.find((g) => preview[g] === col);
    if (by !== undefined) out.push({ field: f, col, by });
  }
  return out;
}

/**
 * What the "auto" choice of a field shows: the detected column's letter,
 * null when detection found none, undefined when a saved override hides
 * what detection would find.
 */
export function autoLetter(field: Field, detected: ColumnMapping, saved: ColumnMapping | undefined): string | null | undefined {
  if (saved?.[field] !== undefined) return undefined;
  const c = detected[field];
  return c === undefined ? null : columnLetter(c);
}

/** The select's value for a field: "" for auto, else the column letter. */
export function choiceValue(draft: MappingDraft, field: Field): string {
  const c = draft.overrides[field];
  return c === undefined ? "" : columnLetter(c);
}

/** The column a select value stands for: null for auto ("" or not letters). */
export function choiceColumn(value: string): number | null {
  if (value === "") return null;
  const c = columnIndex(value);
  return c < 0 ? null : c;
}

/** The overrides to store, or undefined when there are none. */
export function overridesToStore(draft: MappingDraft): ColumnMapping | undefined {
  const out = copy(draft.overrides);
  return Object.keys(out).length === 0 ? undefined : out;
}
