/** User column overrides, as typed on the command line or in the task pane: `status=G,reason=H`. */
import { InputError } from "./errors";
import { columnIndex } from "./grid";
import { FIELD_ALIASES, FIELD_LABELS } from "./columns";
import { FIELDS, type ColumnMapping, type Field } from "./types";

/** Field key, alias or Chinese field name → field. */
export function fieldOf(name: string): Field | null {
  const n = name.trim();
  if ((FIELDS as readonly string[]).includes(n)) return n as Field;
  if (n in FIELD_ALIASES) return FIELD_ALIASES[n]!;
  const byLabel = (Object.entries(FIELD_LABELS) as [Field, string][]).find(([, label]) => label === n);
  return byLabel ? byLabel[0] : null;
}

export function parseMapping(text: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of text.split(/[,，;；]/)) {
    if (part.trim() === "") continue;
    const m = /^([^=＝]+)[=＝]\s*([A-Za-z]{1,3})\s*$/.exec(part.trim());
    const field = m ? fieldOf(m[1]!) : null;
    if (!m || !field) {
      throw new InputError(`列映射“${part.trim()}”无法识别：应写作“字段=列字母”，如 status=G,reason=H；字段可用 ${FIELDS.join("、")}。`);
    }
    mapping[field] = columnIndex(m[2]!);
  }
  return mapping;
}

/**
 * A detected mapping with the user's overrides on top: an override moves its
 * field to the chosen column, and a field detected on that column gives way.
 */
export function applyOverrides(detected: ColumnMapping, overrides: ColumnMapping = {}): ColumnMapping {
  const out: ColumnMapping = { ...detected };
  for (const [field, col] of Object.entries(overrides) as [Field, number][]) {
    for (const f of FIELDS) if (out[f] === col && f !== field) delete out[f];
    out[field] = col;
  }
  return out;
}
