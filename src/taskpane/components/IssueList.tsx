/** Every problem the check found, most severe first; a problem with a cell selects it in Excel. */
import { Badge, Caption1, createFocusOutlineStyle, makeStyles, mergeClasses, tokens, type BadgeProps } from "@fluentui/react-components";
import type { Issue, Severity } from "../../core";
import { issueLocation, issueTarget, severityCounts, sortIssues } from "../format";
import type { Strings } from "../i18n";
import { CLICKABLE, ITEM, LIST } from "./list-styles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: LIST,
  item: {
    ...ITEM,
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "start",
  },
  clickable: CLICKABLE,
  focus: createFocusOutlineStyle(),
  cell: { fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace },
  message: { gridColumn: "1 / -1", overflowWrap: "anywhere" },
});

const BADGE_COLOR: Record<Severity, BadgeProps["color"]> = { error: "danger", warning: "warning", info: "informative" };

export interface IssueListProps {
  readonly strings: Strings;
  readonly issues: readonly Issue[];
  readonly onSelect: (issue: Issue) => void;
  /** What an empty list says (a department's: none with its tasks); by default that nothing was found. */
  readonly emptyText?: string;
}

export function IssueList({ strings, issues, onSelect, emptyText = strings.issues.none }: IssueListProps) {
  const styles = useStyles();
  if (issues.length === 0) return <Caption1 as="p">{emptyText}</Caption1>;
  return (
    <div className={styles.root}>
      <Caption1 as="p">{strings.issues.summary(severityCounts(issues))}</Caption1>
      <ul className={styles.list} aria-label={strings.issues.listLabel}>
        {sortIssues(issues).map((issue, i) => {
          const target = issueTarget(issue);
          const content = (
            <>
              <Badge size="small" appearance="tint" color={BADGE_COLOR[issue.severity]}>
                {strings.severities[issue.severity]}
              </Badge>
              <span className={styles.cell}>{issueLocation(issue)}</span>
              <span className={styles.message}>{strings.locale === "en-US" ? (issue.english ?? issue.message) : issue.message}</span>
            </>
          );
          return (
            <li key={`${issue.code}-${issue.cell ?? ""}-${i}`}>
              {target ? (
                <button
                  type="button"
                  className={mergeClasses(styles.item, styles.clickable, styles.focus)}
                  title={strings.issues.goTo(issue.cell ?? target.address)}
                  data-cell={issue.cell ?? undefined}
                  onClick={() => onSelect(issue)}
                >
                  {content}
                </button>
              ) : (
                <div className={styles.item}>{content}</div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
