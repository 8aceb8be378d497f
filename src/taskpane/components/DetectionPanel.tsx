/** Which sheet, header rows and data range were found, the columns read, and the choice of sheet. */
import { Caption1, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { FIELDS, columnLetter, type Analysis } from "../../core";
import { dataRangeText, headerRowsText } from "../format";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, overflowWrap: "anywhere" },
  },
  columns: {
    color: tokens.colorNeutralForeground2,
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th": { textAlign: "start", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, paddingRight: tokens.spacingHorizontalM },
    "& td": { paddingRight: tokens.spacingHorizontalM, overflowWrap: "anywhere", verticalAlign: "top" },
  },
});

export interface DetectionPanelProps {
  readonly strings: Strings;
  readonly analysis: Analysis | null;
  readonly sheets: readonly string[];
  readonly chosenSheet: string | undefined;
  readonly disabled: boolean;
  readonly onChooseSheet: (sheet: string | undefined) => void;
}

export function DetectionPanel({ strings, analysis, sheets, chosenSheet, disabled, onChooseSheet }: DetectionPanelProps) {
  const styles = useStyles();
  const t = strings.detection;
  const table = analysis?.table;
  const options = chosenSheet !== undefined && !sheets.includes(chosenSheet) ? [...sheets, chosenSheet] : sheets;
  return (
    <div className={styles.root}>
      {table && analysis ? (
        <>
          <dl className={styles.facts} data-testid="detection">
            <dt>{t.sheet}</dt>
            <dd data-testid="detected-sheet">{table.sheet}</dd>
            <dt>{t.headerRowsLabel}</dt>
            <dd data-testid="detected-header">{t.headerRows(headerRowsText(table, strings.locale))}</dd>
            <dt>{t.dataRange}</dt>
            <dd>
              {dataRangeText(table)}（{t.tasks(analysis.tasks.length, analysis.statistics.total)}）
            </dd>
            <dt>{t.period}</dt>
            <dd data-testid="detected-period">
              {t.periodText(analysis.period.year, analysis.period.quarter)}
              {analysis.period.source !== "none" && `（${t.periodSources[analysis.period.source]}）`}
            </dd>
            <dt>{t.government}</dt>
            <dd>{t.governmentText(analysis.settings.government, analysis.placeSource)}</dd>
          </dl>
          <table className={styles.columns} data-testid="detected-columns" aria-label={t.columnsCaption}>
            <tbody>
              {FIELDS.filter((f) => table.mapping[f] !== undefined).map((f) => {
                const col = table.mapping[f]!;
                const header = table.columns.find((c) => c.col === col);
                return (
                  <tr key={f} data-field={f}>
                    <th scope="row">{strings.fields[f]}</th>
                    <td>{columnLetter(col)}</td>
                    <td>
                      {header?.label ?? ""}
                      {header?.hidden ? t.hiddenColumn : ""}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : (
        <Caption1 as="p">{t.notFound}</Caption1>
      )}
      <Field label={t.chooseSheet} size="small">
        <Select
          size="small"
          value={chosenSheet ?? ""}
          disabled={disabled}
          onChange={(_, data) => onChooseSheet(data.value === "" ? undefined : data.value)}
        >
          <option value="">{t.autoSheet}</option>
          {options.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
