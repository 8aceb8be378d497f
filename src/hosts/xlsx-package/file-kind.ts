/**
 * What a file really is, from its bytes rather than its name, and what to tell
 * the user when it is not a workbook this tool can read.
 *
 * `sniffFileKind` looks at the magic bytes and, for ZIP packages, the entry
 * names and the workbook's content type; `fileKindProblem` turns a kind into
 * one Chinese line that names the file and says what to do. The extension only
 * colours the message ("……只是扩展名为 .xlsx"): a real workbook named `.xls`
 * is read, a text file named `.xlsx` is not.
 */
import { readText } from "./package";
import { ZipReader } from "./zip";

/** Workbook packages (xl/workbook.xml): `.xlsx`, macro-enabled `.xlsm` (written back as `.xlsm`), and their templates (written as workbooks). */
export type WorkbookFormat = "xlsx" | "xlsm" | "xltx" | "xltm";

export type FileKind =
  | { kind: "workbook"; format: WorkbookFormat }
  | { kind: "empty" }
  /** CSV, TXT, HTML or XML exported as a "table": no NUL bytes, or a UTF-16 byte-order mark. */
  | { kind: "text" }
  | { kind: "pdf" }
  /** An OLE2/CFB container with an EncryptedPackage stream: an xlsx with an opening password. */
  | { kind: "encrypted" }
  /** Any other OLE2/CFB container that is not a Word or PowerPoint file: Excel 97-2003 `.xls`, WPS `.et`. */
  | { kind: "legacy-spreadsheet" }
  | { kind: "legacy-word" }
  | { kind: "legacy-powerpoint" }
  /** Starts like a ZIP but cannot be opened: truncated or damaged. */
  | { kind: "damaged" }
  | { kind: "xlsb" }
  | { kind: "xlam" }
  | { kind: "docx" }
  | { kind: "pptx" }
  /** A ZIP archive that is no Office document; `spreadsheets` counts the table files inside it. */
  | { kind: "zip"; spreadsheets: number }
  | { kind: "unknown" };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** ZIP local file header, empty archive, or spanned archive signature. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && [0x03, 0x05, 0x07].includes(bytes[2]!) && bytes[3] === bytes[2]! + 1;
}

/**
 * Whether a CFB container has a stream or storage of this name. Directory
 * entries are 128 bytes, aligned on 128 in every sector size, and start with
 * the UTF-16LE name followed at offset 64 by its byte length including the
 * terminating NUL; matching both avoids hits inside cell text.
 */
function cfbHasEntry(bytes: Uint8Array, name: string): boolean {
  const length = (name.length + 1) * 2;
  next: for (let at = 512; at + 128 <= bytes.length; at += 128) {
    if ((bytes[at + 64]! | (bytes[at + 65]! << 8)) !== length) continue;
    for (let i = 0; i < name.length; i++) {
      const code = name.charCodeAt(i);
      if (bytes[at + 2 * i] !== (code & 0xff) || bytes[at + 2 * i + 1] !== code >> 8) continue next;
    }
    return true;
  }
  return false;
}

function cfbKind(bytes: Uint8Array): FileKind {
  if (cfbHasEntry(bytes, "EncryptedPackage")) return { kind: "encrypted" };
  if (cfbHasEntry(bytes, "WordDocument")) return { kind: "legacy-word" };
  if (cfbHasEntry(bytes, "PowerPoint Document")) return { kind: "legacy-powerpoint" };
  return { kind: "legacy-spreadsheet" };
}

/** Text unless the first 8 KB hold a NUL or more than 1 % other control bytes; UTF-16 text is recognised by its byte-order mark. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control * 100 <= head.length;
}

const WORKBOOK_CONTENT_TYPES: Record<string, WorkbookFormat | "xlam"> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.ms-excel.sheet.macroenabled.main+xml": "xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
  "application/vnd.ms-excel.template.macroenabled.main+xml": "xltm",
  "application/vnd.ms-excel.addin.macroenabled.main+xml": "xlam",
};

/** The content type [Content_Types].xml declares for a part, lower-cased, or undefined. */
function overrideContentType(contentTypes: string, part: string): string | undefined {
  for (const [tag] of contentTypes.matchAll(/<Override\b[^>]*>/g)) {
    const name = /\bPartName\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
    if (name?.toLowerCase() === part) return /\bContentType\s*=\s*["']([^"']*)["']/.exec(tag)?.[1]?.toLowerCase();
  }
  return undefined;
}

