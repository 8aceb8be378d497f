/**
 * The lead departments in rank order (the core's department view): rank,
 * name, light (a coloured dot with its word, so it never rests on colour
 * alone), missed of all tasks, the share completed or on track, and the
 * change of the missed count when there is a previous quarter; above them
 * the comparison with the previous quarter. A department's name is a toggle
 * button: pressed, the pane shows only that department's problems and
 * missed tasks.
 */
import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Comparison, DepartmentRow, Light, Period } from "../../core";
import { changeText, comparisonText, countsText } from "../format";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  comparison: { margin: 0, overflowWrap: "anywhere" },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { minWidth: "300px", tableLayout: "auto" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  numHead: { textAlign: "right", whiteSpace: "nowrap", "& > div, & > button": { justifyContent: "flex-end" } },
  nowrap: { whiteSpace: "nowrap" },
  chosen: { backgroundColor: tokens.colorNeutralBackground1Selected },
  name: {
    display: "block",
    width: "100%",
    padding: `${tokens.spacingVerticalXXS} 0`,
    border: "none",
    background: "none",
    color: tokens.colorBrandForegroundLink,
    font: "inherit",
    textAlign: "left",
    overflowWrap: "anywhere",
    cursor: "pointer",
    ":hover": { textDecorationLine: "underline" },
  },
  pressed: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  focus: createFocusOutlineStyle(),
  light: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, whiteSpace: "nowrap" },
  dot: { width: "10px", height: "10px", borderRadius: tokens.borderRadiusCircular, flexShrink: 0, border: `1px solid ${tokens.colorNeutralStroke1}` },
  red: { backgroundColor: tokens.colorPaletteRedBackground3 },
  yellow: { backgroundColor: tokens.colorPaletteYellowBackground3 },
  green: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  // Red is kept for errors: a missed task is worth a look, not a fault of the sheet.
  missed: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface DepartmentsPanelProps {
  readonly strings: Strings;
  readonly departments: readonly DepartmentRow[];
  readonly comparison: Comparison | null;
  /** This quarter (the comparison names the previous one's year only when it differs). */
  readonly period: Period;
  /** The department the pane shows alone, or null. */
  readonly chosen: string | null;
  /** Chooses a department, or (null) shows all again. */
  readonly onChoose: (department: string | null) => void;
}

export function DepartmentsPanel({ strings, departments, comparison, period, chosen, onChoose }: DepartmentsPanelProps) {
  const styles = useStyles();
  const t = strings.departments;
  const dotClass: Record<Light, string> = { red: styles.red, yellow: styles.yellow, green: styles.green };
  const withChange = comparison !== null;
  // `（…）` in Chinese, ` (…)` in English.
  const aside = (text: string) => (strings.locale === "zh-CN" ? `（${text}）` : ` (${text})`);
  return (
    <div className={styles.root}>
      {comparison && (
        <Caption1 as="p" className={styles.comparison} data-testid="comparison">
          {comparisonText(comparison, period, strings)}
        </Caption1>
      )}
      {departments.length === 0 ? (
        <Caption1 as="p">{t.empty}</Caption1>
      ) : (
        // A scrolling region reachable by keyboard: the table can be wider than a narrow pane.
        <div className={styles.scroller} role="region" aria-label={t.tableLabel} tabIndex={0}>
          <Table size="extra-small" className={styles.table} data-testid="department-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.nowrap}>{t.rank}</TableHeaderCell>
                <TableHeaderCell>{t.department}</TableHeaderCell>
                <TableHeaderCell className={styles.nowrap}>{t.light}</TableHeaderCell>
                <TableHeaderCell className={styles.numHead}>{t.missedOfTotal}</TableHeaderCell>
                <TableHeaderCell className={styles.numHead}>{t.share}</TableHeaderCell>
                {withChange && <TableHeaderCell className={styles.numHead}>{t.change}</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {departments.map((d) => {
                const pressed = d.name === chosen;
                return (
                  <TableRow key={d.name} className={pressed ? styles.chosen : undefined} data-department={d.name} data-light={d.light}>
                    <TableCell className={styles.num}>{d.rank}</TableCell>
                    <TableCell>
                      <button
                        type="button"
                        className={mergeClasses(styles.name, styles.focus, pressed && styles.pressed)}
                        aria-pressed={pressed}
                        title={t.show(d.name) + aside(countsText(d.counts, strings))}
                        onClick={() => onChoose(pressed ? null : d.name)}
                      >
                        {d.name}
                      </button>
                    </TableCell>
                    <TableCell>
                      <span className={styles.light}>
                        <span className={mergeClasses(styles.dot, dotClass[d.light])} aria-hidden />
                        {t.lights[d.light]}
                      </span>
                    </TableCell>
                    <TableCell className={styles.num}>
                      <span className={d.counts.missed > 0 ? styles.missed : undefined}>{d.counts.missed}</span>/{d.total}
                    </TableCell>
                    <TableCell className={styles.num}>{d.share}%</TableCell>
                    {withChange && <TableCell className={styles.num}>{changeText(d.missedChange)}</TableCell>}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
