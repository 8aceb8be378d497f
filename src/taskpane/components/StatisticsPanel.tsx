/** Count and share per status category, and the counts per lead department. */
import {
  Caption1,
  Caption1Strong,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { CATEGORIES, type Statistics } from "../../core";
import { categoryRows, departmentRows, totalShare } from "../format";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  numHead: { textAlign: "right", whiteSpace: "nowrap", "& > div, & > button": { justifyContent: "flex-end" } },
  totalRow: { fontWeight: tokens.fontWeightSemibold },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  deptTable: { minWidth: "330px", tableLayout: "auto" },
  dept: { overflowWrap: "anywhere", width: "8em" },
  deptHead: { whiteSpace: "nowrap", width: "8em" },
  // Red is kept for errors: a missed task is worth a look, not a fault of the sheet.
  missed: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface StatisticsPanelProps {
  readonly strings: Strings;
  readonly statistics: Statistics;
}

export function StatisticsPanel({ strings, statistics }: StatisticsPanelProps) {
  const styles = useStyles();
  const t = strings.statistics;
  if (statistics.total === 0) return <Caption1 as="p">{t.empty}</Caption1>;
  const departments = departmentRows(statistics);
  return (
    <div className={styles.root}>
      <Table size="extra-small" aria-label={t.categoryTable} data-testid="category-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.category}</TableHeaderCell>
            <TableHeaderCell className={styles.numHead}>{t.count}</TableHeaderCell>
            <TableHeaderCell className={styles.numHead}>{t.share}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {categoryRows(statistics, strings).map((row) => (
            <TableRow key={row.category} data-category={row.category}>
              <TableCell>{row.label}</TableCell>
              <TableCell className={styles.num}>{row.count}</TableCell>
              <TableCell className={styles.num}>{row.share}</TableCell>
            </TableRow>
          ))}
          <TableRow className={styles.totalRow}>
            <TableCell>{t.total}</TableCell>
            <TableCell className={styles.num}>{statistics.total}</TableCell>
            <TableCell className={styles.num}>{totalShare(statistics)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>

      <Caption1Strong as="h3">{t.byDepartment}</Caption1Strong>
      {/* A scrolling region reachable by keyboard: the table is wider than a narrow pane. */}
      <div className={styles.scroller} role="region" aria-label={t.byDepartment} tabIndex={0}>
        <Table size="extra-small" className={styles.deptTable} data-testid="department-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.deptHead}>{t.department}</TableHeaderCell>
              <TableHeaderCell className={styles.numHead}>{t.departmentTotal}</TableHeaderCell>
              {CATEGORIES.map((c) => (
                <TableHeaderCell key={c} className={styles.numHead}>
                  <abbr title={strings.categories[c]} style={{ textDecoration: "none" }}>
                    {strings.categoriesShort[c]}
                  </abbr>
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {departments.map((d) => (
              <TableRow key={d.department}>
                <TableCell className={styles.dept}>{d.department}</TableCell>
                <TableCell className={styles.num}>{d.total}</TableCell>
                {d.counts.map((n, i) => (
                  <TableCell key={CATEGORIES[i]} className={mergeClasses(styles.num, CATEGORIES[i] === "missed" && n > 0 && styles.missed)}>
                    {n}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
