/**
 * The print setup of the notice sheet through Office.js, over the strict
 * double: the sheet prints at the plan's scale, with odd and even footers
 * of their own (ExcelApi 1.9's HeaderFooterGroup.state and oddPages /
 * evenPages), and the file a user saves keeps them (differentOddEven).
 */
import { afterEach, describe, expect, it } from "vitest";
import { LINE_ROW_HEIGHT, PRINT_SCALE } from "../src/core/layout/notice-sheet";
import { generateNotice } from "../src/hosts/officejs";
import { installDouble, sampleModel } from "./excel-double/samples";
import { loadModel, saveModel } from "./excel-double/xlsx";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

describe("the notice sheet as printed, written through Office.js", () => {
  it("prints at 97 % from page 1 with page numbers right on odd pages and left on even pages", async () => {
    const model = await sampleModel("tracking-2025-q3.xlsx");
    const installed = installDouble(model);
    restore = installed.restore;
    const job = await generateNotice(installed.excel.context() as unknown as Excel.RequestContext, "2025-10-29");
    const sheet = model.sheets.find((s) => s.name === job.noticeSheet.name)!;
    const layout = sheet.pageLayout;
    expect(layout.zoom).toEqual({ scale: PRINT_SCALE });
    expect(layout.firstPageNumber).toBe(1);
    expect(layout.headerFooterState).toBe("OddAndEven");
    expect(layout.footers?.odd).toEqual({ left: "", center: "", right: '&"宋体,Regular"&14— &P —\u3000' });
    expect(layout.footers?.even).toEqual({ left: '&"宋体,Regular"&14\u3000— &P —', center: "", right: "" });
    // Every row one printed line, all of one height.
    const heights = new Set(Object.values(sheet.rowHeights));
    expect([...heights]).toEqual([LINE_ROW_HEIGHT]);
    expect(Object.keys(sheet.rowHeights).length).toBeGreaterThan(100);

    // The saved file keeps the scale and the odd/even footers.
    const reread = await loadModel(await saveModel(model));
    const again = reread.sheets.find((s) => s.name === job.noticeSheet.name)!.pageLayout;
    expect(again.zoom).toEqual({ scale: PRINT_SCALE });
    expect(again.firstPageNumber).toBe(1);
    expect(again.headerFooterState).toBe("OddAndEven");
    expect(again.footers).toEqual(layout.footers);
  });

  it("refuses a header/footer state Excel does not know, as Excel does", async () => {
    const model = await sampleModel("tracking-2025-q3.xlsx");
    const installed = installDouble(model);
    restore = installed.restore;
    const ctx = installed.excel.context() as unknown as Excel.RequestContext;
    ctx.workbook.worksheets.getItem("三季度调度表").pageLayout.headersFooters.state = "OddOnly" as Excel.HeaderFooterState;
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
