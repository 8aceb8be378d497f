/**
 * Column letter per field, to correct what was detected, as a table of field,
 * column and header. The preview follows the core's own override rule; the
 * applied corrections are written to the 通报设置 sheet (`列：完成状态 | G`).
 */
import { useEffect, useReducer } from "react";
import { Button, Caption1, Select, makeStyles, tokens, useId } from "@fluentui/react-components";
import { FIELDS, columnLetter, type ColumnMapping, type TableLocation } from "../../core";
import { columnLetters } from "../format";
import type { Strings } from "../i18n";
import { autoLetter, choiceColumn, choiceValue, droppedFields, initialDraft, isDirty, mappingReducer, overridesToStore, previewMapping } from "../mapping-state";
import { ColumnTable } from "./ColumnTable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  select: { minWidth: "7.5em" },
  note: { color: tokens.colorPaletteDarkOrangeForeground1 },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface MappingEditorProps {
  readonly strings: Strings;
  readonly table: TableLocation | null;
  /** The corrections stored in the workbook. */
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
  const current = table?.mapping ?? {};
  const preview = previewMapping(current, saved, draft);
  const lastCol = Math.max(table?.lastCol ?? 0, ...Object.values(draft.overrides));
  // Without a table found, offer A–Z: the user's choice may be what finds it.
  const letters = columnLetters(lastCol, table ? 8 : 26);
  const dropped = droppedFields(current, preview);
  const dirty = isDirty(draft, saved);

  return (
    <div className={styles.root}>
      <Caption1 as="p">{t.intro}</Caption1>
      <ColumnTable
        strings={strings}
        table={table}
        testId="mapping-table"
        rows={FIELDS.map((field) => {
          const auto = autoLetter(field, current, saved);
          return {
            field,
            col: preview[field],
            emphasised: draft.overrides[field] !== undefined,
            control: (
              <Select
                id={`${idBase}-${field}`}
                className={styles.select}
                size="small"
                aria-label={strings.fields[field]}
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
            ),
          };
        })}
      />
      {dropped.map((d) => (
        <Caption1 key={d.field} as="p" className={styles.note} role="status" data-testid="mapping-dropped">
          {t.dropped(strings.fields[d.field], columnLetter(d.col), strings.fields[d.by])}
        </Caption1>
      ))}
      <div className={styles.buttons}>
        <Button size="small" disabledFocusable={disabled || !dirty} onClick={() => onApply(overridesToStore(draft))}>
          {t.apply}
        </Button>
        <Button size="small" disabledFocusable={disabled || Object.keys(draft.overrides).length === 0} onClick={() => dispatch({ type: "resetAll" })}>
          {t.reset}
        </Button>
      </div>
    </div>
  );
}
