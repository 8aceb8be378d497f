/**
 * How the ribbon command's result travels to the result dialog: in the
 * page's query string (`kind`, `title`, `line` repeated). No imports, so the
 * dialog page stays tiny.
 */
/** `warning`: done, but something needs a look (e.g. tasks left out of the counts). */
export type ResultKind = "success" | "warning" | "error";

/** What the dialog may offer besides closing: the draft, when statuses are missing. */
export type ResultOffer = "draft";

export interface CommandResult {
  readonly kind: ResultKind;
  readonly title: string;
  readonly lines: readonly string[];
  readonly offer?: ResultOffer;
  /** The dialog's own words (its buttons) in English; absent for Chinese. */
  readonly lang?: "en-US";
}

const MAX_LINES = 8;
/**
 * Longest query string, encoded. Older Windows webviews (Internet Explorer
 * 11, still used by some Office 2019 installs) refuse URLs over 2,083
 * characters, and each Chinese character takes nine when percent-encoded.
 */
export const MAX_QUERY_LENGTH = 1800;

function clip(text: string, chars: number): string {
  const all = [...text];
  return all.length <= chars ? text : `${all.slice(0, Math.max(0, chars - 1)).join("")}…`;
}

function build(kind: ResultKind, title: string, lines: readonly string[], offer?: ResultOffer, lang?: "en-US"): string {
  const params = new URLSearchParams();
  params.set("kind", kind);
  params.set("title", title);
  if (offer) params.set("offer", offer);
  if (lang) params.set("lang", lang);
  for (const line of lines) params.append("line", line);
  return params.toString();
}

/** The query string for the dialog; lines that do not fit are shortened, then left out. */
export function resultQuery(result: CommandResult, maxLength = MAX_QUERY_LENGTH): string {
  const title = clip(result.title, 40);
  const lines: string[] = [];
  for (const line of result.lines.slice(0, MAX_LINES)) {
    // Shorten the line until the whole query fits (binary search on its length in characters).
    let lo = 0;
    let hi = [...line].length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (build(result.kind, title, [...lines, clip(line, mid)], result.offer, result.lang).length <= maxLength) lo = mid;
      else hi = mid - 1;
    }
    if (lo < 2) break;
    lines.push(clip(line, lo));
  }
  return build(result.kind, title, lines, result.offer, result.lang);
}

/** Reads a result back from a query string; null when it carries none. */
export function parseResultQuery(search: string): CommandResult | null {
  const params = new URLSearchParams(search);
  const title = params.get("title");
  if (title === null) return null;
  const given = params.get("kind");
  const kind: ResultKind = given === "error" || given === "warning" ? given : "success";
  const lines = params.getAll("line").slice(0, MAX_LINES);
  return { kind, title, lines, ...(params.get("offer") === "draft" ? { offer: "draft" as const } : {}), ...(params.get("lang") === "en-US" ? { lang: "en-US" as const } : {}) };
}
