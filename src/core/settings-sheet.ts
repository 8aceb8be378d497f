/**
 * The 通报设置 sheet: the office's settings as rows of `项目 | 内容` that a
 * person reads and edits in Excel, WPS or LibreOffice, and that the command
 * line, the task pane and the ribbon all read.
 *
 * - a setting by its name: `政府名称 | 淄川区人民政府` (see SETTING_DEFINITIONS);
 * - `调度表 | 三季度调度表`: the tracking sheet;
 * - `上季度调度表 | 二季度调度表`: the sheet holding the previous quarter (to compare with);
 * - a column correction: `列：完成状态 | G`;
 * - an extra status word: `状态：已销号 | 已完成`;
 * - a template of the notice: `措辞：开头 | …` with Chinese placeholders (`{季度}`);
 * - a light rule: `灯：黄 | 待确定、未完成未说明原因` (see LIGHT_RULES).
 * An empty value means the default. A value that does not parse is reported
 * at its cell and the default is used.
 */
import { FIELD_LABELS } from "./columns";
import { LIGHT_CONDITION_NAMES, LIGHT_RULES, LIGHT_WORDS, lightConditionOf, lightRuleText, type LightCondition, type LightRule } from "./departments";
import { cellAddress, cellAt, columnIndex, columnLetter, qualifiedAddress, type SheetGrid, type WorkbookGrid } from "./grid";
import { CATEGORY_LABELS } from "./labels";
import { fieldOf } from "./mapping";
import { WORDING, type Wording } from "./notice/wording";
import { WORDING_ROWS, allowedPlaceholders, parseTemplate, templateText, wordingRow } from "./notice/wording-rows";
import { SETTING_DEFINITIONS, type NoticeSettings, type SettingKey } from "./settings";
import { statusKey, cellText } from "./text";
import { CATEGORIES, type Category, type ColumnMapping, type Field, type Issue } from "./types";

export const SETTINGS_SHEET = "通报设置";
export const SETTINGS_HEADER = ["项目", "内容", "说明"] as const;
/** The row name of the tracking sheet's setting. */
export const TRACKING_SHEET_KEY = "调度表";
/** The row name of the previous quarter's sheet. */
export const PREVIOUS_SHEET_KEY = "上季度调度表";
export const COLUMN_PREFIX = "列：";
export const STATUS_PREFIX = "状态：";
export const WORDING_PREFIX = "措辞：";
export const LIGHT_PREFIX = "灯：";

/** Excel's last column is XFD. */
const LAST_COLUMN = 16_383;

export interface SheetSettings {
  readonly settings: Partial<NoticeSettings>;
  readonly trackingSheet?: string;
  /** The sheet of this workbook holding the previous quarter. */
  readonly previousSheet?: string;
  readonly mapping: ColumnMapping;
  /** statusKey(word) → category. */
  readonly statusWords: ReadonlyMap<string, Category>;
  readonly wording: Wording;
  /** The light rules: LIGHT_RULES with the sheet's `灯：` rows. */
  readonly lightRules: readonly LightRule[];
  readonly issues: readonly Issue[];
}

export const NO_SHEET_SETTINGS: SheetSettings = { settings: {}, mapping: {}, statusWords: new Map(), wording: WORDING, lightRules: LIGHT_RULES, issues: [] };

const CONDITION_LIST = Object.values(LIGHT_CONDITION_NAMES).join("、");
const LIGHT_KEYS = LIGHT_RULES.map((r) => LIGHT_PREFIX + LIGHT_WORDS[r.light]);

function categoryOf(text: string): Category | null {
  const t = text.trim();
  const byLabel = CATEGORIES.find((c) => CATEGORY_LABELS[c] === t);
  return byLabel ?? ((CATEGORIES as readonly string[]).includes(t) ? (t as Category) : null);
}

/** Reads the 通报设置 sheet of a workbook; the defaults where there is none. */
export function readSettingsSheet(workbook: WorkbookGrid): SheetSettings {
  const sheet = workbook.sheets.find((s) => s.name === SETTINGS_SHEET);
  return sheet ? parseSettingsSheet(sheet) : NO_SHEET_SETTINGS;
}

