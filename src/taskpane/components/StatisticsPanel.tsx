/** Count and share per status category (the departments have a section of their own: DepartmentsPanel). */
import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Statistics } from "../../core";
import { categoryRows, totalShare } from "../format";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  numHead: { textAlign: "right", whiteSpace: "nowrap", "& > div, & > button": { justifyContent: "flex-end" } },
  totalRow: { fontWeight: tokens.fontWeightSemibold },
});

export interface StatisticsPanelProps {
  readonly strings: Strings;
  readonly statistics: Statistics;
}

export function StatisticsPanel({ strings, statistics }: StatisticsPanelProps) {
  const styles = useStyles();
  const t = strings.statistics;
  if (statistics.total === 0) return <Caption1 as="p">{t.empty}</Caption1>;
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
    </div>
  );
}
