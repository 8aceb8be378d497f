/** Which requirement sets the running Excel supports, and what the add-in does without them. */

export interface ExcelFeatures {
  /** ExcelApi 1.6: conditional formats (the highlights). */
  conditionalFormats: boolean;
  /** ExcelApi 1.9: worksheet page layout, multi-area ranges, indent levels. */
  pageLayout: boolean;
  /** ExcelApi 1.13: reading merged areas. */
  mergedAreas: boolean;
  /** ExcelApi 1.4: workbook settings and the `*OrNullObject` accessors. */
  settings: boolean;
  /** ExcelApi 1.8: hiding a sheet's gridlines. */
  showGridlines: boolean;
}

interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

function requirements(): Requirements | null {
  const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
  return office?.context?.requirements ?? null;
}

/** Asks Office which ExcelApi sets are there; everything is off when Office (or its context) is missing. */
export function detectFeatures(): ExcelFeatures {
  const req = requirements();
  const has = (version: string): boolean => {
    if (!req) return false;
    try {
      return req.isSetSupported("ExcelApi", version) === true;
    } catch {
      return false;
    }
  };
  return {
    conditionalFormats: has("1.6"),
    pageLayout: has("1.9"),
    mergedAreas: has("1.13"),
    settings: has("1.4"),
    showGridlines: has("1.8"),
  };
}

/** One Chinese line per thing this Excel cannot do, for the task pane to show. Empty when all is there. */
export function featureNotes(features: ExcelFeatures): string[] {
  const notes: string[] = [];
  if (!features.conditionalFormats) notes.push("当前 Excel 版本不支持条件格式（需要 ExcelApi 1.6，Excel 2019 或更新版本），不会标记未完成任务。");
  if (!features.mergedAreas) notes.push("当前 Excel 版本无法读取合并单元格（需要 ExcelApi 1.13，Excel 2021 或更新版本），合并单元格只按左上角单元格读取，可能影响表头和序号识别。");
  if (!features.pageLayout) notes.push("当前 Excel 版本不支持设置页面布局（需要 ExcelApi 1.9），通报工作表的纸张、页边距和页码需在“页面布局”中手动设置。");
  if (!features.settings) notes.push("当前 Excel 版本不支持在工作簿中保存设置（需要 ExcelApi 1.4）。");
  return notes;
}
