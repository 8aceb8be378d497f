/**
 * Loading and saving workbook files. Every way a file can fail, on the way in
 * or out, becomes an InputError: one Chinese line that names the file and
 * says what it is or why it cannot be written. Nothing is written on failure.
 */
import { constants, type Stats } from "node:fs";
import { access, mkdir, open, readFile, rename, rm, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { InputError, type WorkbookGrid } from "../../core";
import { damagedMessage, fileKindProblem, sniffFileKind, type WorkbookFormat } from "./file-kind";
import { openPackage, PackageError, type WorkbookPackage } from "./package";
import { readPackage, type PackageRead } from "./read-grid";
import { writePackage, type PackageEdits } from "./write";
import { XmlError } from "./xml";
import { memorySink, ZipError, type ZipSink } from "./zip";

/** A workbook as the command line holds it: the package (its bytes in memory, compressed) and what was read of it. */
export interface LoadedWorkbook {
  readonly pkg: WorkbookPackage;
  readonly read: PackageRead;
}

/**
 * Opens and reads a workbook from its bytes: the grid of every worksheet,
 * and every other part checked (inflated, its CRC compared) so that a
 * damaged file is refused before anything is written. `file` names it in
 * the message.
 */
export async function openWorkbook(bytes: Buffer, file: string): Promise<LoadedWorkbook> {
  try {
    const pkg = openPackage(bytes);
    const read = await readPackage(pkg);
    const streamed = new Set(read.sheets.map((s) => s.entry.part!.toLowerCase()));
    for (const entry of pkg.zip.entries) if (!entry.isDirectory && !streamed.has(entry.name.replace(/^\//, "").toLowerCase())) await pkg.zip.verify(entry);
    return { pkg, read };
  } catch (e) {
    // The package looked like a workbook but a part of it cannot be read.
    if (e instanceof ZipError || e instanceof XmlError || e instanceof PackageError) throw new InputError(damagedMessage(file));
    throw e;
  }
}

/**
 * Reads the input file: what it is (a workbook, or one Chinese line saying
 * what else), then the workbook. With `output`, checks first that its
 * extension suits the workbook (`.xlsm` for one with macros).
 */
export async function loadWorkbook(file: string, output?: string): Promise<LoadedWorkbook> {
  let bytes: Buffer;
  try {
    if ((await stat(file)).isDirectory()) throw new InputError(`${file} 是文件夹，不是文件：请给出调度表文件（.xlsx）的路径。`);
    bytes = await readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`找不到文件或无法读取：${file}`);
  }
  const kind = await sniffFileKind(bytes);
  const problem = fileKindProblem(kind, file);
  if (problem !== undefined) throw new InputError(problem);
  if (output !== undefined && kind.kind === "workbook") checkOutputFormat(file, output, kind.format);
  return openWorkbook(bytes, file);
}

/** Whether a workbook of this format keeps macros (and so is written as `.xlsm`). */
export const hasMacros = (format: WorkbookFormat) => format === "xlsm" || format === "xltm";

/** The output's extension for an input: `.xlsm` for a macro-enabled workbook (named so), else `.xlsx`. */
export const outputExtension = (input: string) => (/\.(xlsm|xltm)$/i.test(input) ? ".xlsm" : ".xlsx");

const withExtension = (file: string, ext: string) => (/\.[^.]*$/.test(path.basename(file)) ? file.replace(/\.[^.]*$/, ext) : `${file}${ext}`);

/**
 * The copy keeps the input's kind: a workbook with macros is written as
 * `.xlsm` (macros and all), any other as `.xlsx`; a template is written as
 * a workbook. Excel refuses a file whose extension does not match its kind.
 */
export function checkOutputFormat(input: string, output: string, format: WorkbookFormat): void {
  const macros = hasMacros(format);
  const ext = path.extname(output).toLowerCase();
  if (macros && ext !== ".xlsm") {
    throw new InputError(`输出文件必须是 .xlsm 文件：${input} 是启用宏的工作簿，输出的副本保留其中的宏；请改为 ${withExtension(output, ".xlsm")}。`);
  }
  if (!macros && ext !== ".xlsx") {
    throw new InputError(`输出文件必须是 .xlsx 文件：${input} 不含宏，输出的副本是普通工作簿；请改为 ${withExtension(output, ".xlsx")}。`);
  }
}

const sameFileMessage = (input: string) => `输出文件不能与输入文件相同（${input}）：本工具从不修改输入文件。`;
const folderMessage = (output: string) => `输出位置 ${output} 是文件夹：请给出要写入的 .xlsx 文件名，如 ${path.join(output, "督查通报.xlsx")}。`;

/** Why a file system error stopped writing `output`, in Chinese; undefined for errors that are not about the file system. */
export function outputProblem(e: unknown, output: string): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  const where = `无法写入 ${output}：`;
  switch (code) {
    case "EACCES":
      return `${where}没有写入该文件夹的权限；请换一个文件夹，或检查文件夹权限。`;
    case "EPERM":
    case "EBUSY":
      return `${where}文件正被其他程序（如 Excel 或 WPS）打开，或没有写入权限；请先关闭该文件，或换一个文件名。`;
    case "EROFS":
      return `${where}所在磁盘或文件夹是只读的；请换一个可写的文件夹。`;
    case "ENOSPC":
    case "EDQUOT":
      return `${where}磁盘空间不足；请清理磁盘或换一个位置。`;
    case "ENAMETOOLONG":
      return `${where}文件名或路径太长；请换一个短一些的文件名或文件夹。`;
    case "EISDIR":
      return folderMessage(output);
    case "ENOTDIR":
    case "EEXIST":
      return `${where}路径中有一段是文件而不是文件夹；请检查输出路径。`;
    case "ENOENT":
      return `${where}找不到所在的文件夹，也无法创建；请检查输出路径。`;
    default:
      return typeof code === "string" && /^E[A-Z]+$/.test(code) ? `${where}系统拒绝写入；请换一个文件夹或文件名再试。` : undefined;
  }
}

/** Undefined when nothing is there, also when a parent is a file. */
export async function statOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await stat(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw e;
  }
}

/**
 * Refuses, before any work, an output that cannot be written: the input
 * itself (also through another spelling, a link or a case-insensitive file
 * system), a folder, not `.xlsx`, a path through a file, or a folder without
 * write permission. Creates nothing.
 */
export async function checkOutput(input: string, output: string): Promise<void> {
  if (path.resolve(output) === path.resolve(input)) throw new InputError(sameFileMessage(input));
  try {
    const target = await statOrUndefined(output);
    if (target?.isDirectory()) throw new InputError(folderMessage(output));
    if (!/\.(xlsx|xlsm)$/i.test(output)) {
      const ext = outputExtension(input);
      throw new InputError(`输出文件必须是 ${ext} 文件：${output}；本工具写出的是 Excel 工作簿，请改为 ${withExtension(output, ext)}。`);
    }
    const source = await statOrUndefined(input);
    if (target && source && target.dev === source.dev && target.ino === source.ino) throw new InputError(sameFileMessage(input));
    // The nearest folder that exists must be a folder we may write into.
    let dir = path.dirname(path.resolve(output));
    for (;;) {
      const found = await statOrUndefined(dir);
      if (found) {
        if (!found.isDirectory()) throw new InputError(`无法写入 ${output}：${dir} 是文件，不是文件夹；请检查输出路径。`);
        await access(dir, constants.W_OK);
        return;
      }
      const parent = path.dirname(dir);
      if (parent === dir) return;
      dir = parent;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const problem = outputProblem(e, output);
    if (problem === undefined) throw e;
    throw new InputError(problem);
  }
}

/** Collects small writes into large ones. */
function bufferedSink(write: (chunk: Buffer) => Promise<unknown>, size = 1024 * 1024): ZipSink & { flush(): Promise<void> } {
  let chunks: Buffer[] = [];
  let length = 0;
  const flush = async () => {
    if (length === 0) return;
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
    chunks = [];
    length = 0;
    await write(all);
  };
  return {
    async write(chunk) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= size) await flush();
    },
    flush,
  };
}

