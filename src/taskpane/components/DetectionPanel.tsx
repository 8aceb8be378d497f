/** The choice of sheet first, then which sheet, header rows and data range were found, and the columns read. */
import { Caption1, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { FIELDS, type Analysis } from "../../core";
import { dataRangeText, headerRowsText } from "../format";
import type { Strings } from "../i18n";
import { ColumnTable } from "./ColumnTable";

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
  const { locale } = strings;
  // `（…）` in Chinese, ` (…)` in English.
  const aside = (text: string) => (locale === "zh-CN" ? `（${text}）` : ` (${text})`);
  return (
    <div className={styles.root}>
      <Field label={t.chooseSheet} size="small">
        <Select size="small" value={chosenSheet ?? ""} disabled={disabled} data-testid="sheet-picker" onChange={(_, data) => onChooseSheet(data.value === "" ? undefined : data.value)}>
          <option value="">{t.autoSheet}</option>
          {options.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      {table && analysis ? (
        <>
          <dl className={styles.facts} data-testid="detection">
            <dt>{t.sheet}</dt>
            <dd data-testid="detected-sheet">{table.sheet}</dd>
            <dt>{t.headerRowsLabel}</dt>
            <dd data-testid="detected-header">{t.headerRows(headerRowsText(table, locale))}</dd>
            <dt>{t.dataRange}</dt>
            <dd>
              {dataRangeText(table)}
              {aside(t.tasks(analysis.tasks.length, analysis.statistics.total))}
            </dd>
            <dt>{t.period}</dt>
            <dd data-testid="detected-period">
              {t.periodText(analysis.period.year, analysis.period.quarter)}
              {analysis.period.source !== "none" && aside(t.periodSources[analysis.period.source])}
            </dd>
            <dt>{t.government}</dt>
            <dd>{t.governmentText(analysis.settings.government, analysis.placeSource)}</dd>
          </dl>
          <ColumnTable
            strings={strings}
            table={table}
            testId="detected-columns"
            rows={FIELDS.filter((f) => table.mapping[f] !== undefined).map((field) => ({ field, col: table.mapping[field] }))}
          />
        </>
      ) : (
        <Caption1 as="p">{t.notFound}</Caption1>
      )}
    </div>
  );
}
