/**
 * The pane's state and operations: stored preferences, the latest analysis,
 * what is running (with its progress step) and the last message. One
 * operation runs at a time; every failure becomes one Chinese line
 * (describeError).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { IncompleteStatusError, type Analysis, type Issue } from "../core";
import { describeError, detectFeatures, type ExcelFeatures, type ProgressStep, type RunEvents, type StoredPreferences } from "../hosts/officejs";
import * as actions from "./actions";
import { issueTarget, todayIso } from "./format";
import type { ActionKind, Strings } from "./i18n";

export type MessageKind = "success" | "warning" | "error" | "info";

export interface PaneMessage {
  readonly kind: MessageKind;
  readonly text: string;
  /** An action the message offers (the draft, when statuses are missing). */
  readonly offer?: ActionKind;
}

export type BusyKind = ActionKind | "start" | "save";

export interface WorkbookState {
  /** False until the first analysis has finished (or failed). */
  readonly ready: boolean;
  readonly busy: BusyKind | null;
  readonly step: ProgressStep | null;
  readonly prefs: StoredPreferences;
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
  savePreferences(prefs: StoredPreferences): Promise<boolean>;
  dismiss(): void;
}

export interface WorkbookDeps {
  readonly run?: actions.BatchRunner;
  readonly features?: ExcelFeatures;
  readonly today?: () => string;
  /** The first load, when the entry already started it (see actions.firstLoad). */
  readonly firstLoad?: Promise<actions.FirstLoad>;
}

/** Tasks left out of the statistics: their status is empty or not recognised (the check reports each). */
function uncounted(analysis: Analysis): number {
  return analysis.tasks.length - analysis.statistics.total;
}

export function useWorkbook(strings: Strings, deps: WorkbookDeps = {}): WorkbookApi {
  const runner = deps.run ?? actions.excelRun;
  const today = deps.today ?? (() => todayIso());
  const [features] = useState<ExcelFeatures>(() => deps.features ?? detectFeatures());
  const supported = features.conditionalFormats;
  const [state, setState] = useState<WorkbookState>(() => ({
    ready: false,
    busy: supported ? "start" : null,
    step: supported ? "reading" : null,
    prefs: { settings: {} },
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
  // Every operation reports its progress, and the sheet names it reads keep the sheet list current.
  const events = useMemo<RunEvents>(
    () => ({ onProgress: (step: ProgressStep) => patch({ step }), onSheets: (sheets: readonly string[]) => patch({ sheets }) }),
    [patch],
  );

  /** A failure as a message; missing statuses offer the draft. */
  const failure = useCallback(
    (e: unknown): PaneMessage =>
      e instanceof IncompleteStatusError ? { kind: "error", text: e.withDraftHint(strings.draftHint), offer: "draft" } : { kind: "error", text: describeError(e) },
    [strings],
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
    (analysis: Analysis): PaneMessage => ({
      kind: analysis.issues.some((i) => i.severity === "error") || uncounted(analysis) > 0 ? "warning" : "success",
      text: strings.results.checked(analysis.tasks.length, analysis.issues.length, uncounted(analysis)),
    }),
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
    void (deps.firstLoad ?? actions.firstLoad(today(), runner)).then(({ startup, analysis, error }) => {
      running.current = false;
      patch({
        ...(startup ? { prefs: startup.prefs, sheets: startup.sheets } : {}),
        analysis,
        busy: null,
        step: null,
        ready: true,
        message: error === null ? null : { kind: "error", text: describeError(error) },
      });
    });
    // Runs once, when the pane opens.
  }, []);

  const run = useCallback(
    async (kind: ActionKind): Promise<void> => {
      if (!supported) return;
      const prefs = current.current.prefs;
      await guarded(kind, async () => {
        switch (kind) {
          case "check": {
            const analysis = await actions.checkWorkbook(prefs, today(), events, runner);
            return { analysis, message: checkedMessage(analysis) };
          }
          case "highlight": {
            const analysis = await actions.markMissed(prefs, today(), events, runner);
            return { analysis, message: { kind: "success", text: strings.results.highlighted(analysis.statistics.counts.missed) } };
          }
          case "clear": {
            const removed = await actions.clearMarks(runner);
            return { message: { kind: "success", text: strings.results.cleared(removed) } };
          }
          case "generate": {
            const job = await actions.writeNotice(prefs, today(), events, runner);
            const { analysis } = job;
            const left = uncounted(analysis);
            // Written, but tasks the notice does not count are worth a look: a warning, not a plain success.
            const text = strings.results.generated(job.noticeSheet.name, analysis.tasks.length, analysis.statistics.counts.missed, left);
            return { analysis, message: { kind: left > 0 ? "warning" : "success", text } };
          }
          case "draft": {
            const job = await actions.writeNotice(prefs, today(), events, runner, { draft: true });
            const left = uncounted(job.analysis);
            const text = left > 0 ? strings.results.drafted(job.noticeSheet.name, left) : strings.results.generated(job.noticeSheet.name, job.analysis.tasks.length, job.analysis.statistics.counts.missed, 0);
            return { analysis: job.analysis, message: { kind: left > 0 ? "warning" : "success", text } };
          }
        }
      });
    },
    [supported, guarded, runner, today, events, checkedMessage, strings],
  );

  const select = useCallback(
    async (issue: Issue): Promise<void> => {
      const target = issueTarget(issue);
      if (!target) return;
      try {
        await actions.goToCell(target.sheet, target.address, runner);
      } catch (e) {
        patch({ message: { kind: "error", text: describeError(e) } });
      }
    },
    [runner, patch],
  );

  const savePreferences = useCallback(
    (prefs: StoredPreferences): Promise<boolean> =>
      guarded("save", async () => {
        await actions.storePreferences(prefs, runner);
        patch({ prefs, step: "checking" });
        try {
          const analysis = await actions.checkWorkbook(prefs, today(), events, runner);
          return { analysis, message: { kind: "success", text: strings.results.preferencesSaved } };
        } catch (e) {
          // Saved, but the check with the new preferences failed (e.g. no table on the chosen sheet).
          return { analysis: null, message: { kind: "error", text: describeError(e) } };
        }
      }),
    [guarded, runner, patch, today, events, strings],
  );

  const dismiss = useCallback(() => patch({ message: null }), [patch]);

  return { state, run, select, savePreferences, dismiss };
}
