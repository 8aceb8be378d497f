/** The strict Excel test double: model, proxies, `Excel.run` and `Office.context.requirements`. Browser-safe. */
export * from "./model";
export {
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
