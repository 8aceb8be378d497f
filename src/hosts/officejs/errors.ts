/** One Chinese line for any error the add-in can meet, for the task pane and the ribbon command. */
import { InputError } from "../../core";

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

export function describeError(e: unknown): string {
  if (e instanceof InputError) return e.message;
  const code = officeErrorCode(e);
  const message = e instanceof Error ? firstLine(e.message) : typeof e === "string" ? firstLine(e) : "";
  if (code === null) {
    return message ? `发生意外错误：${message}` : "发生意外错误，请重试；如仍出错，请关闭任务窗格后重新打开。";
  }
  if (code === "AccessDenied" || /protect/i.test(message)) {
    return "工作表受保护，请先取消保护（“审阅”→“撤消工作表保护”或“保护工作簿”）后再试。";
  }
  if (code === "ItemAlreadyExists") {
    return "工作簿中已有同名工作表，请先将其改名或删除后再试。";
  }
  if (code === "ApiNotFound" || code === "ApiNotAvailable" || code === "NotImplemented") {
    return "当前 Excel 版本不支持本功能所需的接口，需要 Excel 2019 或更新版本（ExcelApi 1.6），或使用 Excel 网页版 / Microsoft 365。";
  }
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") {
    return "一次传输的数据超过 Excel 网页版 5 MB 的上限，请删除调度表中的空白行列或多余工作表后重试，或改用桌面版 Excel。";
  }
  if (code === "ItemNotFound" || code === "InvalidObjectPath") {
    return `找不到所需的工作表或单元格，可能已被改名或删除，请刷新后重试（错误代码：${code}）。`;
  }
  if (code === "EditModeCannotAcquireResource" || code === "InvalidOperationInCellEditMode") {
    return "Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 结束编辑后再试。";
  }
  return `Excel 返回错误，操作未完成（错误代码：${code}${message ? `，${message}` : ""}）。`;
}
