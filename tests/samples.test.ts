/**
 * The bundled sample workbooks: facts the demo and the reader rely on, and
 * agreement between the readable data files and the committed .xlsx files.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  SAMPLES_DIR,
  buildSample,
  fixZipTimestamps,
  loadSampleData,
  sampleBytes,
  sampleLayout,
  type SampleData,
} from "../samples/build-samples";

const MISSED_WORDS = ["未完成", "滞后", "进度滞后", "欠进度", "未达序时", "滞后序时"];
const SUSPENDED_WORDS = ["暂不实施", "暂缓实施", "因政策调整暂不实施", "终止"];
const PENDING_WORDS = ["待确定", "待定", "数据待反馈"];
const ON_TRACK_WORDS = ["序时推进", "有序推进", "正常推进", "达进度", "进展顺利"];
const COMPLETED_WORDS = ["已完成", "已完成年度目标", "提前完成", "已提前完成", "超进度"];

async function loadXlsx(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES_DIR, name));
  return wb;
}

/** Plain text of a cell as a reader sees it (merge slaves give their master's value). */
function text(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    throw new Error(`unexpected value object in ${cell.address}: ${JSON.stringify(v)}`);
  }
  return String(v);
}

/** Finds the 1-based column whose header cell (in the given row) has this text. */
function headerColumn(ws: ExcelJS.Worksheet, row: number, header: string): number {
  for (let c = 1; c <= ws.columnCount; c++) if (text(ws.getCell(row, c)) === header) return c;
  throw new Error(`no header ${header} in row ${row}`);
}

/** Non-empty cells of a column from a row down, not counting merge slaves. */
function ownCells(ws: ExcelJS.Worksheet, col: number, fromRow: number): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  for (let r = fromRow; r <= ws.rowCount; r++) {
    const cell = ws.getCell(r, col);
    if (cell.type === ExcelJS.ValueType.Merge) continue;
    if (text(cell).trim() !== "") out.push(cell);
  }
  return out;
}

/** ExcelJS declares `load` with its own Buffer type (an ArrayBuffer); hand it one. */
function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  // `model.merges` lists the merged ranges as A1:B2 strings.
  return [...(ws.model as unknown as { merges: string[] }).merges].sort();
}

