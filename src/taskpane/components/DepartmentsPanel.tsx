/**
 * The lead departments in rank order (the core's department view): rank,
 * name, light (a coloured dot with its word, so it never rests on colour
 * alone), missed of all tasks, the share completed or on track, and the
 * change of the missed count when there is a previous quarter; above them
 * the comparison with the previous quarter, under them what the lights
 * and ranks mean. A department's name is a toggle
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
import type { Comparison, DepartmentRow, Light, LightRule, Period } from "../../core";
import { aside, changeText, comparisonText, countsText, lightsNote } from "../format";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  comparison: { margin: 0, overflowWrap: "anywhere" },
  note: { margin: 0, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  // Fixed columns, the name taking what is left: an auto layout squeezes long names to one character a line.
  // English words are longer: its table is wider and scrolls in a narrow pane rather than squeeze the names.
  tableZh: { tableLayout: "fixed", minWidth: "260px" },
  tableEn: { tableLayout: "fixed", minWidth: "360px" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  // Headings wrap only where their words allow (Chinese ones where the strings mark it); the numbers under them never.
  numHead: { textAlign: "right", wordBreak: "keep-all", "& > div, & > button": { justifyContent: "flex-end" } },
  tight: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
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

/** Column widths (content, padding apart; numbers at 12px) by locale; the name column takes what is left. */
const WIDTHS: Record<Strings["locale"], Record<"rank" | "light" | "count" | "share" | "change", string>> = {
  "zh-CN": { rank: "2em", light: "2.6em", count: "3.6em", share: "4.5em", change: "2.4em" },
  "en-US": { rank: "2.6em", light: "4.4em", count: "3.6em", share: "4.5em", change: "3.6em" },
};

export interface DepartmentsPanelProps {
  readonly strings: Strings;
  readonly departments: readonly DepartmentRow[];
  readonly comparison: Comparison | null;
  /** The light rules in effect (the note under the table explains them). */
  readonly rules: readonly LightRule[];
  /** This quarter (the comparison names the previous one's year only when it differs). */
  readonly period: Period;
  /** The department the pane shows alone, or null. */
  readonly chosen: string | null;
  /** Chooses a department, or (null) shows all again. */
  readonly onChoose: (department: string | null) => void;
}

export function DepartmentsPanel({ strings, departments, comparison, rules, period, chosen, onChoose }: DepartmentsPanelProps) {
  const styles = useStyles();
  const t = strings.departments;
  const dotClass: Record<Light, string> = { red: styles.red, yellow: styles.yellow, green: styles.green };
  const withChange = comparison !== null;
  const width = WIDTHS[strings.locale];
  // `（…）` in Chinese, ` (…)` in English.
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
          <Table size="extra-small" className={strings.locale === "zh-CN" ? styles.tableZh : styles.tableEn} data-testid="department-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={mergeClasses(styles.numHead, styles.tight)} style={{ width: width.rank }}>
                  {t.rank}
                </TableHeaderCell>
                <TableHeaderCell className={styles.tight}>{t.department}</TableHeaderCell>
                <TableHeaderCell className={styles.tight} style={{ width: width.light }}>
                  {t.light}
                </TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.numHead, styles.tight)} style={{ width: width.count }}>
                  {t.missedOfTotal}
                </TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.numHead, styles.tight)} style={{ width: width.share }}>
                  {t.share}
                </TableHeaderCell>
                {withChange && (
                  <TableHeaderCell className={mergeClasses(styles.numHead, styles.tight)} style={{ width: width.change }}>
                    {t.change}
                  </TableHeaderCell>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {departments.map((d) => {
                const pressed = d.name === chosen;
                return (
                  <TableRow key={d.name} className={pressed ? styles.chosen : undefined} data-department={d.name} data-light={d.light}>
                    <TableCell className={mergeClasses(styles.num, styles.tight)}>{d.rank}</TableCell>
                    <TableCell className={styles.tight}>
                      <button
                        type="button"
                        className={mergeClasses(styles.name, styles.focus, pressed && styles.pressed)}
                        aria-pressed={pressed}
                        title={t.show(d.name) + aside(countsText(d.counts, strings), strings.locale)}
                        onClick={() => onChoose(pressed ? null : d.name)}
                      >
                        {d.name}
                      </button>
                    </TableCell>
                    <TableCell className={styles.tight}>
                      <span className={styles.light}>
                        <span className={mergeClasses(styles.dot, dotClass[d.light])} aria-hidden />
                        {t.lights[d.light]}
                      </span>
                    </TableCell>
                    <TableCell className={mergeClasses(styles.num, styles.tight)}>
                      <span className={d.counts.missed > 0 ? styles.missed : undefined}>{d.counts.missed}</span>/{d.total}
                    </TableCell>
                    <TableCell className={mergeClasses(styles.num, styles.tight)}>{d.share}%</TableCell>
                    {withChange && <TableCell className={mergeClasses(styles.num, styles.tight)}>{changeText(d.missedChange)}</TableCell>}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      {departments.length > 0 && (
        <Caption1 as="p" className={styles.note} data-testid="lights-note">
          {lightsNote(rules, strings)}
        </Caption1>
      )}
    </div>
  );
}
