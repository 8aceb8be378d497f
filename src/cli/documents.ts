/**
 * The command line's Word documents: `--docx FILE` writes the notice as a
 * .docx in GB/T 9704 layout, `--letters DIR` one 督办单 per lagging lead
 * department (`DIR/<部门>.docx`). Both come from the notice the run wrote
 * into the workbook. Paths are checked before any work; a file is written
 * to a temporary name and renamed, so a failed write leaves nothing half.
 */
import { constants } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import { InputError, type NoticeModel } from "../core";
import { letterDocx, letterFileName, noticeDocx } from "../documents";
import { outputProblem, statOrUndefined, writeAtomically } from "../hosts/xlsx-package/files";

export const DOCUMENT_OPTIONS = {
  docx: { type: "string" },
  letters: { type: "string" },
} as const;

export const DOCUMENT_USAGE = `  --docx FILE          同时写出 Word 版通报（.docx，GB/T 9704 公文版式）
  --letters DIR        为每个有未完成任务的牵头部门写出一份督办单（DIR/<部门>.docx）`;

export interface DocumentTargets {
  readonly docx?: string;
  readonly letters?: string;
}

export interface WrittenLetter {
  readonly department: string;
  readonly number: string;
  readonly file: string;
  /** Ids of the missed tasks it lists. */
  readonly tasks: readonly string[];
}

export interface WrittenDocuments {
  readonly docx?: string;
  readonly letters?: { readonly dir: string; readonly files: readonly WrittenLetter[] };
}

/** The nearest folder that exists at or above `target` must be a folder we may write into. */
async function assertWritableFrom(target: string, shown: string): Promise<void> {
  let dir = path.resolve(target);
  for (;;) {
    const found = await statOrUndefined(dir);
    if (found) {
      if (!found.isDirectory()) throw new InputError(`无法写入 ${shown}：${dir} 是文件，不是文件夹；请检查路径。`);
      await access(dir, constants.W_OK);
      return;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** File system errors of a check as the one Chinese line the command prints. */
async function checked(target: string, check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (e) {
    if (e instanceof InputError) throw e;
    const problem = outputProblem(e, target);
    if (problem === undefined) throw e;
    throw new InputError(problem);
  }
}

/**
 * Refuses, before any work, a --docx that is not a .docx, is the input or
 * the output workbook, a folder, or cannot be written; and a --letters that
 * is a file or lies where nothing can be written.
 */
export async function checkDocumentTargets(targets: DocumentTargets, input: string, output: string): Promise<void> {
  const { docx, letters } = targets;
  if (docx !== undefined) {
    if (!/\.docx$/i.test(docx)) throw new InputError(`--docx 应为 .docx 文件：${docx}；例如 ${docx.replace(/\.[^./\\]*$/, "")}.docx。`);
    if ([input, output].some((f) => path.resolve(f) === path.resolve(docx))) throw new InputError(`--docx 不能与输入或输出的工作簿相同：${docx}`);
    await checked(docx, async () => {
      if ((await statOrUndefined(docx))?.isDirectory()) throw new InputError(`--docx ${docx} 是文件夹：请给出要写入的 .docx 文件名。`);
      await assertWritableFrom(path.dirname(docx), docx);
    });
  }
  if (letters !== undefined) {
    await checked(letters, async () => {
      const found = await statOrUndefined(letters);
      if (found && !found.isDirectory()) throw new InputError(`--letters 应为文件夹，${letters} 是文件。`);
      await assertWritableFrom(letters, letters);
    });
  }
}

/** Writes a document's bytes, whole or not at all. */
const writeDocument = (file: string, bytes: Uint8Array) => writeAtomically(file, (out) => out.writeFile(bytes));

/** Writes the documents asked for; says what was written. */
export async function writeDocuments(notice: NoticeModel, targets: DocumentTargets): Promise<WrittenDocuments> {
  let docx: string | undefined;
  if (targets.docx !== undefined) {
    await writeDocument(targets.docx, await noticeDocx(notice));
    docx = targets.docx;
  }
  let letters: WrittenDocuments["letters"];
  if (targets.letters !== undefined) {
    const files: WrittenLetter[] = [];
    for (const letter of notice.letters) {
      const file = path.join(targets.letters, letterFileName(letter));
      await writeDocument(file, await letterDocx(letter));
      files.push({ department: letter.department, number: letter.number, file, tasks: letter.taskIds });
    }
    letters = { dir: targets.letters, files };
  }
  return { ...(docx !== undefined ? { docx } : {}), ...(letters ? { letters } : {}) };
}

/** What was written, in the report's words (empty when nothing was asked for). */
export function documentReport(written: WrittenDocuments): string {
  const lines: string[] = [];
  if (written.docx !== undefined) lines.push(`Word 版通报：${written.docx}`);
  if (written.letters) {
    const { dir, files } = written.letters;
    lines.push(
      files.length === 0
        ? `督办单：没有未完成季度目标的任务，未写出督办单（${dir}）`
        : `督办单：${files.length} 份（${files.map((f) => f.department).join("、")}），写入 ${dir}`,
    );
  }
  return lines.map((l) => l + "\n").join("");
}
