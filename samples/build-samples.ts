/**
 * Builds the bundled sample workbooks from their readable data files.
 *
 *   npx tsx samples/build-samples.ts
 *
 * reads samples/data/*.json and writes samples/tracking-2025-q3.xlsx and
 * samples/tracking-variant.xlsx. The workbooks imitate department-filled
 * tracking sheets: merged title rows, a one- or two-row header, merged
 * number/department cells, a remark row under the table, other sheets around
 * the tracking sheet, and a little formatting of the departments' own.
 *
 * The output is deterministic: fixed document properties and fixed zip entry
 * timestamps, so rebuilding from unchanged data gives identical bytes.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ExcelJS from "exceljs";

/** Task fields a sample column can hold. */
export const SAMPLE_KEYS = [
  "number",
  "task",
  "lead",
  "support",
  "target",
  "progress",
  "status",
  "reason",
  "nextSteps",
  "contact",
] as const;
export type SampleKey = (typeof SAMPLE_KEYS)[number];

/** Named department formats a data file may put on a cell. */
export const MARKS = ["yellowFill", "redBold", "bold"] as const;
export type MarkName = (typeof MARKS)[number];

export interface SampleColumn {
  readonly key: SampleKey;
  /** Header text; may contain "\n" (a line break inside the header cell). */
  readonly header: string;
  /** Group caption merged over consecutive columns with the same group (makes a two-row header). */
  readonly group?: string;
  readonly width: number;
  /** The column shows an earlier quarter's value (a yearly ledger): the task's `earlierQuarters[fromQuarter]`. */
  readonly fromQuarter?: number;
}

/** What a department wrote for an earlier quarter in a yearly ledger. */
export interface QuarterEntry {
  readonly progress?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly nextSteps?: string;
}
const QUARTER_KEYS = ["progress", "status", "reason", "nextSteps"] as const;

export interface SampleTask {
  /** Task number as the sheet shows it: a number (30) or text ("第30项"). */
  readonly number: number | string;
  /** Sub-item index (1 for ①) when the row is a sub-item of a numbered task. */
  readonly sub?: number;
  readonly task: string;
  readonly lead: string;
  readonly support?: string;
  readonly target: string;
  readonly progress: string;
  readonly status: string;
  readonly reason?: string;
  readonly nextSteps?: string;
  readonly contact?: string;
  /** Department formatting on some of this row's cells. */
  readonly marks?: Partial<Record<SampleKey, MarkName>>;
  /** Earlier quarters' entries by quarter (`"1"`, `"2"`), for columns with `fromQuarter`. */
  readonly earlierQuarters?: Readonly<Record<string, QuarterEntry>>;
}

export interface ExtraSheet {
  readonly name: string;
  readonly rows: readonly (readonly string[])[];
  readonly widths?: readonly number[];
}

export interface SampleConditionalFormat {
  readonly column: SampleKey;
  readonly containsText: string;
  /** ARGB colours. */
  readonly fill: string;
  readonly fontColor: string;
}

export interface SampleData {
  readonly sheetName: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly columns: readonly SampleColumn[];
  /** Columns whose runs of equal consecutive values are merged vertically. */
  readonly mergeRepeated?: readonly SampleKey[];
  readonly conditionalFormats?: readonly SampleConditionalFormat[];
  /** Text of the remark row written under the table after one blank row. */
  readonly remark?: string;
  readonly sheetsBefore?: readonly ExtraSheet[];
  readonly sheetsAfter?: readonly ExtraSheet[];
  readonly tasks: readonly SampleTask[];
}

/** Where the pieces of the tracking sheet landed (1-based rows and columns). */
export interface SampleLayout {
  readonly titleRows: readonly number[];
  readonly headerRows: readonly number[];
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  readonly remarkRow: number | null;
  readonly columnCount: number;
}

/** Fixed document properties: rebuilding must not change the file. */
const FIXED_DATE = new Date(Date.UTC(2025, 9, 10, 0, 0, 0));
const CREATOR = "区政府督查室";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const BODY_FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 10 };
const HEADER_FONT: Partial<ExcelJS.Font> = { name: "黑体", size: 11 };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
/** Text columns get the "@" number format so nothing typed there becomes a formula or a number. */
const TEXT_FORMAT = "@";

