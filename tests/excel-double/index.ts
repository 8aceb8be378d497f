/**
 * The strict Excel test double: model, proxies, `Excel.run` and
 * `Office.context.requirements`. Browser-safe (no Node imports); the .xlsx
 * conversion is in ./xlsx.ts and the sample helpers in ./samples.ts (Node only).
 *
 * In a page or a test:
 *
 *   const excel = new ExcelDouble(model, { apiVersion: "1.17" }); // model: WorkbookModel (plain JSON)
 *   excel.install();                    // globalThis.Office and globalThis.Excel
 *   await Excel.run(async (context) => { ... });
 *   excel.model                         // the workbook after the run
 *   excel.contexts[0].syncs             // operations, request and response bytes per sync
 */
export * from "./model";
export {
  ClientResultDouble,
  ExcelDouble,
  OfficeErrorDouble,
  RequestContextDouble,
  jsonBytes,
  parseEntry,
  splitAreas,
  type DoubleOptions,
  type SyncRecord,
  type OfficeGlobalDouble,
  type ExcelGlobalDouble,
} from "./double";
