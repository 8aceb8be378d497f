/**
 * The core's ChartPlans as DrawingML parts: one drawing part per sheet
 * (a twoCellAnchor per chart, from the plan's anchor cells) and one chart
 * part per chart (a clustered bar chart whose series and categories are
 * formulas over the plan's ranges on the sheet, with the values cached so a
 * viewer shows the chart without recalculating).
 */
import { columnLetter, type CellRange, type ChartPlan, type SheetPlan } from "../../core";
import { escapeAttr, escapeCellText, escapeXml } from "./xml";

const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** What the plan writes in each cell: text or a number, by `row,col`. */
export type PlanCells = ReadonlyMap<string, string | number>;

export function planCells(plan: SheetPlan): PlanCells {
  const cells = new Map<string, string | number>();
  for (const b of plan.blocks) b.texts.forEach((row, r) => row.forEach((t, c) => cells.set(`${b.row + r},${b.col + c}`, t)));
  for (const b of plan.numbers ?? []) b.values.forEach((row, r) => row.forEach((v, c) => cells.set(`${b.row + r},${b.col + c}`, v)));
  return cells;
}

/** `'三季度部门情况'!$B$4:$B$40`. */
export function rangeFormula(sheet: string, range: CellRange): string {
  const cell = (r: number, c: number) => `$${columnLetter(c)}$${r + 1}`;
  return `'${sheet.replace(/'/g, "''")}'!${cell(range.row, range.col)}:${cell(range.row + range.rowCount - 1, range.col + range.colCount - 1)}`;
}

/** The cells of a one-column (or one-row) range, in order. */
function rangeCells(range: CellRange): [number, number][] {
  const out: [number, number][] = [];
  for (let r = 0; r < range.rowCount; r++) for (let c = 0; c < range.colCount; c++) out.push([range.row + r, range.col + c]);
  return out;
}

const num = (n: number) => String(Math.round(n * 1e9) / 1e9);

function strCache(range: CellRange, cells: PlanCells): string {
  const points = rangeCells(range).map(([r, c], i) => {
    const v = cells.get(`${r},${c}`);
    return v === undefined || v === "" ? "" : `<c:pt idx="${i}"><c:v>${escapeCellText(String(v))}</c:v></c:pt>`;
  });
  return `<c:strCache><c:ptCount val="${points.length}"/>${points.join("")}</c:strCache>`;
}

function numCache(range: CellRange, cells: PlanCells, format: string): string {
  const points = rangeCells(range).map(([r, c], i) => {
    const v = cells.get(`${r},${c}`);
    return typeof v === "number" ? `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>` : "";
  });
  return `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${points.length}"/>${points.join("")}</c:numCache>`;
}

/** The number format of a series' values: the number block's that holds its first cell, else General. */
function formatOf(plan: SheetPlan, range: CellRange): string {
  for (const b of plan.numbers ?? []) {
    const rows = b.values.length;
    const cols = Math.max(0, ...b.values.map((v) => v.length));
    if (range.row >= b.row && range.row < b.row + rows && range.col >= b.col && range.col < b.col + cols) return b.numberFormat;
  }
  return "General";
}

const hex = (color: string) => color.replace(/^#/, "").toUpperCase();

const CAT_AXIS = 500100;
const VAL_AXIS = 500200;

/** A chart part for one ChartPlan over `sheet` (the plan's sheet). */
export function chartXml(sheet: SheetPlan, chart: ChartPlan, cells: PlanCells = planCells(sheet)): string {
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const categories = `<c:cat><c:strRef><c:f>${escapeXml(rangeFormula(sheet.name, chart.categories))}</c:f>${strCache(chart.categories, cells)}</c:strRef></c:cat>`;
  const series = chart.series
    .map((s, i) => {
      const format = formatOf(sheet, s.values);
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${hex(s.color)}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        categories +
        `<c:val><c:numRef><c:f>${escapeXml(rangeFormula(sheet.name, s.values))}</c:f>${numCache(s.values, cells, format)}</c:numRef></c:val></c:ser>`
      );
    })
    .join("");
  const axis = chart.valueAxis;
  const reversed = chart.reverseCategories;
  const legend = chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : "";
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/><c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>` +
    // Categories top to bottom: the axis runs max to min, and the value axis crosses it at its maximum (the bottom).
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="${reversed ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/><c:max val="${num(axis.max)}"/><c:min val="${num(axis.min)}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="${escapeAttr(axis.numberFormat)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CAT_AXIS}"/>` +
    `<c:crosses val="${reversed ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

const marker = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;

/** A drawing part holding the sheet's charts; `relIds[i]` is the drawing's relationship to chart i. */
export function drawingXml(charts: readonly ChartPlan[], relIds: readonly string[]): string {
  const anchors = charts.map((chart, i) => {
    const a = chart.anchor;
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(a.col, a.row)}</xdr:from><xdr:to>${marker(a.col + a.colCount, a.row + a.rowCount)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`图表 ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_CHART}">` +
      `<c:chart xmlns:c="${NS_CHART}" r:id="${relIds[i]}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join("")}</xdr:wsDr>`;
}