/** Layout of a sample without building it. */
export function sampleLayout(data: SampleData): SampleLayout {
  const titleRows = data.subtitle ? [1, 2] : [1];
  const headerStart = titleRows.length + 1;
  const twoRowHeader = data.columns.some((c) => c.group !== undefined);
  const headerRows = twoRowHeader ? [headerStart, headerStart + 1] : [headerStart];
  const firstDataRow = headerStart + headerRows.length;
  const lastDataRow = firstDataRow + data.tasks.length - 1;
  return {
    titleRows,
    headerRows,
    firstDataRow,
    lastDataRow,
    remarkRow: data.remark ? lastDataRow + 2 : null,
    columnCount: data.columns.length,
  };
}

/** Builds the sample workbook in memory. */
export function buildSample(data: SampleData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;

  for (const extra of data.sheetsBefore ?? []) addExtraSheet(wb, extra);
  addTrackingSheet(wb, data);
  for (const extra of data.sheetsAfter ?? []) addExtraSheet(wb, extra);
  // Open on the tracking sheet, as a department would have saved it.
  const active = (data.sheetsBefore ?? []).length;
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" },
  ];
  return wb;
}

function addExtraSheet(wb: ExcelJS.Workbook, extra: ExtraSheet): void {
  const ws = wb.addWorksheet(extra.name);
  (extra.widths ?? []).forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  extra.rows.forEach((values, r) => {
    values.forEach((text, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.numFmt = TEXT_FORMAT;
      cell.value = text;
      cell.font = r === 0 ? { ...HEADER_FONT, bold: true } : BODY_FONT;
      cell.alignment = { vertical: "middle", wrapText: true };
    });
  });
}

function textOf(task: SampleTask, key: SampleKey, fromQuarter?: number): string | number {
  if (fromQuarter !== undefined) {
    const entry = task.earlierQuarters?.[String(fromQuarter)];
    return (QUARTER_KEYS as readonly string[]).includes(key) ? (entry?.[key as (typeof QUARTER_KEYS)[number]] ?? "") : "";
  }
  switch (key) {
    case "number":
      return task.number;
    case "task":
      return task.task;
    case "lead":
      return task.lead;
    case "support":
      return task.support ?? "";
    case "target":
      return task.target;
    case "progress":
      return task.progress;
    case "status":
      return task.status;
    case "reason":
      return task.reason ?? "";
    case "nextSteps":
      return task.nextSteps ?? "";
    case "contact":
      return task.contact ?? "";
  }
}

function applyMark(cell: ExcelJS.Cell, mark: MarkName): void {
  switch (mark) {
    case "yellowFill":
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
      break;
    case "redBold":
      cell.font = { ...BODY_FONT, bold: true, color: { argb: "FFFF0000" } };
      break;
    case "bold":
      cell.font = { ...BODY_FONT, bold: true };
      break;
  }
}

/** Rough row height for wrapped Chinese text: the longest cell decides. */
function rowHeight(values: readonly (string | number)[], columns: readonly SampleColumn[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    const width = columns[i]?.width ?? 10;
    // A CJK character is about two width units at 10 pt.
    const perLine = Math.max(1, Math.floor((width - 2) / 2.1));
    const text = String(v);
    const needed = text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    if (needed > lines) lines = needed;
  });
  return Math.max(20, lines * 14 + 6);
}

