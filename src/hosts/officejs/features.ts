/**
 * Which requirement sets the running Excel supports. manifest.xml asks for
 * ExcelApi 1.6, so Office loads the add-in only where 1.6 is there and the
 * host never branches on anything older; `supported` lets the pane and the
 * ribbon say so in a sideloaded or misconfigured Excel. Newer sets add what
 * the notice sheet gets.
 */
import { pickLocale, type Locale } from "../../core";

export interface ExcelFeatures {
  /** ExcelApi 1.6, what the manifest demands: without it nothing runs. */
  supported: boolean;
  /** ExcelApi 1.7: charts whose categories come from cells of their own (the department sheet's chart), reversed category axes. */
  charts: boolean;
  /** ExcelApi 1.8: hiding a sheet's gridlines; a chart axis' number format and where the other axis crosses it. */
  showGridlines: boolean;
  /** ExcelApi 1.9: worksheet page layout, multi-area ranges, indent levels, column properties. */
  pageLayout: boolean;
  /** ExcelApi 1.13: reading merged areas. */
  mergedAreas: boolean;
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
  return { supported: has("1.6"), charts: has("1.7"), showGridlines: has("1.8"), pageLayout: has("1.9"), mergedAreas: has("1.13") };
}

/** Office's display language, or null outside Office. */
export function officeDisplayLanguage(): string | null {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
    const lang = office?.context?.displayLanguage;
    return typeof lang === "string" ? lang : null;
  } catch {
    return null;
  }
}

/** The locale of Office's display language (Chinese when Office does not say). */
export function officeLocale(): Locale {
  return pickLocale(officeDisplayLanguage());
}

/** One line per thing this Excel cannot do, for the task pane to show. Empty when all is there. */
export function featureNotes(features: ExcelFeatures, locale: Locale = "zh-CN"): string[] {
  const notes: string[] = [];
  if (!features.supported) return notes;
  const en = locale === "en-US";
  if (!features.mergedAreas) {
    notes.push(
      en
        ? "This Excel cannot read merged cells (ExcelApi 1.13, Excel 2021 or later): merged cells are read by their top-left cell, which may affect the header and the task numbers."
        : "当前Excel版本无法读取合并单元格（需要ExcelApi 1.13，Excel 2021或更新版本），合并单元格只按左上角单元格读取，可能影响表头和序号识别。",
    );
  }
  if (!features.charts) {
    notes.push(
      en
        ? "This Excel cannot draw the department sheet's chart (ExcelApi 1.7, Excel 2019 or later): the sheet is written without it."
        : "当前Excel版本无法绘制部门情况表的图表（需要ExcelApi 1.7，Excel 2019或更新版本），部门情况表不含图表。",
    );
  } else if (!features.showGridlines) {
    notes.push(
      en
        ? "This Excel cannot format chart axes (ExcelApi 1.8): the department chart's value axis shows plain numbers and sits at the top."
        : "当前Excel版本无法设置图表坐标轴格式（需要ExcelApi 1.8），部门图表的数值轴按常规格式显示在图表上方。",
    );
  }
  if (!features.pageLayout) {
    notes.push(
      en
        ? "This Excel cannot set up pages (ExcelApi 1.9): set the notice sheet's paper, margins and page numbers under Page Layout."
        : "当前Excel版本不支持设置页面布局（需要ExcelApi 1.9），通报工作表的纸张、页边距和页码需在“页面布局”中手动设置。",
    );
  }
  return notes;
}
