/**
 * Loading and saving `.xlsx` files. Every way a file can fail, on the way in
 * or out, becomes an InputError: one Chinese line that names the file and
 * says what it is or why it cannot be written. Nothing is written on failure.
 */
import { constants, type Stats } from "node:fs";
import { access, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { InputError } from "../../core";
import { damagedMessage, fileKindProblem, sniffFileKind } from "./file-kind";

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let bytes: Buffer;
  try {
    if ((await stat(file)).isDirectory()) throw new InputError(`${file} 是文件夹，不是文件：请给出调度表文件（.xlsx）的路径。`);
    bytes = await readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`找不到文件或无法读取：${file}`);
  }
  const problem = fileKindProblem(await sniffFileKind(bytes), file);
  if (problem !== undefined) throw new InputError(problem);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its Buffer as an ArrayBuffer; it reads a Node Buffer.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    // The package looked like a workbook but a part of it could not be read; ExcelJS's English reason stays out of the message.
    throw new InputError(damagedMessage(file));
  }
  return wb;
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
async function statOrUndefined(file: string): Promise<Stats | undefined> {
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
    if (!/\.xlsx$/i.test(output)) {
      const suggestion = /\.[^.]*$/.test(path.basename(output)) ? output.replace(/\.[^.]*$/, ".xlsx") : `${output}.xlsx`;
      throw new InputError(`输出文件必须是 .xlsx 文件：${output}；本工具写出的是 Excel 工作簿，请改为 ${suggestion}。`);
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

/**
 * Writes a temporary file next to the target and renames it, so a failed
 * write never leaves half a file; on failure the temporary file, and any
 * folder this call created, are removed.
 */
export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  // A Node Buffer at run time, whatever ExcelJS's declaration says.
  const buffer = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  const dir = path.dirname(path.resolve(file));
  // Short and independent of the target's name, so a long file name cannot make only the temporary name too long.
  const temp = path.join(dir, `.supervision-notice-${process.pid}.tmp`);
  let created: string | undefined;
  try {
    created = await mkdir(dir, { recursive: true });
    await writeFile(temp, buffer);
    await rename(temp, file);
  } catch (e) {
    await rm(created ?? temp, { recursive: created !== undefined, force: true });
    const problem = outputProblem(e, file);
    if (problem === undefined) throw e;
    throw new InputError(problem);
  }
}