function addTrackingSheet(wb: ExcelJS.Workbook, data: SampleData): void {
  const layout = sampleLayout(data);
  const cols = data.columns;
  const width = cols.length;
  const ws = wb.addWorksheet(data.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${layout.headerRows[0]}:${layout.headerRows[layout.headerRows.length - 1]}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    views: [{ state: "frozen", xSplit: 0, ySplit: layout.headerRows[layout.headerRows.length - 1] }],
  });
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });

  // Title rows, merged across the table width.
  const titles = data.subtitle ? [data.title, data.subtitle] : [data.title];
  titles.forEach((text, i) => {
    const row = layout.titleRows[i]!;
    ws.mergeCells(row, 1, row, width);
    const cell = ws.getCell(row, 1);
    cell.numFmt = TEXT_FORMAT;
    cell.value = text;
    if (i === 0) {
      cell.font = { name: "方正小标宋简体", size: 18 };
      cell.alignment = { horizontal: "center", vertical: "middle" };
      ws.getRow(row).height = 36;
    } else {
      cell.font = { name: "仿宋", size: 12 };
      cell.alignment = { horizontal: "left", vertical: "middle" };
      ws.getRow(row).height = 22;
    }
  });

  // Header: one row, or two rows with group captions merged over their columns
  // and ungrouped captions merged vertically over both rows.
  const [h1, h2] = layout.headerRows;
  const styleHeader = (cell: ExcelJS.Cell): void => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.numFmt = TEXT_FORMAT;
  };
  for (const r of layout.headerRows) {
    for (let c = 1; c <= width; c++) styleHeader(ws.getCell(r, c));
    ws.getRow(r).height = layout.headerRows.length === 1 ? 36 : 24;
  }
  if (h2 === undefined) {
    cols.forEach((c, i) => {
      ws.getCell(h1!, i + 1).value = c.header;
    });
  } else {
    let i = 0;
    while (i < width) {
      const col = cols[i]!;
      if (col.group === undefined) {
        ws.getCell(h1!, i + 1).value = col.header;
        ws.mergeCells(h1!, i + 1, h2, i + 1);
        i++;
        continue;
      }
      let end = i;
      while (end + 1 < width && cols[end + 1]!.group === col.group) end++;
      ws.getCell(h1!, i + 1).value = col.group;
      if (end > i) ws.mergeCells(h1!, i + 1, h1!, end + 1);
      for (let k = i; k <= end; k++) ws.getCell(h2, k + 1).value = cols[k]!.header;
      i = end + 1;
    }
  }

  // Data rows.
  data.tasks.forEach((task, t) => {
    const r = layout.firstDataRow + t;
    const values = cols.map((c) => textOf(task, c.key, c.fromQuarter));
    values.forEach((v, i) => {
      const key = cols[i]!.key;
      const cell = ws.getCell(r, i + 1);
      const centred = key === "number" || key === "status" || key === "lead" || key === "support";
      if (typeof v === "string") cell.numFmt = TEXT_FORMAT;
      // Empty text stays an empty cell, as a department would leave it.
      cell.value = v === "" ? null : v;
      cell.font = BODY_FONT;
      cell.border = BORDER;
      cell.alignment = {
        horizontal: centred ? "center" : "left",
        vertical: "middle",
        wrapText: true,
      };
      const mark = task.marks?.[key];
      if (mark) applyMark(cell, mark);
    });
    ws.getRow(r).height = rowHeight(values, cols);
  });

  // Vertical merges over runs of equal values (task-1 number over its sub-items,
  // a department over consecutive tasks).
  for (const key of data.mergeRepeated ?? []) {
    const c = cols.findIndex((col) => col.key === key);
    if (c < 0) continue;
    let start = 0;
    while (start < data.tasks.length) {
      const value = textOf(data.tasks[start]!, key);
      let end = start;
      while (end + 1 < data.tasks.length && value !== "" && textOf(data.tasks[end + 1]!, key) === value) end++;
      if (end > start) ws.mergeCells(layout.firstDataRow + start, c + 1, layout.firstDataRow + end, c + 1);
      start = end + 1;
    }
  }

  for (const cf of data.conditionalFormats ?? []) {
    const c = cols.findIndex((col) => col.key === cf.column);
    if (c < 0) continue;
    const letter = ws.getColumn(c + 1).letter;
    ws.addConditionalFormatting({
      ref: `${letter}${layout.firstDataRow}:${letter}${layout.lastDataRow}`,
      rules: [
        {
          // An expression rule rather than ExcelJS's "containsText" type: ExcelJS
          // writes that one without the text attribute Excel itself writes.
          type: "expression",
          formulae: [`NOT(ISERROR(SEARCH("${cf.containsText.replace(/"/g, '""')}",${letter}${layout.firstDataRow})))`],
          priority: 1,
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: cf.fill } },
            font: { color: { argb: cf.fontColor } },
          },
        },
      ],
    });
  }

  // Remark row after one blank row, merged across the table width.
  if (data.remark && layout.remarkRow !== null) {
    const r = layout.remarkRow;
    ws.mergeCells(r, 1, r, width);
    const cell = ws.getCell(r, 1);
    cell.numFmt = TEXT_FORMAT;
    cell.value = data.remark;
    cell.font = BODY_FONT;
    cell.alignment = { horizontal: "left", vertical: "middle", wrapText: true };
    ws.getRow(r).height = 32;
  }
}

