/**
 * The workbook-file host (the command line): reads a `.xlsx`/`.xlsm` package
 * as a stream into the core's grid and writes a copy that differs from it
 * only by the core's plans (see write.ts).
 */
export { checkOutput, checkOutputFormat, loadWorkbook, openWorkbook, outputExtension, outputProblem, readWorkbookGrid, saveWorkbook, statOrUndefined, writeWorkbook, type LoadedWorkbook } from "./files";
export { fileKindProblem, sniffFileKind, type FileKind, type WorkbookFormat } from "./file-kind";
export { runOnWorkbook, clearOnWorkbook, type WorkbookRun } from "./run";
export type { PackageEdits } from "./write";
