/** The ExcelJS host: `.xlsx` files for the command line, the tests and the samples. */
export { workbookToGrid, sheetToGrid, toCellValue } from "./read-grid";
export { applyNoticeSheet, applyHighlight, clearHighlight, carriesMarker } from "./apply-plans";
export { loadWorkbook, saveWorkbook } from "./files";
export { runOnWorkbook, clearOnWorkbook, type WorkbookRun } from "./run";
