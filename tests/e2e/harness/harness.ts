/**
 * Browser side of the headless harness (bundled with the Excel double by
 * esbuild in the test setup). It runs right after the real office.js and
 * before the add-in's bundles:
 *
 * - loads the workbook model named in the query (`?model=variant`), served
 *   as JSON converted from a sample .xlsx in Node, into the strict double;
 * - once office.js has initialised (outside Office: host null), installs the
 *   double as `Excel`, its requirement sets as `Office.context.requirements`,
 *   a display language and theme, and, with `?dialog=1`, a recording stand-in
 *   for `Office.context.ui` (the Dialog API);
 * - replaces `Office.onReady` so the add-in sees host Excel once all that is
 *   in place, and records `Office.actions.associate` calls.
 *
 * The test drives the page through `window.__harness`.
 */
import { ExcelDouble, type WorkbookModel } from "../../excel-double";

export interface HarnessDialog {
  readonly url: string;
  closed: boolean;
}

export interface HarnessApi {
  readonly ready: Promise<void>;
  excel: ExcelDouble | null;
  /** Functions the page associated with ribbon function names. */
  readonly associations: Record<string, (event: unknown) => unknown>;
  /** Dialogs the page opened (with `?dialog=1`). */
  readonly dialogs: HarnessDialog[];
  readonly errors: string[];
  model(): WorkbookModel;
}

type Writable = Record<string, unknown>;

const params = new URLSearchParams(window.location.search);
const modelName = params.get("model") ?? "variant";
const apiVersion = params.get("api") ?? "1.17";
const language = params.get("lang") ?? "zh-CN";
const dark = params.get("theme") === "dark";
const withDialog = params.get("dialog") === "1";

const office = (window as unknown as { Office: typeof Office }).Office;
const officeReady = office.onReady.bind(office);

function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, configurable: true, writable: true, enumerable: true });
}

const api: HarnessApi = {
  ready: Promise.resolve(),
  excel: null,
  associations: {},
  dialogs: [],
  errors: [],
  model() {
    if (!api.excel) throw new Error("the double is not installed yet");
    return api.excel.model;
  },
};

window.addEventListener("error", (e) => api.errors.push(String(e.message)));
window.addEventListener("unhandledrejection", (e) => api.errors.push(String((e.reason as Error)?.message ?? e.reason)));

/** A stand-in for the Dialog API: records the URL, then reports the dialog closed by the user. */
function dialogUi(): object {
  return {
    displayDialogAsync(url: string, _options: unknown, callback: (result: unknown) => void) {
      const record: HarnessDialog = { url, closed: false };
      api.dialogs.push(record);
      const handlers = new Map<unknown, (arg: unknown) => void>();
      const dialog = {
        addEventHandler: (type: unknown, handler: (arg: unknown) => void) => handlers.set(type, handler),
        close: () => {
          record.closed = true;
        },
        messageChild: () => undefined,
      };
      callback({ status: office.AsyncResultStatus.Succeeded, value: dialog });
      // 12006: the user closed the dialog.
      setTimeout(() => handlers.get(office.EventType.DialogEventReceived)?.({ error: 12006 }), 20);
    },
    messageParent: () => undefined,
  };
}

async function install(): Promise<void> {
  const [model] = await Promise.all([
    fetch(`/__harness/models/${encodeURIComponent(modelName)}.json`).then((r) => {
      if (!r.ok) throw new Error(`model ${modelName}: HTTP ${r.status}`);
      return r.json() as Promise<WorkbookModel>;
    }),
    // Outside Office, office.js resolves this with host null once it has set itself up.
    officeReady().then(() => performance.mark("harness:office-ready")),
  ]);
  const excel = new ExcelDouble(model, { apiVersion, otherSets: withDialog ? { DialogApi: "1.2" } : {} });
  api.excel = excel;
  (window as unknown as Writable).Excel = excel.excel;
  const context = office.context as unknown as object;
  define(context, "requirements", excel.office.context.requirements);
  define(context, "displayLanguage", language);
  define(context, "officeTheme", dark ? { bodyBackgroundColor: "#1f1f1f", bodyForegroundColor: "#ffffff", isDarkTheme: true } : undefined);
  if (withDialog) define(context, "ui", dialogUi());
  performance.mark("harness:double-installed");
}

(api as { ready: Promise<void> }).ready = install().catch((e: unknown) => {
  api.errors.push(`harness: ${e instanceof Error ? e.message : String(e)}`);
  throw e;
});

const info = { host: office.HostType.Excel, platform: office.PlatformType.PC };
define(office, "onReady", (callback?: (i: typeof info) => void) =>
  api.ready.then(() => {
    callback?.(info);
    return info;
  }),
);
define(office.actions, "associate", (name: string, fn: (event: unknown) => unknown) => {
  api.associations[name] = fn;
});

(window as unknown as { __harness: HarnessApi }).__harness = api;
