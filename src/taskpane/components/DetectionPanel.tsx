/**
 * The choice of the tracking sheet and of the previous quarter's sheet
 * first, then which sheet, header rows, data range and previous quarter
 * were found, and the columns read.
 */
import { Caption1, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { FIELDS, SETTINGS_SHEET, type Analysis } from "../../core";
import { aside, dataRangeText, headerRowsText, previousSourceText } from "../format";
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
  /** The stored previous quarter's sheet (通报设置's 上季度调度表); undefined: found automatically. */
  readonly chosenPrevious: string | undefined;
  readonly onChoosePrevious: (sheet: string | undefined) => void;
}

/** The sheets to offer, with the stored choice kept even when its sheet is gone (so the picker shows what is stored). */
function withChoice(sheets: readonly string[], chosen: string | undefined): readonly string[] {
  return chosen !== undefined && !sheets.includes(chosen) ? [...sheets, chosen] : sheets;
}

export function DetectionPanel({ strings, analysis, sheets, chosenSheet, disabled, onChooseSheet, chosenPrevious, onChoosePrevious }: DetectionPanelProps) {
  const styles = useStyles();
  const t = strings.detection;
  const table = analysis?.table;
  const options = withChoice(sheets, chosenSheet);
  // Not the settings, nor the sheet this quarter is read from.
  const previousOptions = withChoice(
    sheets.filter((name) => name !== SETTINGS_SHEET && name !== table?.sheet),
    chosenPrevious,
  );
  const comparison = analysis?.comparison ?? null;
  const { locale } = strings;
  // `（…）` in Chinese, ` (…)` in English.
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
      <Field label={t.choosePrevious} hint={t.previousHint} size="small">
        <Select
          size="small"
          value={chosenPrevious ?? ""}
          disabled={disabled}
          data-testid="previous-picker"
          onChange={(_, data) => onChoosePrevious(data.value === "" ? undefined : data.value)}
        >
          <option value="">{t.autoPrevious}</option>
          {previousOptions.map((name) => (
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
              {aside(t.tasks(analysis.tasks.length, analysis.statistics.total), locale)}
            </dd>
            <dt>{t.period}</dt>
            <dd data-testid="detected-period">
              {t.periodText(analysis.period.year, analysis.period.quarter)}
              {analysis.period.source !== "none" && aside(t.periodSources[analysis.period.source], locale)}
            </dd>
            <dt>{t.previous}</dt>
            <dd data-testid="detected-previous">
              {comparison === null ? t.noPrevious : t.periodText(comparison.previous.year, comparison.previous.quarter)}
              {comparison !== null && aside(previousSourceText(comparison, strings), locale)}
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
