/** The columns each field is read from, as a small table: field, column letter (or a chooser), header text. */
import type { ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetter, type Field, type TableLocation } from "../../core";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  table: {
    width: "100%",
    color: tokens.colorNeutralForeground2,
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { textAlign: "start", paddingRight: tokens.spacingHorizontalS, paddingBottom: tokens.spacingVerticalXXS, verticalAlign: "middle" },
    "& thead th": { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
    "& tbody th": { fontWeight: tokens.fontWeightRegular, whiteSpace: "nowrap" },
  },
  header: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  strong: { fontWeight: tokens.fontWeightSemibold },
});

export interface ColumnRow {
  readonly field: Field;
  /** The column read, if any. */
  readonly col: number | undefined;
  /** What the column cell shows instead of the letter (the mapping editor's chooser). */
  readonly control?: ReactNode;
  /** The field's label is set in bold (a corrected field). */
  readonly emphasised?: boolean;
}

export interface ColumnTableProps {
  readonly strings: Strings;
  readonly table: TableLocation | null;
  readonly rows: readonly ColumnRow[];
  readonly testId?: string;
}

export function ColumnTable({ strings, table, rows, testId }: ColumnTableProps) {
  const styles = useStyles();
  const t = strings.detection;
  return (
    <table className={styles.table} data-testid={testId} aria-label={t.columnsCaption}>
      <thead>
        <tr>
          <th scope="col">{t.columnHeaders.field}</th>
          <th scope="col">{t.columnHeaders.column}</th>
          <th scope="col">{t.columnHeaders.header}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ field, col, control, emphasised }) => {
          const header = col === undefined ? undefined : table?.columns.find((c) => c.col === col);
          return (
            <tr key={field} data-field={field}>
              <th scope="row" className={mergeClasses(emphasised && styles.strong)}>
                {strings.fields[field]}
              </th>
              <td>{control ?? (col === undefined ? "" : columnLetter(col))}</td>
              <td className={mergeClasses(styles.header, col === undefined && styles.muted)}>
                {col === undefined ? strings.mapping.notRead : `${header?.label ?? ""}${header?.hidden ? t.hiddenColumn : ""}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
