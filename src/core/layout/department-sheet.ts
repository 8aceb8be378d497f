/**
 * The department sheet (`三季度部门情况`): the department view as a
 * print-ready table on A4 — rank, lead department, its counts, the share
 * completed or on track, the light as a coloured cell with its word (so it
 * reads in black and white too), and the change of missed tasks when there
 * is a previous quarter — under a bar chart of the shares, rank 1 at the
 * top. The chart stands first, on the first page, so no page break cuts it.
 *
 * Department names are written as text; the core's numbers (rank, counts,
 * share, change) as numbers, so the chart can plot the share and a person
 * can sum or sort the counts.
 */
import { LIGHT_CONDITION_NAMES, LIGHT_WORDS, type LightRule } from "../departments";
import type { CellRange } from "../grid";
import { CATEGORY_LABELS } from "../labels";
import { quarterName } from "../notice/model";
import type { CellBlock, CellStyle, ChartPlan, NumberBlock, PageSetup, SheetPlan } from "../plan";
import type { Analysis } from "../pipeline";
import { CATEGORIES, type DepartmentRow, type Light } from "../types";
import { columnWidthForPixels } from "./notice-sheet";
import { textWidth } from "./text-measure";

/** The tag in the hidden marker cell of every department sheet this tool writes. */
export const DEPARTMENT_MARKER = "supervision-notice:department-sheet";

/** The share's column header and the chart's series name. */
export const SHARE_LABEL = "完成及序时推进占比";

/** Fills of the light cells; the word 红/黄/绿 stands in the cell too. */
export const LIGHT_FILLS: Readonly<Record<Light, string>> = { red: "#FF5B5B", yellow: "#FFD966", green: "#70C16B" };

const BAR_COLOR = "#4472C4";
const TITLE_FONT = { name: "方正小标宋简体", size: 16 };
const HEADER_FONT = { name: "黑体", size: 10 };
const BODY_FONT = { name: "宋体", size: 11 };
/** Excel's pixels per point. */
const PX_PER_PT = 4 / 3;

const TITLE_HEIGHT = 36;
const HEADER_HEIGHT = 44;
/** A table row of one line; a wrapped name adds LINE_HEIGHT a line. */
const ROW_HEIGHT = 20;
const LINE_HEIGHT = 14;
/** The chart's rows: each as tall as a table row. */
const CHART_ROW_HEIGHT = 20;
/** The empty row between the chart and the table. */
const SPACER_HEIGHT = 12;
/** The chart's room for its title and value axis, and for each department's bar. */
const CHART_FRAME_PT = 80;
const CHART_BAR_PT = 18;

const NAME_COLUMN_MIN = 12;
const NAME_COLUMN_MAX = 30;

/** A cell of the table: thin lines all round, so it prints as a ruled table. */
const cellStyle = (font: CellStyle["font"], horizontal: CellStyle["horizontal"], extra: Partial<CellStyle> = {}): CellStyle => ({
  font,
  horizontal,
  vertical: "center",
  wrap: false,
  border: "thin",
  ...extra,
});

const TITLE: CellStyle = { font: TITLE_FONT, horizontal: "center", vertical: "center", wrap: false };
const HEADER = cellStyle(HEADER_FONT, "center", { wrap: true, fill: "#F2F2F2" });
const CENTERED = cellStyle(BODY_FONT, "center");
const NAME = cellStyle(BODY_FONT, "left", { wrap: true });
const NOTE: CellStyle = { font: { ...BODY_FONT, size: 10 }, horizontal: "left", vertical: "top", wrap: true };
const LIGHT_STYLES: Readonly<Record<Light, CellStyle>> = {
  red: cellStyle({ ...BODY_FONT, bold: true }, "center", { fill: LIGHT_FILLS.red }),
  yellow: cellStyle({ ...BODY_FONT, bold: true }, "center", { fill: LIGHT_FILLS.yellow }),
  green: cellStyle({ ...BODY_FONT, bold: true }, "center", { fill: LIGHT_FILLS.green }),
};

/** `三季度部门情况`; `本季度部门情况` when the quarter is unknown (as the notice says it). */
export function departmentSheetName(analysis: Pick<Analysis, "period" | "wording">): string {
  return `${quarterName(analysis.period.quarter, analysis.wording)}部门情况`;
}

