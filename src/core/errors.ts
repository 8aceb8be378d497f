/**
 * The input cannot be used (no such sheet, no tracking table, a file that is
 * not a workbook). The message is Chinese, one line, and names the sheet,
 * cell or file; hosts show it as is and write nothing.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** The notice sheet's name is held by a sheet this tool did not write. */
export function sheetNameTaken(name: string): InputError {
  return new InputError(`工作簿中已有名为“${name}”的工作表，且不是本工具生成的；请先将其改名，再生成通报。`);
}
