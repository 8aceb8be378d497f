/**
 * The task pane: actions on top, then the detected table, problems,
 * statistics, departments, missed tasks, columns and settings. Choosing a
 * department narrows the problems and the missed tasks to its tasks until
 * its chip is clicked (or it is chosen again).
 */
import { useEffect, useMemo, useState, type ReactNode } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DEFAULT_SETTINGS, problemCounts, type Issue, type NoticeSettings } from "../core";
import { featureNotes } from "../hosts/officejs";
import { ActionBar, type Signing } from "./components/ActionBar";
import { DepartmentsPanel } from "./components/DepartmentsPanel";
import { DetectionPanel } from "./components/DetectionPanel";
import { IssueList } from "./components/IssueList";
import { MappingEditor } from "./components/MappingEditor";
import { MissedList } from "./components/MissedList";
import { SettingsForm, settingSelector } from "./components/SettingsForm";
import { StatisticsPanel } from "./components/StatisticsPanel";
import type { Strings } from "./i18n";
import { activeDepartment, narrow } from "./department-filter";
import { taskTarget, todayIso } from "./format";
import { useWorkbook, type WorkbookState, type WorkbookDeps } from "./useWorkbook";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: "280px",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  headerTitle: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  panel: { paddingBottom: tokens.spacingVerticalM },
  headerBadge: { marginLeft: tokens.spacingHorizontalS },
  // The chosen department stays in sight while the lists it narrows scroll by.
  filter: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    padding: `${tokens.spacingVerticalXS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  chip: { maxWidth: "100%", overflowWrap: "anywhere", textAlign: "left" },
  chipClose: { marginLeft: tokens.spacingHorizontalS },
  note: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground3 },
});

export type SectionId = "detection" | "mapping" | "issues" | "statistics" | "departments" | "missed" | "settings";
const OPEN_AT_START: SectionId[] = ["detection", "issues", "statistics", "departments"];

/** The issues' badge: red only when there are errors. */
function badgeColor(issues: readonly Issue[]): "danger" | "warning" | "informative" {
  const p = problemCounts(issues);
  return p.errors > 0 ? "danger" : p.warnings > 0 ? "warning" : "informative";
}

/** Who will sign the notice and when: the analysis' settings (with the title's place), else what is stored. */
function signingOf(state: WorkbookState, today: string): Signing {
  const settings = state.analysis?.settings;
  return {
    issuer: settings?.issuer ?? state.stored.settings.issuer ?? DEFAULT_SETTINGS.issuer,
    date: (settings?.date || state.stored.settings.date) ?? today,
  };
}

/** Marks the pane interactive once the first analysis is done (for users of assistive tech, tests and the benchmark). */
function useReadyMark(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    document.body.dataset.ready = "true";
    try {
      performance.mark("pane-ready");
    } catch {
      // performance.mark is missing in very old webviews.
    }
  }, [ready]);
}

export interface AppProps {
  readonly strings: Strings;
  readonly deps?: WorkbookDeps;
}

export function App({ strings, deps }: AppProps) {
  const styles = useStyles();
  const { state, run, select, goTo, saveSettings, dismiss } = useWorkbook(strings, deps);
  useReadyMark(state.ready);
  const { analysis, stored, busy, supported } = state;
  const disabled = !supported || busy !== null;
  const [open, setOpen] = useState<SectionId[]>(OPEN_AT_START);
  const today = deps?.today?.() ?? todayIso();
  const [chosen, setChosen] = useState<string | null>(null);
  // The choice lapses when a new check no longer has the department.
  const department = activeDepartment(analysis, chosen);
  const shown = useMemo(() => (analysis ? narrow(analysis, department) : null), [analysis, department]);
  // The signing line's link: open the settings and put the cursor in the issuer.
  const changeSigning = () => {
    setOpen((o) => (o.includes("settings") ? o : [...o, "settings"]));
    // After React has rendered the opened section.
    setTimeout(() => {
      const input = document.querySelector<HTMLElement>(settingSelector("issuer"));
      input?.scrollIntoView?.({ block: "center" });
      input?.focus();
    }, 0);
  };

  const section = (id: SectionId, title: string, body: ReactNode, badge?: ReactNode) => (
    <AccordionItem value={id} data-section={id}>
      <AccordionHeader as="h2" size="small" expandIconPosition="end">
        {title}
        {badge}
      </AccordionHeader>
      <AccordionPanel className={styles.panel}>{body}</AccordionPanel>
    </AccordionItem>
  );

  const issueCount = shown?.issues.length ?? 0;
  return (
    <main className={styles.root} data-ready={state.ready ? "true" : undefined} aria-busy={busy !== null}>
      <header className={styles.header}>
        <Subtitle2 as="h1" className={styles.headerTitle}>
          {strings.appTitle}
        </Subtitle2>
        <Caption1 className={styles.subtitle}>{strings.appSubtitle}</Caption1>
      </header>

      {!supported && (
        <MessageBar intent="error" layout="multiline" data-testid="too-old">
          <MessageBarBody>
            <MessageBarTitle>{strings.tooOld.title}</MessageBarTitle>
            {strings.tooOld.body}
          </MessageBarBody>
        </MessageBar>
      )}

      {featureNotes(state.features, strings.locale).length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="feature-notes">
          <MessageBarBody>
            {featureNotes(state.features, strings.locale).map((note) => (
              <div key={note}>{note}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}

      <ActionBar
        strings={strings}
        busy={busy}
        step={state.step}
        disabled={!supported}
        message={state.message}
        signing={signingOf(state, today)}
        onAction={(kind) => void run(kind)}
        onDismiss={dismiss}
        onChangeSigning={changeSigning}
      />

      {department !== null && (
        <div className={styles.filter}>
          <Button
            size="small"
            shape="circular"
            appearance="outline"
            className={styles.chip}
            aria-label={strings.filter.clear(department)}
            title={strings.filter.clear(department)}
            data-testid="department-filter"
            onClick={() => setChosen(null)}
          >
            {strings.filter.chip(department)}
            <span className={styles.chipClose} aria-hidden>
              ✕
            </span>
          </Button>
        </div>
      )}

      <Accordion multiple collapsible openItems={open} onToggle={(_, data) => setOpen(data.openItems as SectionId[])}>
        {section(
          "detection",
          strings.sections.detection,
          <DetectionPanel
            strings={strings}
            analysis={analysis}
            sheets={state.sheets}
            chosenSheet={stored.trackingSheet}
            disabled={disabled}
            // Corrections were made for the old sheet's layout: a new sheet starts without them.
            onChooseSheet={(sheet) => void saveSettings({ trackingSheet: sheet, mapping: {} })}
            chosenPrevious={stored.previousSheet}
            onChoosePrevious={(sheet) => void saveSettings({ previousSheet: sheet })}
          />,
        )}
        {section(
          "issues",
          strings.sections.issues,
          analysis && shown ? (
            <>
              {/* Narrowed only when there is something to narrow: with no problems at all, the list says so. */}
              {department !== null && analysis.issues.length > 0 && (
                <Caption1 as="p" className={styles.note} data-testid="issues-filter-note">
                  {strings.filter.issuesNote(department, shown.issues.length, analysis.issues.length)}
                </Caption1>
              )}
              <IssueList
                strings={strings}
                issues={shown.issues}
                onSelect={(issue) => void select(issue)}
                emptyText={department === null || analysis.issues.length === 0 ? undefined : strings.filter.noIssues}
              />
            </>
          ) : (
            <Caption1 as="p">—</Caption1>
          ),
          issueCount > 0 ? (
            <Badge className={styles.headerBadge} size="small" color={badgeColor(shown!.issues)} aria-hidden data-testid="issues-badge">
              {issueCount}
            </Badge>
          ) : undefined,
        )}
        {section(
          "statistics",
          strings.sections.statistics,
          analysis ? <StatisticsPanel strings={strings} statistics={analysis.statistics} /> : <Caption1 as="p">—</Caption1>,
        )}
        {section(
          "departments",
          strings.sections.departments,
          analysis ? (
            <DepartmentsPanel
              strings={strings}
              departments={analysis.departments}
              comparison={analysis.comparison}
              rules={analysis.lightRules}
              period={analysis.period}
              chosen={department}
              onChoose={setChosen}
            />
          ) : (
            <Caption1 as="p">—</Caption1>
          ),
        )}
        {section(
          "missed",
          strings.sections.missed,
          analysis && shown ? (
            <MissedList strings={strings} tasks={shown.missed} comparison={analysis.comparison} onSelect={(task) => void goTo(taskTarget(task, analysis.table))} />
          ) : (
            <Caption1 as="p">—</Caption1>
          ),
          shown && shown.missed.length > 0 ? (
            <Badge className={styles.headerBadge} size="small" appearance="tint" color="warning" aria-hidden data-testid="missed-badge">
              {shown.missed.length}
            </Badge>
          ) : undefined,
        )}
        {section(
          "mapping",
          strings.sections.mapping,
          <MappingEditor
            strings={strings}
            table={analysis?.table ?? null}
            saved={stored.mapping}
            disabled={disabled}
            onApply={(mapping) => void saveSettings({ mapping: mapping ?? {} })}
          />,
        )}
        {section(
          "settings",
          strings.sections.settings,
          <SettingsForm strings={strings} saved={stored.settings} legacy={stored.legacy} disabled={disabled} onSave={(settings: Partial<NoticeSettings>) => void saveSettings({ settings })} />,
        )}
      </Accordion>
    </main>
  );
}
