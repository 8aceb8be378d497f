/**
 * Task pane entry: waits for Office.js, then renders the pane.
 * Placeholder content; the pane's UI is written separately.
 */
import { Body1, FluentProvider, Title3, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

function App({ host }: { host: Office.HostType | null }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title3 as="h1">督查通报助手</Title3>
        <Body1 as="p">
          {host === Office.HostType.Excel ? "已连接 Excel。" : "请在 Excel 中打开本加载项。"}
        </Body1>
      </main>
    </FluentProvider>
  );
}

const container = document.getElementById("root");
if (!container) throw new Error("taskpane.html has no #root element");
const root = createRoot(container);

if (typeof Office === "undefined") {
  // office.js did not load (e.g. the CDN is blocked on an intranet: use build:local).
  root.render(<p style={{ padding: 16 }}>无法加载 Office.js，请联系管理员。</p>);
} else {
  void Office.onReady().then(({ host }) => {
    document.body.dataset.officeHost = String(host ?? "none");
    root.render(<App host={host} />);
  });
}
