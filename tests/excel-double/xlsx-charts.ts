/**
 * Node only: the charts of an `.xlsx` package as the double's ChartModels
 * (ExcelJS does not read charts). Follows workbook → sheet → drawing → chart
 * relationships and reads each chart's type, title, series (name, fill,
 * value and category formulas), its anchor cells and its axes.
 */
import path from "node:path/posix";
import JSZip from "jszip";
import { cellKey, parseArea, qualify, rectAddress, splitSheet, type ChartAxisModel, type ChartModel, type ChartSeriesModel } from "./model";

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Relationship id → target part, of `part`'s relationships. */
async function relsOf(zip: JSZip, part: string): Promise<Map<string, { type: string; target: string }>> {
  const rels = zip.file(`${path.dirname(part)}/_rels/${path.basename(part)}.rels`);
  const out = new Map<string, { type: string; target: string }>();
  if (!rels) return out;
  for (const m of (await rels.async("string")).matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const a = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]!)?.[1] ?? "";
    const target = a("Target");
    out.set(a("Id"), { type: a("Type"), target: target.startsWith("/") ? target.slice(1) : path.normalize(path.join(path.dirname(part), target)) });
  }
  return out;
}

/** A formula's range as a sheet-qualified A1 address (`qualify`), or null. */
function rangeOf(formula: string | undefined): string | null {
  if (formula === undefined) return null;
  const { sheet, bare } = splitSheet(decode(formula));
  const rect = parseArea(bare);
  return rect && sheet !== null ? qualify(sheet, rectAddress(rect)) : null;
}

const first = (xml: string, re: RegExp) => re.exec(xml)?.[1];
const val = (xml: string, tag: string) => first(xml, new RegExp(`<c:${tag} val="([^"]*)"`));

const TYPES: Record<string, string> = { "bar/clustered": "BarClustered", "bar/stacked": "BarStacked", "col/clustered": "ColumnClustered", "col/stacked": "ColumnStacked" };

function chartModel(xml: string, id: string, name: string, position: ChartModel["position"]): ChartModel {
  const bar = first(xml, /<c:barChart>([\s\S]*?)<\/c:barChart>/) ?? "";
  const type = bar ? (TYPES[`${val(bar, "barDir")}/${val(bar, "grouping")}`] ?? "Other") : "Other";
  const title = first(xml, /<c:title>[\s\S]*?<a:t>([^<]*)<\/a:t>/);
  const series: ChartSeriesModel[] = [...bar.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
    const s: ChartSeriesModel = {
      name: decode(first(ser!, /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/) ?? ""),
      values: rangeOf(first(ser!, /<c:val>[\s\S]*?<c:f>([^<]*)<\/c:f>/)),
      categories: rangeOf(first(ser!, /<c:cat>[\s\S]*?<c:f>([^<]*)<\/c:f>/)),
    };
    const fill = first(ser!, /<c:spPr><a:solidFill><a:srgbClr val="([0-9A-Fa-f]{6})"/);
    if (fill) s.fill = `#${fill.toUpperCase()}`;
    return s;
  });
  const catAx = first(xml, /<c:catAx>([\s\S]*?)<\/c:catAx>/) ?? "";
  const valAx = first(xml, /<c:valAx>([\s\S]*?)<\/c:valAx>/) ?? "";
  const categoryAxis: ChartAxisModel = {};
  if (val(catAx, "orientation") === "maxMin") categoryAxis.reversePlotOrder = true;
  // Where the value axis crosses the category axis is written on the value axis.
  if (val(valAx, "crosses") === "max") categoryAxis.position = "Maximum";
  const skip = val(catAx, "tickLblSkip");
  if (skip !== undefined) categoryAxis.tickLabelSpacing = Number(skip);
  const valueAxis: ChartAxisModel = {};
  const min = val(valAx, "min");
  const max = val(valAx, "max");
  if (min !== undefined) valueAxis.minimum = Number(min);
  if (max !== undefined) valueAxis.maximum = Number(max);
  const format = first(valAx, /<c:numFmt formatCode="([^"]*)" sourceLinked="0"/);
  if (format !== undefined) valueAxis.numberFormat = decode(format);
  const chart: ChartModel = { id, name, type, series, categoryAxis, valueAxis, legendVisible: /<c:legend>/.test(xml) };
  if (title !== undefined) chart.title = decode(title);
  if (position) chart.position = position;
  return chart;
}

/** Sheet name → its charts, for every sheet of the package that has any. */
export async function chartsOf(bytes: Buffer | ArrayBuffer): Promise<Map<string, ChartModel[]>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, ChartModel[]>();
  const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
  if (!workbookXml) return out;
  const workbookRels = await relsOf(zip, "xl/workbook.xml");
  let n = 0;
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/>/g)) {
    const name = decode(/\bname="([^"]*)"/.exec(m[1]!)?.[1] ?? "");
    const sheetPart = workbookRels.get(/\br:id="([^"]*)"/.exec(m[1]!)?.[1] ?? "")?.target;
    if (!sheetPart) continue;
    const charts: ChartModel[] = [];
    for (const rel of (await relsOf(zip, sheetPart)).values()) {
      if (!rel.type.endsWith("/drawing")) continue;
      const drawing = await zip.file(rel.target)?.async("string");
      if (!drawing) continue;
      const drawingRels = await relsOf(zip, rel.target);
      for (const [, anchor] of drawing.matchAll(/<xdr:twoCellAnchor\b[^>]*>([\s\S]*?)<\/xdr:twoCellAnchor>/g)) {
        const chartId = /<c:chart\b[^>]*\br:id="([^"]*)"/.exec(anchor!)?.[1];
        const chartPart = chartId === undefined ? undefined : drawingRels.get(chartId)?.target;
        const chartXml = chartPart ? await zip.file(chartPart)?.async("string") : undefined;
        if (!chartXml) continue;
        const at = (which: "from" | "to") => {
          const x = first(anchor!, new RegExp(`<xdr:${which}>([\\s\\S]*?)</xdr:${which}>`)) ?? "";
          const num = (tag: string) => Number(first(x, new RegExp(`<xdr:${tag}>(\\d+)</xdr:${tag}>`)) ?? 0);
          return { col: num("col"), colOff: num("colOff"), row: num("row"), rowOff: num("rowOff") };
        };
        const from = at("from");
        const to = at("to");
        // A chart ending at a cell's top-left corner covers the cell before it.
        const end = cellKey(to.rowOff === 0 ? to.row - 1 : to.row, to.colOff === 0 ? to.col - 1 : to.col);
        const label = first(anchor!, /<xdr:cNvPr\b[^>]*\bname="([^"]*)"/) ?? `图表 ${charts.length + 1}`;
        charts.push(chartModel(chartXml, `{chart-file-${++n}}`, decode(label), { start: cellKey(from.row, from.col), end }));
      }
    }
    if (charts.length > 0) out.set(name, charts);
  }
  return out;
}