/** `2025年三季度各部门重点工作任务完成情况`, marked `（草稿）` when some tasks are not counted. */
export function departmentSheetTitle(analysis: Pick<Analysis, "period" | "wording" | "tasks">): string {
  const year = analysis.period.year === null ? "" : `${analysis.period.year}年`;
  const draft = analysis.tasks.some((t) => t.category === null) ? "（草稿）" : "";
  return `${year}${quarterName(analysis.period.quarter, analysis.wording)}各部门重点工作任务完成情况${draft}`;
}

/** `2025年三季度各部门完成及序时推进占比（%）`: the chart's title. */
function chartTitle(analysis: Pick<Analysis, "period" | "wording">): string {
  const year = analysis.period.year === null ? "" : `${analysis.period.year}年`;
  return `${year}${quarterName(analysis.period.quarter, analysis.wording)}各部门${SHARE_LABEL}（%）`;
}

/** How departments are ranked, in words (the sheet's note, the pane's legend). */
export const RANK_RULE = `排名按${SHARE_LABEL}由高到低，占比相同的未完成任务少者在前，二者都相同的并列。`;

/**
 * What the lights and the ranks mean, under the table, from the rules in
 * effect: `说明：有“未完成”情形的为红灯；有“待确定”“未完成未说明原因”…情形之一的为黄灯；其余为绿灯。…`
 */
export function departmentNote(rules: readonly LightRule[]): string {
  const lights = rules
    .filter((r) => r.when.length > 0)
    .map((r) => `有${r.when.map((c) => `“${LIGHT_CONDITION_NAMES[c]}”`).join("")}情形${r.when.length > 1 ? "之一" : ""}的为${LIGHT_WORDS[r.light]}灯；`);
  return `说明：${lights.join("")}其余为${LIGHT_WORDS.green}灯。${RANK_RULE}`;
}

/** `0.00` for two decimals, `0` for none. */
function shareFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
}

/** Character units (see columnWidthForPixels) a text of the body font needs. */
function widthFor(text: string): number {
  return columnWidthForPixels(Math.ceil(textWidth(text) * BODY_FONT.size * PX_PER_PT) + 12);
}

/** The lines a name wraps to in a column of this width. */
function linesOf(text: string, width: number): number {
  return Math.max(1, Math.ceil(widthFor(text) / width));
}

/** The table's columns, left to right: header text and width. */
interface Column {
  readonly header: string;
  readonly width: number;
}

/**
 * The chart's rows under the title: tall enough for every bar (long names
 * need a bar's height each to be written out), never taller than the first
 * page holds, so that no page break ever cuts the chart.
 */
function chartRowCount(departments: number): number {
  const pagePt = (A4_HEIGHT_IN - MARGINS.top - MARGINS.bottom) * 72;
  const most = Math.floor((pagePt - TITLE_HEIGHT - SPACER_HEIGHT) / CHART_ROW_HEIGHT);
  return Math.min(most, Math.ceil((CHART_FRAME_PT + CHART_BAR_PT * departments) / CHART_ROW_HEIGHT));
}

/**
 * The department sheet: the title, the bar chart of the shares (on the first
 * page, so it prints whole), then the table — header and one row per
 * department in rank order — and a note of what the lights and ranks mean.
 */
