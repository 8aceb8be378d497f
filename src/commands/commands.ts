/**
 * Ribbon commands (the manifest's FunctionFile, commands.html).
 *
 * "一键生成通报" runs generateNotice without opening the task pane. Every path
 * through a command must call event.completed(), or Office keeps the button busy.
 */

/** Ribbon button "一键生成通报" (manifest FunctionName `generateNotice`). */
export async function generateNotice(event: Office.AddinCommands.Event): Promise<void> {
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate("generateNotice", generateNotice);
});
