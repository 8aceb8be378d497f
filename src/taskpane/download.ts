/**
 * download.html: the page Excel for Mac opens in the default browser to save
 * a file the pane made (see deliver.ts). The file is in the address's
 * #fragment; the page saves it, and shows a link in case the browser waits
 * for a click.
 */
import { fileInFragment } from "./deliver";

function show(): void {
  const status = document.getElementById("status")!;
  const link = document.getElementById("link") as HTMLAnchorElement;
  const file = fileInFragment(location.hash);
  if (!file) {
    status.textContent = "没有要保存的文件：请回到 Excel，在督查通报助手中重新生成。 / No file to save: make it again in Excel.";
    return;
  }
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.type }));
  link.href = url;
  link.download = file.name;
  link.textContent = file.name;
  link.hidden = false;
  status.textContent = `正在保存“${file.name}”；如未开始，请点击下面的链接。 / Saving “${file.name}”; if it does not start, click the link below.`;
  // The file stays out of the browser's history.
  history.replaceState(null, "", location.pathname + location.search);
  link.click();
}

show();
