/**
 * The pane's state and operations: the settings stored in the workbook's
 * 通报设置 sheet (as the last operation read them), the latest analysis, what
 * is running (with its progress step) and the last message. One operation
 * runs at a time; every failure becomes one line in the pane's language
 * (describeError).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { IncompleteStatusError, composeNotice, departmentsWritten, incompleteStatusesEnglish, problemCounts, type Analysis, type Issue, type NoticeJob, type SettingsValues } from "../core";
import { NO_STORED_SETTINGS, describeError, detectFeatures, type ExcelFeatures, type ProgressStep, type RunEvents, type StoredSettings } from "../hosts/officejs";
import * as actions from "./actions";
import { saveFile, type SaveEnvironment } from "./deliver";
import { makeDocument } from "./documents";
import { issueTarget, todayIso } from "./format";
import type { ActionKind, Strings } from "./i18n";

export type MessageKind = "success" | "warning" | "error" | "info";

export interface PaneMessage {
  readonly kind: MessageKind;
  /** A headline (`已生成，仍有1个警告`); errors get the pane's error title when absent. */
  readonly title?: string;
  readonly text: string;
  /** An action the message offers (the draft, when statuses are missing). */
  readonly offer?: ActionKind;
  /** A file the message lets the user save (again): an object URL and the file's name. */
  readonly link?: { readonly href: string; readonly download: string; readonly label: string };
}

export type BusyKind = ActionKind | "start" | "save";

export interface WorkbookState {
  /** False until the first analysis has finished (or failed). */
  readonly ready: boolean;
  readonly busy: BusyKind | null;
  readonly step: ProgressStep | null;
  /** The settings stored in the workbook, as the last operation read them. */
  readonly stored: StoredSettings;
  readonly sheets: readonly string[];
  readonly analysis: Analysis | null;
  readonly message: PaneMessage | null;
  readonly features: ExcelFeatures;
  /** ExcelApi 1.6 is there: the actions can run. */
  readonly supported: boolean;
}

export interface WorkbookApi {
  readonly state: WorkbookState;
  run(kind: ActionKind): Promise<void>;
  select(issue: Issue): Promise<void>;
  /** Selects a cell in Excel (a task's status cell). */
  goTo(target: { readonly sheet: string; readonly address: string }): Promise<void>;
  /** Writes these values over the stored ones to the 通报设置 sheet, then checks again. */
  saveSettings(values: Partial<SettingsValues>): Promise<boolean>;
  dismiss(): void;
}

export interface WorkbookDeps {
  readonly run?: actions.BatchRunner;
  readonly features?: ExcelFeatures;
  readonly today?: () => string;
  /** The first load, when the entry already started it (see actions.firstLoad). */
  readonly firstLoad?: Promise<actions.FirstLoad>;
  /** Where saved files go (deliver.ts); tests give their own. */
  readonly saveEnvironment?: () => SaveEnvironment;
}

/** Tasks left out of the statistics: their status is empty or not recognised (the check reports each). */
function uncounted(analysis: Analysis): number {
  return analysis.tasks.length - analysis.statistics.total;
}

