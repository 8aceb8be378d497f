/** The ExcelJS host: `.xlsx` files for the command line, the tests and the samples. */
export { workbookToGrid, sheetToGrid, toCellValue } from "./read-grid";
export { applyNoticeSheet, applyHighlight, clearHighlight, carriesMarker } from "./apply-plans";
export { checkOutput, loadWorkbook, outputProblem, saveWorkbook } from "./files";
export { fileKindProblem, sniffFileKind, type FileKind, type WorkbookFormat } from "./file-kind";
export { runOnWorkbook, clearOnWorkbook, type WorkbookRun } from "./run";
