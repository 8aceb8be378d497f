/**
 * The column mapping editor's state, kept pure so it can be tested alone.
 *
 * Only the user's overrides are stored (field → column); every other field
 * is found from the headers on each run, so a sheet whose layout changes next
 * quarter is still read right. The detected mapping the pane shows already
 * includes the saved overrides (the host passes them to the core).
 */
import { FIELDS, columnIndex, columnLetter, type ColumnMapping, type Field } from "../core";

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
 * The mapping a run with the draft would use, as far as the pane can tell:
 * the draft's overrides over the detected columns. A field whose saved
 * override the draft removed is unknown until the next run (left out).
 */
export function effectiveMapping(detected: ColumnMapping, saved: ColumnMapping | undefined, draft: MappingDraft): ColumnMapping {
  const out: ColumnMapping = {};
  for (const f of FIELDS) {
    const override = draft.overrides[f];
    if (override !== undefined) out[f] = override;
    else if (saved?.[f] === undefined && detected[f] !== undefined) out[f] = detected[f];
  }
  return out;
}

/** Columns that more than one field uses, with those fields (in FIELDS order). */
export function duplicateColumns(mapping: ColumnMapping): { col: number; fields: Field[] }[] {
  const byCol = new Map<number, Field[]>();
  for (const f of FIELDS) {
    const c = mapping[f];
    if (c === undefined) continue;
    byCol.set(c, [...(byCol.get(c) ?? []), f]);
  }
  return [...byCol.entries()]
    .filter(([, fields]) => fields.length > 1)
    .map(([col, fields]) => ({ col, fields }))
    .sort((a, b) => a.col - b.col);
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