/** The output package in memory (tests). */
export async function writeWorkbook(book: LoadedWorkbook, edits: PackageEdits): Promise<Buffer> {
  const sink = memorySink();
  await writePackage(book.pkg, edits, sink);
  return sink.bytes();
}

/**
 * Writes a file through `write` into a temporary file next to it, then
 * renames it, so a failed write never leaves half a file; on failure the
 * temporary file, and any folder this call created, are removed, and a file
 * system error becomes the one Chinese line that names `file`. The folders
 * on the way are created.
 */
export async function writeAtomically(file: string, write: (out: FileHandle) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  // Short and independent of the target's name, so a long file name cannot make only the temporary name too long.
  const temp = path.join(dir, `.supervision-notice-${process.pid}.tmp`);
  let created: string | undefined;
  try {
    created = await mkdir(dir, { recursive: true });
    const handle = await open(temp, "w");
    try {
      await write(handle);
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (e) {
    await rm(created ?? temp, { recursive: created !== undefined, force: true });
    const problem = outputProblem(e, file);
    if (problem === undefined) throw e;
    throw new InputError(problem);
  }
}

/** Writes the package with the edits to `file`, whole or not at all (see writeAtomically). */
export async function saveWorkbook(book: LoadedWorkbook, edits: PackageEdits, file: string): Promise<void> {
  await writeAtomically(file, async (out) => {
    const sink = bufferedSink((chunk) => out.write(chunk));
    await writePackage(book.pkg, edits, sink);
    await sink.flush();
  });
}

/** The grid of a workbook file or its bytes, as the command line reads it (tests, benchmark). */
export async function readWorkbookGrid(source: string | Buffer): Promise<WorkbookGrid> {
  const bytes = typeof source === "string" ? await readFile(source) : source;
  return (await openWorkbook(bytes, typeof source === "string" ? source : "workbook")).read.grid;
}
