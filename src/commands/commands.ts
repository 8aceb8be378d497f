/**
 * Ribbon commands (the manifest's FunctionFile, commands.html).
 *
 * "一键生成通报" runs check → highlight → notice with the workbook's saved
 * preferences, without opening the task pane, shows the notice sheet, and
 * tells the user the result (or what blocked it) in a small dialog. Every
 * path calls event.completed(), or Office keeps the button busy. The run
 * itself is in one-click.ts.
 */
import { runGenerateNotice } from "./one-click";
import { resultQuery, type CommandResult } from "./result-query";

/** Longest the command waits for the user to close the result dialog before it completes anyway. */
const DIALOG_WAIT_MS = 4 * 60 * 1000;

function dialogSupported(): boolean {
  try {
    return Boolean(Office.context.ui?.displayDialogAsync) && Office.context.requirements?.isSetSupported("DialogApi", "1.1") !== false;
  } catch {
    return false;
  }
}

/** What the user chose in the dialog: close it, or write the draft it offered. */
export type DialogChoice = "close" | "draft";

/**
 * Shows the result in a dialog (result.html) and resolves with the user's
 * choice when the dialog closes. Without the Dialog API, or when the dialog
 * cannot open, it resolves at once: the notice sheet the command activated
 * speaks for itself.
 */
export function showResult(result: CommandResult): Promise<DialogChoice> {
  if (!dialogSupported()) return Promise.resolve("close");
  const url = new URL(`result.html?${resultQuery(result)}`, document.baseURI).href;
  return new Promise<DialogChoice>((resolve) => {
    let done = false;
    let dialog: Office.Dialog | undefined;
    let choice: DialogChoice = "close";
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        dialog?.close();
      } catch {
        // Already closed by the user.
      }
      resolve(choice);
    };
    const timer = setTimeout(finish, DIALOG_WAIT_MS);
    try {
      Office.context.ui.displayDialogAsync(url, { height: 40, width: 30, displayInIframe: true }, (opened) => {
        if (opened.status !== Office.AsyncResultStatus.Succeeded) {
          finish();
          return;
        }
        dialog = opened.value;
        // The page's buttons send a message; closing the window raises an event.
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          if ("message" in arg && arg.message === "draft") choice = "draft";
          finish();
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
      });
    } catch {
      finish();
    }
  });
}

/** Ribbon button "一键生成通报" (manifest FunctionName `generateNotice`). */
export async function generateNotice(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const choice = await showResult(await runGenerateNotice());
    if (choice === "draft") await showResult(await runGenerateNotice({ draft: true }));
  } catch {
    // Nothing may keep the button from completing.
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("generateNotice", generateNotice);
});