describe("main sample (tracking-2025-q3)", () => {
  let data: SampleData;
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  /** Status text per task id: "30", or "1-5" for sub-item ⑤ of task 1. */
  const statusById = new Map<string, string>();
  const rowById = new Map<string, number>();

  beforeAll(async () => {
    data = await loadSampleData("data/tracking-2025-q3.json");
    wb = await loadXlsx("tracking-2025-q3.xlsx");
    const sheet = wb.getWorksheet("三季度调度表");
    if (!sheet) throw new Error("tracking sheet missing");
    ws = sheet;
    const statusCol = headerColumn(ws, 3, "完成状态");
    for (let r = 4; r <= 102; r++) {
      const number = ws.getCell(r, 1).value;
      const task = text(ws.getCell(r, 2));
      const circled = "①②③④⑤⑥⑦⑧⑨".indexOf(task.charAt(0));
      const id = circled >= 0 ? `${String(number)}-${circled + 1}` : String(number);
      statusById.set(id, text(ws.getCell(r, statusCol)));
      rowById.set(id, r);
    }
  });

  it("has the notes sheet before the tracking sheet", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["填报说明", "三季度调度表"]);
  });

  it("has the expected header row", () => {
    const headers = [];
    for (let c = 1; c <= 10; c++) headers.push(text(ws.getCell(3, c)));
    expect(headers).toEqual([
      "序号",
      "重点工作任务",
      "牵头部门",
      "配合部门",
      "三季度目标任务",
      "三季度进展情况",
      "完成状态",
      "未完成原因",
      "下一步工作",
      "联系人",
    ]);
    expect(sampleLayout(data)).toMatchObject({ headerRows: [3], firstDataRow: 4, lastDataRow: 102, remarkRow: 104 });
  });

  it("has exactly 99 non-empty status cells", () => {
    const cells = ownCells(ws, headerColumn(ws, 3, "完成状态"), 4);
    expect(cells).toHaveLength(99);
    expect(cells[0]!.row).toBe(4);
    expect(cells[cells.length - 1]!.row).toBe(102);
  });

  it("adds up to the reference notice's counts: 2 + 86 + 8 + 2 + 1", () => {
    const statuses = [...statusById.values()];
    const count = (words: string[]) => statuses.filter((s) => words.includes(s)).length;
    expect(statuses).toHaveLength(99);
    expect(count(COMPLETED_WORDS)).toBe(2);
    expect(count(ON_TRACK_WORDS)).toBe(86);
    expect(count(MISSED_WORDS)).toBe(8);
    expect(count(SUSPENDED_WORDS)).toBe(2);
    expect(count(PENDING_WORDS)).toBe(1);
  });

  it("marks tasks 30, 32, 45, 48, 50, 71, 78 and 90 as missed", () => {
    for (const n of [30, 32, 45, 48, 50, 71, 78, 90]) {
      expect(MISSED_WORDS, `task ${n}`).toContain(statusById.get(String(n)));
    }
  });

  it("marks tasks 44 and 74 as suspended and sub-item ⑤ of task 1 as pending", () => {
    expect(SUSPENDED_WORDS).toContain(statusById.get("44"));
    expect(SUSPENDED_WORDS).toContain(statusById.get("74"));
    expect(PENDING_WORDS).toContain(statusById.get("1-5"));
    const r = rowById.get("1-5")!;
    expect(text(ws.getCell(r, 2))).toBe("⑤居民人均可支配收入增长5.5%。");
    expect(text(ws.getCell(r, 3))).toBe("区发改局");
    expect(text(ws.getCell(r, 8))).toBe("三季度数据将于10月中下旬反馈。");
  });

  it("names the two completed tasks as the notice does", () => {
    const completed = data.tasks.filter((t) => COMPLETED_WORDS.includes(t.status));
    expect(completed.map((t) => t.task.slice(0, t.task.indexOf("，")))).toEqual(["全域公园建设", "创建省级和美乡村"]);
  });

  it("merges the task-1 number cell over its 9 sub-rows", () => {
    expect(mergesOf(ws)).toContain("A4:A12");
    expect(ws.getCell("A4").value).toBe(1);
    expect(ws.getCell("A12").type).toBe(ExcelJS.ValueType.Merge);
    expect(ws.getCell("A13").value).toBe(2);
    expect(ws.getCell("A102").value).toBe(91);
  });

  it("keeps missed tasks' reasons and next steps filled in, one reason without its final 。", () => {
    const missed = data.tasks.filter((t) => MISSED_WORDS.includes(t.status));
    for (const t of missed) {
      expect(t.reason, `task ${t.number}`).not.toBe("");
      expect(t.nextSteps, `task ${t.number}`).not.toBe("");
    }
    const unterminated = missed.filter((t) => !t.reason!.endsWith("。")).map((t) => t.number);
    expect(unterminated).toEqual([45]);
  });

  it("carries the department formatting and the conditional format", () => {
    const progressCol = headerColumn(ws, 3, "三季度进展情况");
    const fill = ws.getCell(rowById.get("10")!, progressCol).fill;
    expect(fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } });
    const font = ws.getCell(rowById.get("30")!, headerColumn(ws, 3, "完成状态")).font;
    expect(font).toMatchObject({ bold: true, color: { argb: "FFFF0000" } });
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(cfs.map((cf) => cf.ref)).toEqual(["G4:G102"]);
  });

  it("has the remark row merged across the table after one blank row", () => {
    expect(mergesOf(ws)).toContain("A104:J104");
    expect(text(ws.getCell("A104"))).toMatch(/^备注：/);
    for (let c = 1; c <= 10; c++) expect(text(ws.getCell(103, c))).toBe("");
  });
});