export function planDepartmentSheet(analysis: Analysis): SheetPlan {
  const departments = analysis.departments;
  const withChange = analysis.comparison !== null;
  const nameWidth = Math.min(NAME_COLUMN_MAX, Math.max(NAME_COLUMN_MIN, ...departments.map((d) => widthFor(d.name))));
  const columns: Column[] = [
    { header: "排名", width: 6 },
    { header: "牵头部门", width: nameWidth },
    // Four characters of the header's font on one line; the share's header on two.
    { header: "任务数", width: 7 },
    ...CATEGORIES.map((c) => ({ header: CATEGORY_LABELS[c], width: 8 })),
    { header: `${SHARE_LABEL}（%）`, width: 14 },
    { header: "灯", width: 6 },
    ...(withChange ? [{ header: "未完成较上季度", width: 9 }] : []),
  ];
  const col = { rank: 0, name: 1, total: 2, share: 3 + CATEGORIES.length, light: 4 + CATEGORIES.length, change: 5 + CATEGORIES.length };
  const lastCol = columns.length - 1;
  const markerCol = lastCol + 1;
  const chartRows = departments.length > 0 ? chartRowCount(departments.length) : 0;
  // Title, the chart's rows and a spacer row after them, then the table.
  const headerRow = chartRows > 0 ? 2 + chartRows : 1;
  const firstRow = headerRow + 1;
  const lastRow = firstRow + departments.length - 1;
  const noteRow = Math.max(headerRow, lastRow) + 1;
  const note = departmentNote(analysis.lightRules);
  const tableWidth = columns.reduce((a, c) => a + c.width, 0);

  const blocks: CellBlock[] = [
    { row: 0, col: 0, texts: [[departmentSheetTitle(analysis)]], style: TITLE },
    { row: headerRow, col: 0, texts: [columns.map((c) => c.header)], style: HEADER },
    { row: noteRow, col: 0, texts: [[note]], style: NOTE },
  ];
  const numbers: NumberBlock[] = [];
  const rowHeights = [{ row: 0, height: TITLE_HEIGHT }];
  const charts: ChartPlan[] = [];
  if (departments.length > 0) {
    blocks.push({ row: firstRow, col: col.name, texts: departments.map((d) => [d.name]), style: NAME });
    blocks.push(...lightBlocks(departments, firstRow, col.light));
    numbers.push(
      { row: firstRow, col: col.rank, values: departments.map((d) => [d.rank]), numberFormat: "0", style: CENTERED },
      { row: firstRow, col: col.total, values: departments.map((d) => [d.total, ...CATEGORIES.map((c) => d.counts[c])]), numberFormat: "0", style: CENTERED },
      { row: firstRow, col: col.share, values: departments.map((d) => [Number(d.share)]), numberFormat: shareFormat(analysis.settings.decimals), style: CENTERED },
    );
    if (withChange) {
      numbers.push({ row: firstRow, col: col.change, values: departments.map((d) => [d.missedChange ?? 0]), numberFormat: "+0;-0;0", style: CENTERED });
    }
    for (let r = 1; r <= chartRows; r++) rowHeights.push({ row: r, height: CHART_ROW_HEIGHT });
    rowHeights.push({ row: chartRows + 1, height: SPACER_HEIGHT });
    const cells = (c: number): CellRange => ({ row: firstRow, col: c, rowCount: departments.length, colCount: 1 });
    charts.push({
      kind: "bar",
      title: chartTitle(analysis),
      categories: cells(col.name),
      series: [{ name: SHARE_LABEL, values: cells(col.share), color: BAR_COLOR }],
      anchor: { row: 1, col: 0, rowCount: chartRows, colCount: lastCol + 1 },
      valueAxis: { min: 0, max: 100, numberFormat: "0" },
      reverseCategories: true,
    });
  }
  rowHeights.push(
    { row: headerRow, height: HEADER_HEIGHT },
    ...departments.map((d, i) => ({ row: firstRow + i, height: ROW_HEIGHT + (linesOf(d.name, nameWidth) - 1) * LINE_HEIGHT })),
    { row: noteRow, height: 8 + linesOf(note, tableWidth) * LINE_HEIGHT },
  );

  return {
    name: departmentSheetName(analysis),
    columnWidths: [...columns.map((c) => c.width), 4],
    hiddenColumns: [markerCol],
    blocks,
    numbers,
    charts,
    merges: [
      { row: 0, col: 0, rowCount: 1, colCount: lastCol + 1 },
      { row: noteRow, col: 0, rowCount: 1, colCount: lastCol + 1 },
    ],
    rowHeights,
    pageSetup: pageSetup({ row: 0, col: 0, rowCount: noteRow + 1, colCount: lastCol + 1 }),
    showGridlines: false,
    marker: { row: 0, col: markerCol, text: DEPARTMENT_MARKER },
  };
}

/** The light cells: one block for each run of departments with the same light. */
function lightBlocks(departments: readonly DepartmentRow[], firstRow: number, col: number): CellBlock[] {
  const blocks: { row: number; col: number; texts: string[][]; style: CellStyle }[] = [];
  departments.forEach((d, i) => {
    const last = blocks[blocks.length - 1];
    if (last && last.style === LIGHT_STYLES[d.light]) last.texts.push([LIGHT_WORDS[d.light]]);
    else blocks.push({ row: firstRow + i, col, texts: [[LIGHT_WORDS[d.light]]], style: LIGHT_STYLES[d.light] });
  });
  return blocks;
}

const A4_HEIGHT_IN = 297 / 25.4;
const MARGINS = { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 } as const;

/** A4 portrait, one page wide, centred, the sheet's own page numbers at the foot (from 1, also when the whole workbook is printed). */
function pageSetup(printArea: CellRange): PageSetup {
  return {
    paperSize: "A4",
    orientation: "portrait",
    margins: MARGINS,
    centerHorizontally: true,
    fitToPagesWide: 1,
    printArea,
    firstPageNumber: 1,
    centerFooter: "第 &P 页",
  };
}
