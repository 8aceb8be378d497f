/**
 * Node only: the bundled samples as double models, and a large tracking
 * sheet built from the main sample's rows.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ExcelDouble, type DoubleOptions } from "./double";
import { cellKey, cloneModel, parseArea, parseCellKey, rectAddress, type SheetModel, type WorkbookModel } from "./model";
import { loadModel } from "./xlsx";

export const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../samples");

const cache = new Map<string, WorkbookModel>();

/** A fresh copy of a sample's model (`tracking-2025-q3.xlsx`, `tracking-variant.xlsx`). */
export async function sampleModel(file: string): Promise<WorkbookModel> {
  let model = cache.get(file);
  if (!model) {
    model = await loadModel(path.join(SAMPLES, file));
    cache.set(file, model);
  }
  return cloneModel(model);
}

/** A double over the model with `Office` and `Excel` installed on the global object; call `restore` after. */
export function installDouble(model: WorkbookModel, options: DoubleOptions = {}): { excel: ExcelDouble; restore: () => void } {
  const excel = new ExcelDouble(model, options);
  const restore = excel.install();
  return { excel, restore };
}

/**
 * The main sample with its tracking sheet grown to `rows` data rows: the 99
 * sample rows repeated, task numbers continued (task 1's merged number cell
 * and sub-items repeat with each copy), the remark row moved under the table.
 */
export async function largeTrackingModel(rows: number): Promise<WorkbookModel> {
  const model = await sampleModel("tracking-2025-q3.xlsx");
  const sheet = model.sheets.find((s) => s.name === "三季度调度表")!;
  const FIRST = 3; // 0-based row of the first data row (sheet row 4)
  const LAST = 101; // sheet row 102
  const block = LAST - FIRST + 1;
  const cells: SheetModel["cells"] = {};
  const rowsOf = new Map<number, [number, SheetModel["cells"][string]][]>();
  let remark: [number, SheetModel["cells"][string]][] = [];
  for (const [key, cell] of Object.entries(sheet.cells)) {
    const { row, col } = parseCellKey(key);
    if (row < FIRST) cells[key] = cell;
    else if (row <= LAST) {
      if (!rowsOf.has(row)) rowsOf.set(row, []);
      rowsOf.get(row)!.push([col, cell]);
    } else if (row === LAST + 2) remark.push([col, cell]);
  }
  let maxNumber = 0;
  for (const [col, cell] of rowsOf.get(LAST)!) if (col === 0 && typeof cell.value === "number") maxNumber = cell.value;
  const merges = sheet.merges.filter((m) => parseArea(m)!.row < FIRST);
  const dataMerges = sheet.merges.map((m) => parseArea(m)!).filter((m) => m.row >= FIRST && m.row <= LAST);
  for (let i = 0; i < rows; i++) {
    const copy = Math.floor(i / block);
    const source = FIRST + (i % block);
    const target = FIRST + i;
    for (const [col, cell] of rowsOf.get(source) ?? []) {
      const c = JSON.parse(JSON.stringify(cell)) as typeof cell;
      if (col === 0 && typeof c.value === "number") c.value += copy * maxNumber;
      cells[cellKey(target, col)] = c;
    }
    for (const m of dataMerges) {
      if (m.row === source && target + m.rowCount - 1 < FIRST + rows) merges.push(rectAddress({ ...m, row: target }));
    }
    const h = sheet.rowHeights[String(source + 1)];
    if (h !== undefined) sheet.rowHeights[String(target + 1)] = h;
  }
  const remarkRow = FIRST + rows + 1;
  remark = remark.map(([col, cell]) => [col, cell]);
  for (const [col, cell] of remark) cells[cellKey(remarkRow, col)] = cell;
  merges.push(rectAddress({ row: remarkRow, col: 0, rowCount: 1, colCount: 10 }));
  sheet.cells = cells;
  sheet.merges = merges;
  sheet.conditionalFormats = sheet.conditionalFormats.map((cf) => ({ ...cf, ranges: [`G4:G${FIRST + rows}`] }));
  return model;
}