/** Checks the shape of a parsed data file; throws with a readable message. */
export function parseSampleData(json: unknown, source = "data"): SampleData {
  const fail = (msg: string): never => {
    throw new Error(`${source}: ${msg}`);
  };
  if (typeof json !== "object" || json === null) return fail("not an object");
  const d = json as Record<string, unknown>;
  if (typeof d.sheetName !== "string" || d.sheetName === "") fail("sheetName missing");
  if (typeof d.title !== "string") fail("title missing");
  if (!Array.isArray(d.columns) || d.columns.length === 0) fail("columns missing");
  if (!Array.isArray(d.tasks) || d.tasks.length === 0) fail("tasks missing");
  const keys = new Set<string>(SAMPLE_KEYS);
  for (const c of d.columns as unknown[]) {
    const col = c as Record<string, unknown>;
    if (typeof col.key !== "string" || !keys.has(col.key)) fail(`unknown column key ${String(col.key)}`);
    if (typeof col.header !== "string") fail(`column ${String(col.key)} has no header`);
    if (typeof col.width !== "number") fail(`column ${String(col.key)} has no width`);
    if (col.fromQuarter !== undefined && !(QUARTER_KEYS as readonly unknown[]).includes(col.key)) fail(`column ${String(col.key)} cannot show an earlier quarter`);
  }
  const marks = new Set<string>(MARKS);
  (d.tasks as unknown[]).forEach((t, i) => {
    const task = t as Record<string, unknown>;
    if (typeof task.number !== "number" && typeof task.number !== "string") fail(`task ${i}: number missing`);
    for (const k of ["task", "lead", "target", "progress", "status"] as const) {
      if (typeof task[k] !== "string") fail(`task ${i}: ${k} missing`);
    }
    for (const k of ["support", "reason", "nextSteps", "contact"] as const) {
      if (task[k] !== undefined && typeof task[k] !== "string") fail(`task ${i}: ${k} is not text`);
    }
    if (task.marks !== undefined) {
      for (const [k, m] of Object.entries(task.marks as Record<string, unknown>)) {
        if (!keys.has(k) || typeof m !== "string" || !marks.has(m)) fail(`task ${i}: bad mark ${k}`);
      }
    }
  });
  return json as SampleData;
}

/** DOS date/time of FIXED_DATE (2025-10-10 00:00:00) for zip entries. */
const DOS_TIME = 0;
const DOS_DATE = ((2025 - 1980) << 9) | (10 << 5) | 10;

/**
 * Sets every zip entry's modification time to a fixed value, so the archive
 * does not depend on when it was built. Works on the local headers and the
 * central directory; the compressed data and CRCs are untouched.
 */
export function fixZipTimestamps(zip: Uint8Array): Buffer<ArrayBuffer> {
  const out = Buffer.from(zip);
  // End of central directory: signature 0x06054b50, searched from the end.
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive");
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    out.writeUInt16LE(DOS_TIME, p + 12);
    out.writeUInt16LE(DOS_DATE, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error("bad local header");
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** The workbook as deterministic .xlsx bytes. */
export async function sampleBytes(data: SampleData): Promise<Buffer<ArrayBuffer>> {
  const wb = buildSample(data);
  const raw = await wb.xlsx.writeBuffer();
  return fixZipTimestamps(Buffer.from(raw as ArrayBuffer));
}

export const SAMPLES_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The bundled samples: data file → workbook, relative to the samples folder. */
export const SAMPLE_FILES = [
  { data: "data/tracking-2025-q3.json", xlsx: "tracking-2025-q3.xlsx" },
  { data: "data/tracking-variant.json", xlsx: "tracking-variant.xlsx" },
  { data: "data/tracking-2025-quarters.json", xlsx: "tracking-2025-quarters.xlsx" },
] as const;

export async function loadSampleData(relative: string): Promise<SampleData> {
  const file = path.join(SAMPLES_DIR, relative);
  return parseSampleData(JSON.parse(await readFile(file, "utf8")) as unknown, relative);
}

async function main(): Promise<void> {
  for (const s of SAMPLE_FILES) {
    const data = await loadSampleData(s.data);
    const target = path.join(SAMPLES_DIR, s.xlsx);
    await writeFile(target, await sampleBytes(data));
    const layout = sampleLayout(data);
    console.log(
      `${s.xlsx}: sheet "${data.sheetName}", header row(s) ${layout.headerRows.join(",")}, ` +
        `data rows ${layout.firstDataRow}-${layout.lastDataRow}, ${data.tasks.length} tasks`,
    );
  }
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(path.resolve(invokedPath)).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