export function useWorkbook(strings: Strings, deps: WorkbookDeps = {}): WorkbookApi {
  const runner = deps.run ?? actions.excelRun;
  const today = deps.today ?? (() => todayIso());
  const saveEnvironment = deps.saveEnvironment;
  const [features] = useState<ExcelFeatures>(() => deps.features ?? detectFeatures());
  const { supported } = features;
  const [state, setState] = useState<WorkbookState>(() => ({
    ready: false,
    busy: supported ? "start" : null,
    step: supported ? "reading" : null,
    stored: NO_STORED_SETTINGS,
    sheets: [],
    analysis: null,
    message: null,
    features,
    supported,
  }));
  // The latest state for callbacks, and a guard so that one operation runs at a time.
  const current = useRef(state);
  current.current = state;
  const running = useRef(false);
  const started = useRef(false);

  const patch = useCallback((p: Partial<WorkbookState>) => setState((s) => ({ ...s, ...p })), []);
  // Every operation reports its progress; the sheet names and settings it reads keep the pane current.
  const events = useMemo<RunEvents>(
    () => ({
      onProgress: (step: ProgressStep) => patch({ step }),
      onSheets: (sheets: readonly string[]) => patch({ sheets }),
      onSettings: (stored: StoredSettings) => patch({ stored }),
    }),
    [patch],
  );

  const describe = useCallback((e: unknown) => describeError(e, strings.locale), [strings]);

  /** A failure as a message; missing statuses offer the draft. */
  const failure = useCallback(
    (e: unknown): PaneMessage => {
      if (!(e instanceof IncompleteStatusError)) return { kind: "error", text: describe(e) };
      const text = strings.locale === "en-US" ? incompleteStatusesEnglish(e.missing, e.example, strings.draftHint) : e.withDraftHint(strings.draftHint);
      return { kind: "error", text, offer: "draft" };
    },
    [strings, describe],
  );

  /** Runs one operation: busy flag, progress, errors as a message. */
  const guarded = useCallback(
    async (kind: BusyKind, body: () => Promise<Partial<WorkbookState>>): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      patch({ busy: kind, step: "reading", message: null });
      try {
        const result = await body();
        patch({ ...result, busy: null, step: null, ready: true });
        return true;
      } catch (e) {
        patch({ busy: null, step: null, ready: true, message: failure(e) });
        return false;
      } finally {
        running.current = false;
      }
    },
    [patch, failure],
  );

  const checkedMessage = useCallback(
    (analysis: Analysis): PaneMessage => {
      const p = problemCounts(analysis.issues);
      return {
        kind: p.errors + p.warnings > 0 || uncounted(analysis) > 0 ? "warning" : "success",
        text: strings.results.checked(analysis.tasks.length, analysis.issues.length, uncounted(analysis)),
      };
    },
    [strings],
  );

  /** The notice is written: says so, and whether errors or warnings remain. */
  const writtenMessage = useCallback(
    (job: NoticeJob): PaneMessage => {
      const { analysis } = job;
      const p = problemCounts(analysis.issues);
      const left = uncounted(analysis);
      const missed = analysis.statistics.counts.missed;
      return {
        kind: p.errors + p.warnings > 0 || left > 0 ? "warning" : "success",
        title: strings.results.generatedTitle(p),
        text: [
          strings.results.generated({ sheet: job.noticeSheet.name, tasks: analysis.tasks.length, missed, uncounted: left }),
          departmentsWritten(job.departmentSheet.name, analysis.departments, strings.locale),
        ].join(strings.locale === "en-US" ? " " : ""),
      };
    },
    [strings],
  );

  // The first analysis, when the pane opens.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!supported) {
      patch({ ready: true });
      return;
    }
    running.current = true;
    void (deps.firstLoad ?? actions.firstLoad(today(), runner)).then(({ sheets, stored, analysis, error }) => {
      running.current = false;
      patch({ sheets, stored, analysis, busy: null, step: null, ready: true, message: error === null ? null : failure(error) });
    });
    // Runs once, when the pane opens.
  }, []);

  const run = useCallback(
    async (kind: ActionKind): Promise<void> => {
      if (!supported) return;
      await guarded(kind, async () => {
        switch (kind) {
          case "check": {
            const analysis = await actions.checkWorkbook(today(), events, runner);
            return { analysis, message: checkedMessage(analysis) };
          }
          case "highlight": {
            const analysis = await actions.markMissed(today(), events, runner);
            const missed = analysis.statistics.counts.missed;
            return { analysis, message: { kind: missed === 0 ? "info" : "success", text: strings.results.highlighted(missed) } };
          }
          case "clear": {
            const removed = await actions.clearMarks(runner);
            return { message: { kind: "success", text: strings.results.cleared(removed) } };
          }
          case "generate":
          case "draft": {
            const job = await actions.writeNotice(today(), events, runner, { draft: kind === "draft" });
            return { analysis: job.analysis, message: writtenMessage(job) };
          }
          case "docx":
          case "letters": {
            // The notice of a fresh check, as the sheet would be written; nothing in the workbook changes.
            const analysis = await actions.checkWorkbook(today(), events, runner);
            const notice = composeNotice(analysis, { today: today() });
            patch({ step: null });
            const made = await makeDocument(kind, notice);
            if (made === null) return { analysis, message: { kind: "info", text: strings.documents.noLetters } };
            const saved = saveFile(made.name, made.bytes, made.type, saveEnvironment?.());
            const text = kind === "docx" ? strings.documents.saved(made.name, saved.way) : strings.documents.lettersSaved(made.count, made.name, saved.way);
            const link = saved.url === null ? undefined : { href: saved.url, download: made.name, label: strings.documents.saveAgain(made.name) };
            return { analysis, message: { kind: "success", text, ...(link ? { link } : {}) } };
          }
        }
      });
    },
    [supported, guarded, runner, today, events, checkedMessage, writtenMessage, strings, patch, saveEnvironment],
  );

  const goTo = useCallback(
    async (target: { readonly sheet: string; readonly address: string }): Promise<void> => {
      try {
        await actions.goToCell(target.sheet, target.address, runner);
      } catch (e) {
        patch({ message: { kind: "error", text: describe(e) } });
      }
    },
    [runner, patch, describe],
  );

  const select = useCallback(
    async (issue: Issue): Promise<void> => {
      const target = issueTarget(issue);
      if (target) await goTo(target);
    },
    [goTo],
  );

  const saveSettings = useCallback(
    (values: Partial<SettingsValues>): Promise<boolean> =>
      guarded("save", async () => {
        const { stored } = current.current;
        // Everything stored, with the change: the sheet then holds it all (old hidden settings included).
        await actions.storeSettings(
          { settings: stored.settings, trackingSheet: stored.trackingSheet, previousSheet: stored.previousSheet, mapping: stored.mapping, ...values },
          runner,
        );
        patch({ step: "checking" });
        try {
          const analysis = await actions.checkWorkbook(today(), events, runner);
          return { analysis, message: { kind: "success", text: strings.results.settingsSaved } };
        } catch (e) {
          // Saved, but the check with the new settings failed (e.g. no table on the chosen sheet).
          return { analysis: null, message: failure(e) };
        }
      }),
    [guarded, runner, patch, today, events, strings, failure],
  );

  const dismiss = useCallback(() => patch({ message: null }), [patch]);

  return { state, run, select, goTo, saveSettings, dismiss };
}