async function zipKind(bytes: Uint8Array): Promise<FileKind> {
  let zip: ZipReader;
  try {
    zip = new ZipReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return { kind: "damaged" };
  }
  const names = new Set<string>();
  for (const entry of zip.entries) if (!entry.isDirectory) names.add(entry.name.replace(/^\//, "").toLowerCase());
  if (names.has("xl/workbook.xml")) {
    const typesEntry = zip.get("[Content_Types].xml");
    let format: WorkbookFormat | "xlam" = "xlsx";
    if (typesEntry !== undefined) {
      let types: string;
      try {
        types = readText(zip, typesEntry);
      } catch {
        return { kind: "damaged" };
      }
      // An unknown or missing declaration is left for the reader to judge.
      format = WORKBOOK_CONTENT_TYPES[overrideContentType(types, "/xl/workbook.xml") ?? ""] ?? "xlsx";
    }
    return format === "xlam" ? { kind: "xlam" } : { kind: "workbook", format };
  }
  if (names.has("xl/workbook.bin")) return { kind: "xlsb" };
  if (names.has("word/document.xml")) return { kind: "docx" };
  if (names.has("ppt/presentation.xml")) return { kind: "pptx" };
  const spreadsheets = [...names].filter((n) => !n.startsWith("__macosx/") && /\.(xlsx|xlsm|xls|et|csv)$/.test(n)).length;
  return { kind: "zip", spreadsheets };
}

/** What the bytes are. Never throws. */
export async function sniffFileKind(bytes: Uint8Array): Promise<FileKind> {
  if (bytes.length === 0) return { kind: "empty" };
  if (startsWith(bytes, CFB_MAGIC)) return cfbKind(bytes);
  if (isZip(bytes)) return zipKind(bytes);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: "pdf" }; // %PDF-
  if (looksLikeText(bytes)) return { kind: "text" };
  return { kind: "unknown" };
}

const PICK_XLSX = "请选择调度表的 .xlsx 文件。";
const SAVE_AS_XLSX = "请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再试。";

/** The message for a file that starts like a ZIP but cannot be read as a workbook (also when a part of it cannot be read). */
export function damagedMessage(file: string): string {
  return `无法打开 ${file}：不是有效的 .xlsx 工作簿，文件已损坏或不完整（可能没有下载或复制完整）；请重新获取该文件，或在 Excel 中打开修复后另存为 .xlsx。`;
}

/**
 * One Chinese line naming the file and what it is, or undefined when it is a
 * workbook this tool reads.
 */
export function fileKindProblem(kind: FileKind, file: string): string | undefined {
  const ext = /\.(xlsx|xlsm|xltx|xltm)$/i.exec(file)?.[0].toLowerCase();
  // Said when the name promises a workbook the content is not.
  const renamed = ext === undefined ? "" : `，只是扩展名为 ${ext}`;
  switch (kind.kind) {
    case "workbook":
      return undefined;
    case "empty":
      return `${file} 是空文件（0 字节），不是 Excel 工作簿：文件可能没有保存或下载完整，请重新获取该文件。`;
    case "text":
      return `只支持 .xlsx 文件（Excel 工作簿）：${file} 是文本文件（如 CSV、TXT 或网页导出的表格）${renamed}；${SAVE_AS_XLSX}`;
    case "pdf":
      return `${file} 是 PDF 文件${renamed}，不是 Excel 工作簿：${PICK_XLSX}`;
    case "encrypted":
      return `${file} 设有打开密码（已加密），无法读取：请在 Excel 中打开，点“文件→信息→保护工作簿→用密码进行加密”，清空密码并保存后再试（WPS：文件→文档加密→密码加密）。`;
    case "legacy-spreadsheet":
      return `${file} 是旧版 Excel（.xls）或 WPS 表格（.et）格式${renamed}，本工具只支持 .xlsx：${SAVE_AS_XLSX}`;
    case "legacy-word":
      return `${file} 是旧版 Word 文档（.doc）${renamed}，不是 Excel 工作簿：${PICK_XLSX}`;
    case "legacy-powerpoint":
      return `${file} 是旧版演示文稿（.ppt）${renamed}，不是 Excel 工作簿：${PICK_XLSX}`;
    case "damaged":
      return damagedMessage(file);
    case "xlsb":
      return `${file} 是 Excel 二进制工作簿（.xlsb）${renamed}，本工具只支持 .xlsx：请在 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”后再试。`;
    case "xlam":
      return `${file} 是 Excel 加载项（.xlam）${renamed}，不是工作簿：${PICK_XLSX}`;
    case "docx":
      return `${file} 是 Word 文档${renamed}，不是 Excel 工作簿：${PICK_XLSX}`;
    case "pptx":
      return `${file} 是演示文稿（.pptx）${renamed}，不是 Excel 工作簿：${PICK_XLSX}`;
    case "zip":
      return kind.spreadsheets > 0
        ? `${file} 是压缩包（.zip）${renamed}，里面有 ${kind.spreadsheets} 个表格文件：请先解压，再选择其中的调度表。`
        : `${file} 是压缩包（.zip）${renamed}，不是 Excel 工作簿：${PICK_XLSX}`;
    case "unknown":
      return `${file} 不是 Excel 工作簿，也不是能识别的表格文件：${PICK_XLSX}`;
  }
}
