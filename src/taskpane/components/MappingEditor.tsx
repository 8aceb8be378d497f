/** Column letter per field, to correct what was detected; applied choices are saved in the workbook. */
import { useEffect, useReducer } from "react";
import { Button, Caption1, Select, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { FIELDS, columnLetter, type ColumnMapping, type TableLocation } from "../../core";
import { columnLetters } from "../format";
import type { Strings } from "../i18n";
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
} from "../mapping-state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 8.5em",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  label: { overflowWrap: "anywhere" },
  overridden: { fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface MappingEditorProps {
  readonly strings: Strings;
  readonly table: TableLocation | null;
  /** The overrides stored in the workbook. */
  readonly saved: ColumnMapping | undefined;
  readonly disabled: boolean;
  readonly onApply: (overrides: ColumnMapping | undefined) => void;
}

export function MappingEditor({ strings, table, saved, disabled, onApply }: MappingEditorProps) {
  const styles = useStyles();
  const idBase = useId("map");
  const [draft, dispatch] = useReducer(mappingReducer, saved, initialDraft);
  // A new analysis or saved mapping: start again from what is stored.
  useEffect(() => dispatch({ type: "load", overrides: saved }), [saved, table]);
  const t = strings.mapping;
  const detected = table?.mapping ?? {};
  const lastCol = Math.max(table?.lastCol ?? 0, ...Object.values(draft.overrides));
  // Without a table found, offer A–Z: the user's choice may be what finds it.
  const letters = columnLetters(lastCol, table ? 8 : 26);
  const duplicates = duplicateColumns(effectiveMapping(detected, saved, draft));
  const dirty = isDirty(draft, saved);

  return (
    <div className={styles.root}>
      <Caption1 as="p">{t.intro}</Caption1>
      <div className={styles.grid}>
        {FIELDS.map((field) => {
          const id = `${idBase}-${field}`;
          const auto = autoLetter(field, detected, saved);
          const overridden = draft.overrides[field] !== undefined;
          return (
            <div key={field} style={{ display: "contents" }}>
              <label htmlFor={id} className={mergeClasses(styles.label, overridden && styles.overridden)}>
                {strings.fields[field]}
              </label>
              <Select
                id={id}
                size="small"
                value={choiceValue(draft, field)}
                disabled={disabled}
                data-field={field}
                onChange={(_, data) => dispatch({ type: "set", field, col: choiceColumn(data.value) })}
              >
                <option value="">{auto === undefined ? t.autoPlain : t.auto(auto)}</option>
                {letters.map((letter) => (
                  <option key={letter} value={letter}>
                    {letter}
                  </option>
                ))}
              </Select>
            </div>
          );
        })}
      </div>
      {duplicates.map((d) => (
        <Caption1 key={d.col} as="p" className={styles.warning} role="alert">
          {t.duplicate(d.fields.map((f) => strings.fields[f]).join("、"), columnLetter(d.col))}
        </Caption1>
      ))}
      <div className={styles.buttons}>
        <Button size="small" appearance="primary" disabledFocusable={disabled || !dirty} onClick={() => onApply(overridesToStore(draft))}>
          {t.apply}
        </Button>
        <Button size="small" disabledFocusable={disabled || Object.keys(draft.overrides).length === 0} onClick={() => dispatch({ type: "resetAll" })}>
          {t.reset}
        </Button>
      </div>
    </div>
  );
}
