/** One line for any error the add-in can meet, for the task pane and the ribbon command, in the pane's language. */
import { InputError, excelTooOld, sheetProtected, type Locale } from "../../core";

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown };
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0]!.trim();
}

/** The Office error code of `e` (`AccessDenied`, `ItemNotFound`…), or null for other errors. */
export function officeErrorCode(e: unknown): string | null {
  if (typeof e !== "object" || e === null) return null;
  const o = e as OfficeLikeError;
  if (typeof o.code === "string" && o.code !== "") return o.code;
  if (typeof o.debugInfo?.code === "string" && o.debugInfo.code !== "") return o.debugInfo.code;
  return null;
}

interface ErrorWords {
  unexpected: (message: string) => string;
  retry: string;
  nameTaken: string;
  payload: string;
  notFound: (code: string) => string;
  editing: string;
  other: (code: string, message: string) => string;
}

const ZH: ErrorWords = {
  unexpected: (m) => `发生意外错误：${m}`,
  retry: "发生意外错误，请重试；如仍出错，请关闭任务窗格后重新打开。",
  nameTaken: "工作簿中已有同名工作表，请先将其改名或删除后再试。",
  payload: "一次传输的数据超过Excel网页版5 MB的上限，请删除调度表中的空白行列或多余工作表后重试，或改用桌面版Excel。",
  notFound: (code) => `找不到所需的工作表或单元格，可能已被改名或删除，请刷新后重试（错误代码：${code}）。`,
  editing: "Excel正处于单元格编辑状态，请先按Enter或Esc结束编辑后再试。",
  other: (code, m) => `Excel返回错误，操作未完成（错误代码：${code}${m ? `，${m}` : ""}）。`,
};

const EN: ErrorWords = {
  unexpected: (m) => `Something unexpected went wrong: ${m}`,
  retry: "Something unexpected went wrong. Try again; if it persists, close the task pane and open it again.",
  nameTaken: "The workbook already has a sheet of that name: rename or delete it and try again.",
  payload: "The data is more than Excel on the web moves at once (5 MB): delete empty rows, columns or sheets you do not need and try again, or use desktop Excel.",
  notFound: (code) => `A sheet or cell the add-in needs is gone (renamed or deleted?): refresh and try again (error code ${code}).`,
  editing: "Excel is editing a cell: press Enter or Esc and try again.",
  other: (code, m) => `Excel reported an error and the operation did not finish (error code ${code}${m ? `: ${m}` : ""}).`,
};

export function describeError(e: unknown, locale: Locale = "zh-CN"): string {
  if (e instanceof InputError) return e.message;
  const w = locale === "en-US" ? EN : ZH;
  const code = officeErrorCode(e);
  const message = e instanceof Error ? firstLine(e.message) : typeof e === "string" ? firstLine(e) : "";
  if (code === null) return message ? w.unexpected(message) : w.retry;
  if (code === "AccessDenied" || /protect/i.test(message)) return sheetProtected(null, "write", locale);
  if (code === "ItemAlreadyExists") return w.nameTaken;
  if (code === "ApiNotFound" || code === "ApiNotAvailable" || code === "NotImplemented") return excelTooOld(locale).body;
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") return w.payload;
  if (code === "ItemNotFound" || code === "InvalidObjectPath") return w.notFound(code);
  if (code === "EditModeCannotAcquireResource" || code === "InvalidOperationInCellEditMode") return w.editing;
  return w.other(code, message);
}
