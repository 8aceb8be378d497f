/** The task pane: actions on top, then the detected table, problems, statistics, columns and settings. */
import { useEffect, type ReactNode } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  CounterBadge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { NoticeSettings } from "../core";
import { featureNotes } from "../hosts/officejs";
import { ActionBar } from "./components/ActionBar";
import { DetectionPanel } from "./components/DetectionPanel";
import { IssueList } from "./components/IssueList";
import { MappingEditor } from "./components/MappingEditor";
import { SettingsForm } from "./components/SettingsForm";
import { StatisticsPanel } from "./components/StatisticsPanel";
import type { Strings } from "./i18n";
import { useWorkbook, type WorkbookDeps } from "./useWorkbook";

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
});

export type SectionId = "detection" | "mapping" | "issues" | "statistics" | "settings";
const OPEN_AT_START: SectionId[] = ["detection", "issues", "statistics"];

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
  const { state, run, select, savePreferences, dismiss } = useWorkbook(strings, deps);
  useReadyMark(state.ready);
  const { analysis, prefs, busy, supported } = state;
  const disabled = !supported || busy !== null;
  const saveSettings = (settings: Partial<NoticeSettings>) => void savePreferences({ ...prefs, settings });

  const section = (id: SectionId, title: string, body: ReactNode, badge?: ReactNode) => (
    <AccordionItem value={id} data-section={id}>
      <AccordionHeader as="h2" size="small" expandIconPosition="end">
        {title}
        {badge}
      </AccordionHeader>
      <AccordionPanel className={styles.panel}>{body}</AccordionPanel>
    </AccordionItem>
  );

  const issueCount = analysis?.issues.length ?? 0;
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

      {supported && featureNotes(state.features).length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="feature-notes">
          <MessageBarBody>
            {featureNotes(state.features).map((note) => (
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
        onAction={(kind) => void run(kind)}
        onDismiss={dismiss}
      />

      <Accordion multiple collapsible defaultOpenItems={OPEN_AT_START}>
        {section(
          "detection",
          strings.sections.detection,
          <DetectionPanel
            strings={strings}
            analysis={analysis}
            sheets={state.sheets}
            chosenSheet={prefs.sheet}
            disabled={disabled}
            // Overrides were made for the old sheet's layout: a new sheet starts without them.
            onChooseSheet={(sheet) => void savePreferences({ settings: prefs.settings, ...(sheet !== undefined ? { sheet } : {}) })}
          />,
        )}
        {section(
          "issues",
          strings.sections.issues,
          analysis ? <IssueList strings={strings} issues={analysis.issues} onSelect={(issue) => void select(issue)} /> : <Caption1 as="p">—</Caption1>,
          issueCount > 0 ? <CounterBadge className={styles.headerBadge} size="small" color="danger" count={issueCount} aria-hidden /> : undefined,
        )}
        {section(
          "statistics",
          strings.sections.statistics,
          analysis ? <StatisticsPanel strings={strings} statistics={analysis.statistics} /> : <Caption1 as="p">—</Caption1>,
        )}
        {section(
          "mapping",
          strings.sections.mapping,
          <MappingEditor
            strings={strings}
            table={analysis?.table ?? null}
            saved={prefs.mapping}
            disabled={disabled}
            onApply={(mapping) => void savePreferences({ ...prefs, ...(mapping ? { mapping } : { mapping: undefined }) })}
          />,
        )}
        {section("settings", strings.sections.settings, <SettingsForm strings={strings} saved={prefs.settings} disabled={disabled} onSave={saveSettings} />)}
      </Accordion>
    </main>
  );
}