export function parseSettingsSheet(sheet: SheetGrid): SheetSettings {
  const settings: Partial<Record<SettingKey, unknown>> = {};
  const mapping: Partial<Record<Field, number>> = {};
  const statusWords = new Map<string, Category>();
  let wording: Wording = WORDING;
  let trackingSheet: string | undefined;
  let previousSheet: string | undefined;
  const lightWhen = new Map<LightRule["light"], readonly LightCondition[]>();
  const issues: Issue[] = [];
  const problem = (row: number, message: string, english: string) =>
    issues.push({ code: "bad-setting", severity: "warning", cell: qualifiedAddress(sheet.name, cellAddress(row, 1)), sheet: sheet.name, row, col: 1, message, english });

  for (let r = 0; r < sheet.values.length; r++) {
    const key = cellText(cellAt(sheet, r, 0)).replace(/\s+/g, "").replace(/:/g, "：");
    const value = cellText(cellAt(sheet, r, 1));
    if (key === "" || (r === 0 && key === SETTINGS_HEADER[0])) continue;
    const definition = SETTING_DEFINITIONS.find((d) => d.name === key);
    if (definition) {
      if (value === "") continue;
      const parsed = definition.parse(value);
      if (parsed.ok) settings[definition.key] = parsed.value;
      else problem(r, `“${key}”的值“${value}”无法识别：${parsed.problem}；已使用默认值。`, `“${key}” (${definition.english}): “${value}” is not a valid value; the default is used.`);
    } else if (key === TRACKING_SHEET_KEY) {
      if (value !== "") trackingSheet = value;
    } else if (key === PREVIOUS_SHEET_KEY) {
      if (value !== "") previousSheet = value;
    } else if (key.startsWith(LIGHT_PREFIX)) {
      const rule = LIGHT_RULES.find((r) => LIGHT_PREFIX + LIGHT_WORDS[r.light] === key);
      if (!rule) {
        problem(r, `“${key}”不是可设置的灯；可用：${LIGHT_KEYS.join("、")}。`, `“${key}” is no light that can be set; use ${LIGHT_KEYS.join(", ")}.`);
        continue;
      }
      const names = value.split(/[、，,；;\s]+/).filter((n) => n !== "");
      if (names.length === 0) continue;
      const unknown = names.filter((n) => lightConditionOf(n) === null);
      if (unknown.length > 0) {
        problem(
          r,
          `“${key}”中的情况“${unknown.join("、")}”无法识别：可用${CONDITION_LIST}；已使用默认规则（${lightRuleText(rule)}）。`,
          `“${key}”: “${unknown.join("、")}” is no condition (use ${CONDITION_LIST}); the default rule is used.`,
        );
      }
      else lightWhen.set(rule.light, [...new Set(names.map((n) => lightConditionOf(n)!))]);
    } else if (key.startsWith(COLUMN_PREFIX)) {
      const field = fieldOf(key.slice(COLUMN_PREFIX.length));
      if (field === null) {
        problem(r, `“${key}”中的字段无法识别；可用：${Object.values(FIELD_LABELS).join("、")}。`, `“${key}”: no such field; see the 列： rows of a new settings sheet.`);
        continue;
      }
      if (value === "") continue;
      const col = columnIndex(value);
      if (col < 0 || col > LAST_COLUMN) problem(r, `“${key}”的列“${value}”不是有效的列字母（A到XFD）；已按自动识别。`, `“${key}”: “${value}” is not a column letter (A to XFD); the column is found automatically.`);
      else mapping[field] = col;
    } else if (key.startsWith(STATUS_PREFIX)) {
      const word = key.slice(STATUS_PREFIX.length);
      const category = categoryOf(value);
      if (word === "" || value === "") continue;
      if (category === null) {
        problem(
          r,
          `状态用语“${word}”对应的类别“${value}”无法识别：应为${CATEGORIES.map((c) => CATEGORY_LABELS[c]).join("、")}之一。`,
          `Status word “${word}”: “${value}” is not a category; use one of ${CATEGORIES.map((c) => `“${CATEGORY_LABELS[c]}”`).join(", ")}.`,
        );
      }
      else statusWords.set(statusKey(word), category);
    } else if (key.startsWith(WORDING_PREFIX)) {
      const row = wordingRow(key.slice(WORDING_PREFIX.length));
      if (!row) {
        problem(r, `“${key}”不是可修改的措辞；可用：${WORDING_ROWS.map((w) => WORDING_PREFIX + w.name).join("、")}。`, `“${key}” is no template of the notice; see the 措辞： rows of a new settings sheet.`);
        continue;
      }
      const parsed = parseTemplate(row, value);
      if (parsed.unknown !== null) {
        problem(
          r,
          `“${key}”中的占位符${parsed.unknown}不能在此使用；可用：${allowedPlaceholders(row).join("")}；已使用默认措辞。`,
          `“${key}”: placeholder ${parsed.unknown} cannot be used here (use ${allowedPlaceholders(row).join("")}); the built-in wording is used.`,
        );
      }
      else if (parsed.value !== null) wording = row.set(wording, parsed.value);
    } else {
      problem(r, `不认识的设置项“${key}”，已忽略。`, `Unknown setting “${key}”, ignored.`);
    }
  }
  const lightRules = lightWhen.size === 0 ? LIGHT_RULES : LIGHT_RULES.map((rule) => ({ ...rule, when: lightWhen.get(rule.light) ?? rule.when }));
  return {
    settings: settings as Partial<NoticeSettings>,
    trackingSheet,
    ...(previousSheet !== undefined ? { previousSheet } : {}),
    mapping,
    statusWords,
    wording,
    lightRules,
    issues,
  };
}

