/** The result dialog of the ribbon command: shows the text passed in the query string. */
import { parseResultQuery } from "./result-query";

function render(): void {
  const result = parseResultQuery(window.location.search);
  const main = document.getElementById("result");
  const title = document.getElementById("result-title");
  const lines = document.getElementById("result-lines");
  if (!main || !title || !lines) return;
  const en = result?.lang === "en-US";
  if (en) {
    document.documentElement.lang = "en-US";
    const setText = (id: string, text: string) => {
      const el = document.getElementById(id);
      if (el) el.textContent = text;
    };
    setText("result-draft", "Write a draft");
    setText("result-close", "Close");
  }
  if (result) {
    main.dataset.kind = result.kind;
    title.textContent = result.title;
    document.title = `${en ? "Supervision Notice Assistant" : "督查通报助手"} · ${result.title}`;
    lines.replaceChildren(
      ...result.lines.map((line) => {
        const p = document.createElement("p");
        p.textContent = line;
        return p;
      }),
    );
  }
  /** The command closes the dialog when it gets the message, and writes the draft for "draft". */
  const answer = (message: "close" | "draft") => () => {
    try {
      Office.context.ui.messageParent(message);
    } catch {
      window.close();
    }
  };
  const draft = document.getElementById("result-draft");
  if (draft && result?.offer === "draft") {
    draft.hidden = false;
    draft.addEventListener("click", answer("draft"));
  }
  const close = document.getElementById("result-close");
  close?.addEventListener("click", answer("close"));
  (result?.offer === "draft" ? draft : close)?.focus();
}

render();
if (typeof Office !== "undefined") void Office.onReady();
