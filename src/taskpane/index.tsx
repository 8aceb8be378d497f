/**
 * Task pane entry: waits for Office.js, picks the language and the theme
 * from Office, then renders the pane.
 */
import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { detectFeatures } from "../hosts/officejs";
import { firstLoad } from "./actions";
import { App } from "./App";
import { todayIso } from "./format";
import { officeDisplayLanguage, pickLocale, stringsFor } from "./i18n";
import { fluentTheme, officeTheme } from "./theme";

const container = document.getElementById("root");
if (!container) throw new Error("taskpane.html has no #root element");
const root = createRoot(container);

function message(text: string) {
  root.render(<p style={{ padding: 16, fontFamily: "sans-serif" }}>{text}</p>);
}

if (typeof Office === "undefined") {
  // office.js did not load (e.g. the CDN is blocked on an intranet: use build:local).
  message("无法加载 Office.js，请联系管理员。Office.js could not be loaded.");
} else {
  void Office.onReady().then(({ host }) => {
    const strings = stringsFor(pickLocale(officeDisplayLanguage()));
    document.documentElement.lang = strings.locale;
    document.body.dataset.officeHost = String(host ?? "none");
    if (host !== Office.HostType.Excel) {
      message(strings.notInExcel);
      return;
    }
    // Start reading the workbook now: Excel's round trips overlap the first render.
    const features = detectFeatures();
    const first = features.supported ? firstLoad(todayIso()) : undefined;
    root.render(
      <FluentProvider theme={fluentTheme(officeTheme())}>
        <App strings={strings} deps={{ features, firstLoad: first }} />
      </FluentProvider>,
    );
  });
}
