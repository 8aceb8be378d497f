/** Loading and saving `.xlsx` files, with Chinese messages that name the file. */
import { constants } from "node:fs";
import { access, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { InputError } from "../../core";

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  try {
    await access(file, constants.R_OK);
  } catch {
    throw new InputError(`找不到文件或无法读取：${file}`);
  }
  if (!/\.xlsx$/i.test(file)) {
    throw new InputError(`只支持 .xlsx 文件（Excel 工作簿）：${file}；.xls 或 .et 文件请先在 Excel/WPS 中另存为 .xlsx。`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new InputError(`无法打开 ${file}：不是有效的 .xlsx 工作簿（${reason}）。`);
  }
  return wb;
}

/** Writes next to the target and renames, so a failed write never leaves half a file. */
export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await wb.xlsx.writeFile(temp);
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
