/**
 * The tasks that missed their quarterly target, in the sheet's order: label,
 * lead department, task and reason (or that none was given), marked when
 * missed two quarters running or newly missed; clicking one selects its
 * status cell in Excel.
 */
import { Badge, Caption1, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Comparison, Task } from "../../core";
import type { Strings } from "../i18n";
import { CLICKABLE, ITEM, LIST } from "./list-styles";

const useStyles = makeStyles({
  list: LIST,
  item: { ...ITEM, ...CLICKABLE, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  focus: createFocusOutlineStyle(),
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  label: { fontWeight: tokens.fontWeightSemibold },
  lead: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  // Long tasks take three lines; the whole task is in the sheet the button goes to.
  text: { overflowWrap: "anywhere", display: "-webkit-box", WebkitLineClamp: 3, WebkitBoxOrient: "vertical", overflow: "hidden" },
  reason: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  noReason: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface MissedListProps {
  readonly strings: Strings;
  readonly tasks: readonly Task[];
  readonly comparison: Comparison | null;
  readonly onSelect: (task: Task) => void;
}

export function MissedList({ strings, tasks, comparison, onSelect }: MissedListProps) {
  const styles = useStyles();
  const t = strings.missed;
  if (tasks.length === 0) return <Caption1 as="p">{t.none}</Caption1>;
  const still = new Set(comparison?.stillMissed ?? []);
  const newly = new Set(comparison?.newlyMissed ?? []);
  return (
    <ul className={styles.list} aria-label={t.listLabel} data-testid="missed-list">
      {tasks.map((task) => (
        <li key={`${task.id}-${task.row}`} data-task={task.id}>
          <button type="button" className={mergeClasses(styles.item, styles.focus)} title={t.goTo(task.label)} onClick={() => onSelect(task)}>
            <span className={styles.head}>
              <span className={styles.label}>{task.label}</span>
              {still.has(task.id) && (
                <Badge size="small" appearance="tint" color="warning">
                  {t.stillMissed}
                </Badge>
              )}
              {newly.has(task.id) && (
                <Badge size="small" appearance="tint" color="informative">
                  {t.newlyMissed}
                </Badge>
              )}
              <span className={styles.lead}>{task.leadText}</span>
            </span>
            <span className={styles.text}>{task.text}</span>
            {task.reason === "" ? <span className={styles.noReason}>{t.noReason}</span> : <span className={styles.reason}>{task.reason}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
