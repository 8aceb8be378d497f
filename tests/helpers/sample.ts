/** The bundled samples as the core's grid, read as the command line reads them (one place to change when the host does). */
import type { WorkbookGrid } from "../../src/core";
import { readWorkbookGrid } from "../../src/hosts/xlsx-package";

export async function sampleGrid(file = "samples/tracking-2025-q3.xlsx"): Promise<WorkbookGrid> {
  return readWorkbookGrid(file);
}

/** The settings the golden notice is written with. */
export const GOLDEN_SETTINGS = { government: "淄川区人民政府", issuer: "淄川区人民政府办公室", date: "2025-10-29" } as const;