/** The values the pane saves: settings, the tracking sheet, the previous quarter's sheet, column corrections. */
export interface SettingsValues {
  readonly settings: Partial<NoticeSettings>;
  readonly trackingSheet?: string;
  readonly previousSheet?: string;
  readonly mapping?: ColumnMapping;
}

/** One cell to write into the settings sheet (0-based), always as text. */
export interface SettingsCell {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** The rows of a new settings sheet: every key with its value (or empty), and a note of what it takes. */
function templateRows(values: SettingsValues): string[][] {
  const rows: string[][] = [[...SETTINGS_HEADER]];
  for (const d of SETTING_DEFINITIONS) {
    const v = values.settings[d.key];
    rows.push([d.name, v === undefined || v === null ? "" : (d.format as (x: unknown) => string)(v), `${d.expects}；留空为默认`]);
  }
  rows.push([TRACKING_SHEET_KEY, values.trackingSheet ?? "", "调度表所在工作表的名称；留空则自动查找"]);
  rows.push([PREVIOUS_SHEET_KEY, values.previousSheet ?? "", "上季度调度表所在工作表的名称，用于与上季度比较；留空则自动查找"]);
  for (const field of Object.keys(FIELD_LABELS) as Field[]) {
    const col = values.mapping?.[field];
    rows.push([COLUMN_PREFIX + FIELD_LABELS[field], col === undefined ? "" : columnLetter(col), "该字段所在列的字母；留空则自动识别"]);
  }
  rows.push([`${STATUS_PREFIX}已销号`, "", `状态用语及其类别（${CATEGORIES.map((c) => CATEGORY_LABELS[c]).join("/")}）；可增加多行`]);
  for (const rule of LIGHT_RULES) {
    rows.push([LIGHT_PREFIX + LIGHT_WORDS[rule.light], lightRuleText(rule), `部门有下列情况之一即亮${LIGHT_WORDS[rule.light]}灯（依次判断，都没有为绿灯）；可用：${CONDITION_LIST}，以顿号分隔`]);
  }
  for (const row of WORDING_ROWS) rows.push([WORDING_PREFIX + row.name, "", `默认：${templateText(row)}；可用占位符：${allowedPlaceholders(row).join("")}`]);
  return rows;
}

/**
 * The cells to write so that the sheet holds these values: the whole sheet
 * when there is none yet; else only the value cells whose text changes, and
 * new rows at the end for keys it lacks. Rows a person added stay as they are.
 */
export function settingsSheetEdits(sheet: SheetGrid | null, values: SettingsValues): { readonly create: boolean; readonly cells: readonly SettingsCell[] } {
  const wanted = templateRows(values);
  if (!sheet) return { create: true, cells: wanted.flatMap((cells, row) => cells.map((text, col) => ({ row, col, text }))) };
  const rowOf = new Map<string, number>();
  for (let r = 0; r < sheet.values.length; r++) {
    const key = cellText(cellAt(sheet, r, 0)).replace(/\s+/g, "");
    if (key !== "" && !rowOf.has(key)) rowOf.set(key, r);
  }
  const cells: SettingsCell[] = [];
  let next = sheet.values.length;
  // Only what the pane sets: settings, the two sheets and column corrections (not statuses, lights or wording).
  const paneSets = ([k]: string[]) => ![STATUS_PREFIX, LIGHT_PREFIX, WORDING_PREFIX].some((prefix) => k!.startsWith(prefix));
  for (const [key, value] of wanted.slice(1).filter(paneSets)) {
    const row = rowOf.get(key!);
    if (row === undefined) {
      if (value === "") continue;
      cells.push({ row: next, col: 0, text: key! }, { row: next, col: 1, text: value! });
      next++;
    } else if (cellText(cellAt(sheet, row, 1)) !== value) {
      cells.push({ row, col: 1, text: value! });
    }
  }
  return { create: false, cells };
}
