/** The result dialog of the ribbon command: shows the text passed in the query string. */
import { parseResultQuery } from "./result-query";

function render(): void {
  const result = parseResultQuery(window.location.search);
  const main = document.getElementById("result");
  const title = document.getElementById("result-title");
  const lines = document.getElementById("result-lines");
  if (!main || !title || !lines) return;
  if (result) {
    main.dataset.kind = result.kind;
    title.textContent = result.title;
    document.title = `督查通报助手 · ${result.title}`;
    lines.replaceChildren(
      ...result.lines.map((line) => {
        const p = document.createElement("p");
        p.textContent = line;
        return p;
      }),
    );
  }
  const close = document.getElementById("result-close");
  close?.addEventListener("click", () => {
    try {
      // The command closes the dialog when it gets this message.
      Office.context.ui.messageParent("close");
    } catch {
      window.close();
    }
  });
  close?.focus();
}

render();
if (typeof Office !== "undefined") void Office.onReady();