describe("variant sample (tracking-variant)", () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    wb = await loadXlsx("tracking-variant.xlsx");
    const sheet = wb.getWorksheet("一季度推进情况");
    if (!sheet) throw new Error("tracking sheet missing");
    ws = sheet;
  });

  it("has a sheet before and a sheet after the tracking sheet", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["填报说明", "一季度推进情况", "联系人"]);
  });

  it("has a two-row header with group cells and vertical merges", () => {
    const merges = mergesOf(ws);
    for (const m of ["A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:F4", "G3:H3", "I3:I4"]) expect(merges).toContain(m);
    expect(text(ws.getCell("C3"))).toBe("责任\n单位");
    expect(text(ws.getCell("D3"))).toBe("推进情况");
    expect([text(ws.getCell("D4")), text(ws.getCell("E4"))]).toEqual(["节点目标", "完成情况"]);
    expect([text(ws.getCell("G4")), text(ws.getCell("H4"))]).toEqual(["存在问题", "下步措施"]);
  });

  it("has 20 status cells with the variant's status words", () => {
    const statuses = ownCells(ws, 6, 5).map(text);
    expect(statuses).toHaveLength(20);
    for (const s of statuses) {
      expect([...COMPLETED_WORDS, ...ON_TRACK_WORDS, ...MISSED_WORDS, ...SUSPENDED_WORDS, ...PENDING_WORDS]).toContain(s);
    }
    for (const w of ["提前完成", "达进度", "滞后序时", "进度滞后", "暂缓实施", "待定"]) expect(statuses).toContain(w);
  });

  it("writes task numbers as text, one with full-width digits", () => {
    const numbers = ownCells(ws, 1, 5).map(text);
    expect(numbers.slice(0, 20)).toContain("第１２项");
    expect(numbers[0]).toBe("第1项");
    expect(numbers[19]).toBe("第20项");
  });

  it("merges a department over consecutive rows", () => {
    expect(mergesOf(ws)).toContain("C7:C9");
    expect(text(ws.getCell("C9"))).toBe("区住建局");
  });

  it("stores reasons starting with =, + and - as text, never as formulas", () => {
    const reasons = ownCells(ws, 7, 5);
    for (const lead of ["=", "+", "-"]) {
      const cell = reasons.find((c) => text(c).startsWith(lead));
      expect(cell, `reason starting with ${lead}`).toBeDefined();
      expect(cell!.type).toBe(ExcelJS.ValueType.String);
      expect(cell!.numFmt).toBe("@");
    }
  });

  it("has one missed task with an empty 存在问题", () => {
    const empty = [];
    for (let r = 5; r <= 24; r++) {
      if (MISSED_WORDS.includes(text(ws.getCell(r, 6))) && text(ws.getCell(r, 7)) === "") empty.push(r);
    }
    expect(empty).toHaveLength(1);
  });

  it("has the remark row after one blank row", () => {
    expect(text(ws.getCell("A25"))).toBe("");
    expect(text(ws.getCell("A26"))).toMatch(/^备注：/);
    expect(mergesOf(ws)).toContain("A26:I26");
  });
});

describe("data files and committed workbooks agree", () => {
  const pairs = [
    { data: "data/tracking-2025-q3.json", xlsx: "tracking-2025-q3.xlsx" },
    { data: "data/tracking-variant.json", xlsx: "tracking-variant.xlsx" },
  ];

  for (const pair of pairs) {
    it(`${pair.xlsx} matches a rebuild from ${pair.data}`, async () => {
      const data = await loadSampleData(pair.data);
      // Rebuild in memory and read it back, so both sides went through the same reader.
      const rebuilt = new ExcelJS.Workbook();
      await rebuilt.xlsx.load(arrayBufferOf(await sampleBytes(data)));
      const committed = await loadXlsx(pair.xlsx);
      expect(committed.worksheets.map((w) => w.name)).toEqual(rebuilt.worksheets.map((w) => w.name));
      for (const want of rebuilt.worksheets) {
        const got = committed.getWorksheet(want.name)!;
        expect(got.rowCount, want.name).toBe(want.rowCount);
        expect(got.columnCount, want.name).toBe(want.columnCount);
        for (let r = 1; r <= want.rowCount; r++) {
          for (let c = 1; c <= want.columnCount; c++) {
            const a = got.getCell(r, c);
            const b = want.getCell(r, c);
            expect(a.value, `${want.name}!${b.address}`).toEqual(b.value);
          }
        }
        expect(mergesOf(got), want.name).toEqual(mergesOf(want));
      }
    });
  }

  it("committed files are exactly what the build script writes today", async () => {
    const { readFile } = await import("node:fs/promises");
    for (const pair of pairs) {
      const built = await sampleBytes(await loadSampleData(pair.data));
      const committed = await readFile(path.join(SAMPLES_DIR, pair.xlsx));
      expect(built.equals(committed), `${pair.xlsx} is stale: run npx tsx samples/build-samples.ts`).toBe(true);
    }
  });

  it("never writes a formula", async () => {
    for (const pair of pairs) {
      const wb = await loadXlsx(pair.xlsx);
      for (const ws of wb.worksheets) {
        ws.eachRow((row) => {
          row.eachCell((cell) => {
            expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          });
        });
      }
    }
  });

  it("builds byte-identical files from the same data", async () => {
    const data = await loadSampleData("data/tracking-variant.json");
    const a = await sampleBytes(data);
    const b = await sampleBytes(data);
    expect(a.equals(b)).toBe(true);
    expect(buildSample(data).created.toISOString()).toBe("2025-10-10T00:00:00.000Z");
  });

  it("fixes zip timestamps without touching anything else", async () => {
    const data = await loadSampleData("data/tracking-variant.json");
    const raw = Buffer.from((await buildSample(data).xlsx.writeBuffer()) as ArrayBuffer);
    const fixed = fixZipTimestamps(raw);
    expect(fixed.length).toBe(raw.length);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(arrayBufferOf(fixed));
    expect(reread.getWorksheet("一季度推进情况")?.getCell("A5").value).toBe("第1项");
  });
});
