/**
 * Handing a file made in the pane (the Word notice, the letters' .zip) to
 * the user, the way each Office webview allows:
 *
 * - Excel on the web, and Excel on Windows (WebView2, Edge): a download
 *   link, clicked for the user; the browser's download bar (or save dialog)
 *   takes it. The message keeps the link, for a click of the user's own when
 *   a browser let no download start without one.
 * - Excel on Windows with the older EdgeHTML webview: its own save prompt
 *   (navigator.msSaveOrOpenBlob).
 * - Excel on Mac (and iPad): WKWebView downloads nothing from a page, whatever
 *   the link (OfficeDev/office-js#2700, #3385, #4681). The file goes to the
 *   default browser instead: Office.context.ui.openBrowserWindow
 *   (OpenBrowserWindowApi 1.1) opens the add-in's download.html with the
 *   file in the address's #fragment, which a browser never sends to a
 *   server, and that page saves it.
 */

export type SaveWay = "download" | "browser";

export interface Saved {
  readonly way: SaveWay;
  /** A link to save the file again (an object URL), when the pane can offer one. */
  readonly url: string | null;
}

/** What saving needs from the page and from Office; tests give their own. */
export interface SaveEnvironment {
  /** Office.context.platform: "PC", "Mac", "OfficeOnline", "iOS", …; null outside Office. */
  readonly platform: string | null;
  /** Office.context.ui.openBrowserWindow, when OpenBrowserWindowApi 1.1 is there. */
  readonly openBrowserWindow: ((url: string) => void) | null;
  /** EdgeHTML's navigator.msSaveOrOpenBlob. */
  readonly msSaveOrOpenBlob: ((blob: Blob, name: string) => boolean) | null;
  /** The address download.html is relative to: the pane's own. */
  readonly baseUrl: string;
  readonly document: Document;
  readonly createObjectURL: (blob: Blob) => string;
}

/** The most an address handed to the default browser may carry (browsers take about 2 MB). */
export const MAX_BROWSER_URL = 1_500_000;

/** Base64 of bytes, in chunks (String.fromCharCode takes a limited number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** download.html's address with the file in the fragment: `#name=…&type=…&data=<base64>`. */
export function downloadPageUrl(baseUrl: string, name: string, type: string, bytes: Uint8Array): string {
  const url = new URL("download.html", baseUrl);
  url.hash = new URLSearchParams({ name, type, data: toBase64(bytes) }).toString();
  return url.href;
}

/** The file in download.html's fragment; null when there is none. */
export function fileInFragment(hash: string): { name: string; type: string; bytes: Uint8Array } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const name = params.get("name");
  const data = params.get("data");
  if (!name || !data) return null;
  try {
    return { name, type: params.get("type") ?? "application/octet-stream", bytes: fromBase64(data) };
  } catch {
    return null;
  }
}

/** The running Office and page. */
export function officeEnvironment(): SaveEnvironment {
  const office = (globalThis as { Office?: { context?: { platform?: unknown; ui?: { openBrowserWindow?: (url: string) => void }; requirements?: { isSetSupported(n: string, v?: string): boolean } } } }).Office;
  const context = office?.context;
  let canOpen = false;
  try {
    canOpen = context?.requirements?.isSetSupported("OpenBrowserWindowApi", "1.1") === true && typeof context.ui?.openBrowserWindow === "function";
  } catch {
    canOpen = false;
  }
  const nav = (globalThis as { navigator?: { msSaveOrOpenBlob?: (blob: Blob, name: string) => boolean } }).navigator;
  return {
    platform: typeof context?.platform === "string" ? context.platform : null,
    openBrowserWindow: canOpen ? (url) => context!.ui!.openBrowserWindow!(url) : null,
    msSaveOrOpenBlob: typeof nav?.msSaveOrOpenBlob === "function" ? (blob, name) => nav.msSaveOrOpenBlob!(blob, name) : null,
    baseUrl: document.baseURI,
    document,
    createObjectURL: (blob) => URL.createObjectURL(blob),
  };
}

/** Webviews that download nothing from a page. */
const NO_DOWNLOADS = new Set(["Mac", "iOS"]);

/** Hands the file to the user (see above); says how. */
export function saveFile(name: string, bytes: Uint8Array, type: string, env: SaveEnvironment = officeEnvironment()): Saved {
  if (env.platform !== null && NO_DOWNLOADS.has(env.platform) && env.openBrowserWindow) {
    const url = downloadPageUrl(env.baseUrl, name, type, bytes);
    if (url.length <= MAX_BROWSER_URL) {
      env.openBrowserWindow(url);
      return { way: "browser", url: null };
    }
  }
  const blob = new Blob([bytes as BlobPart], { type });
  if (env.msSaveOrOpenBlob) {
    env.msSaveOrOpenBlob(blob, name);
    return { way: "download", url: null };
  }
  const url = env.createObjectURL(blob);
  const link = env.document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  env.document.body.appendChild(link);
  link.click();
  link.remove();
  return { way: "download", url };
}
