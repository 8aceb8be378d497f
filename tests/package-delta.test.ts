/**
 * The command line changes only what it adds. On the sample with a custom
 * XML part, a chart, a whole-column dropdown, Word-pasted text and (as
 * `.xlsm`) a macro part, every part of the output is the input's byte for
 * byte but the five the tool edits, and those differ from the input only by
 * insertions (and their lists' counts); every `<sheetData>` is the input's.
 * Re-running on the output changes nothing, `--clear` gives the tracking
 * sheet back as it was, and the copy reads back through the Office.js
 * double's xlsx loader with the input sheets' cells unchanged.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { HIGHLIGHT_MARKER, NOTICE_MARKER, prepareNotice, type RunOptions, type SheetPlan } from "../src/core";
import { clearOnWorkbook, openWorkbook, readWorkbookGrid, runOnWorkbook, writeWorkbook } from "../src/hosts/xlsx-package";
import { planEdits } from "../src/hosts/xlsx-package/write";
import { ZipReader } from "../src/hosts/xlsx-package/zip";
import { cellText, type WorkbookModel } from "./excel-double";
import { loadModel } from "./excel-double/xlsx";
import { handMadeDepartmentSheet } from "./fixtures/department-plan";
import { MACRO_BYTES, PASTED, SAMPLE, TRACKING_PART, WHOLE_COLUMN_VALIDATION, sampleWithParts, withWholeColumnValidation } from "./fixtures/package-parts";

const OPTIONS: RunOptions = { today: "2025-10-29", settings: { date: "2025-10-29" } };
/** The parts the tool edits; every other part is copied. */
const EDITED = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", TRACKING_PART];
const NOTICE_PART = "xl/worksheets/sheet3.xml";
const DEPARTMENT_PART = "xl/worksheets/sheet4.xml";
/** The parts a run adds: the notice sheet, the department sheet with its drawing and chart (numbered past the input's own). */
const ADDED = [NOTICE_PART, DEPARTMENT_PART, "xl/worksheets/_rels/sheet4.xml.rels", "xl/drawings/drawing2.xml", "xl/drawings/_rels/drawing2.xml.rels", "xl/charts/chart2.xml"];

async function run(bytes: Buffer, options: RunOptions = OPTIONS): Promise<Buffer> {
  const book = await openWorkbook(bytes, "input.xlsx");
  return writeWorkbook(book, runOnWorkbook(book, options).edits);
}

async function clear(bytes: Buffer): Promise<{ bytes: Buffer; removed: number }> {
  const book = await openWorkbook(bytes, "input.xlsx");
  const { edits, removed } = clearOnWorkbook(book);
  return { bytes: await writeWorkbook(book, edits), removed };
}

/** Every part (not folders), uncompressed. */
function parts(bytes: Buffer): Map<string, Buffer> {
  const zip = new ZipReader(bytes);
  return new Map(zip.entries.filter((e) => !e.isDirectory).map((e) => [e.name, zip.read(e)]));
}

/**
 * The tokens (a tag with the text after it) `after` has beyond `before`,
 * when `after` is `before` with tokens inserted; lists' `count` attributes
 * may differ. Throws when `before` is not kept in order.
 */
function insertions(before: string, after: string): string {
  const tokens = (xml: string) => xml.split(/(?=<)/).map((t) => t.replace(/(\s)count="\d+"/, '$1count="#"'));
  const a = tokens(before);
  const b = tokens(after);
  let i = 0;
  const inserted: string[] = [];
  for (const token of b) {
    if (i < a.length && token === a[i]) i++;
    else inserted.push(token);
  }
  if (i !== a.length) throw new Error(`not kept: ${a.slice(i, i + 3).join("")}`);
  return inserted.join("");
}

const sheetData = (xml: string) => /<sheetData[\s\S]*?(<\/sheetData>|<sheetData\/>)/.exec(xml)?.[0] ?? /<sheetData\/>/.exec(xml)?.[0];

function inputSheetCells(model: WorkbookModel, names: readonly string[]) {
  return model.sheets
    .filter((s) => names.includes(s.name))
    .map((s) => ({ name: s.name, cells: Object.fromEntries(Object.entries(s.cells).map(([k, c]) => [k, [cellText(c), c.numberFormat ?? null, c.font ?? null, c.fill ?? null]])) }));
}

describe.each([
  { what: ".xlsx with a custom XML part and a chart", macros: false },
  { what: ".xlsm with its macro part", macros: true },
])("the copy of an $what", ({ macros }) => {
  it("keeps every part it does not edit byte for byte, and edits its own only by insertions", async () => {
    const input = await sampleWithParts({ macros, dropdown: true });
    const output = await run(input);
    const before = parts(input);
    const after = parts(output);
    expect([...after.keys()].sort()).toEqual([...before.keys(), ...ADDED].sort());
    for (const [name, bytes] of before) {
      if (EDITED.includes(name)) continue;
      expect(after.get(name)!.equals(bytes), name).toBe(true);
    }
    for (const name of ["customXml/item1.xml", "xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/sharedStrings.xml"]) expect(before.has(name), name).toBe(true);
    if (macros) expect(after.get("xl/vbaProject.bin")!.equals(MACRO_BYTES)).toBe(true);
    // Unchanged parts are even stored as they were: the same compressed bytes.
    const zin = new ZipReader(input);
    const zout = new ZipReader(output);
    for (const e of zin.entries) if (!EDITED.includes(e.name)) expect(zout.raw(zout.get(e.name)!).equals(zin.raw(e)), e.name).toBe(true);

    const text = (m: Map<string, Buffer>, name: string) => m.get(name)!.toString("utf8");
    // Each edited part: the input's tokens in order, with only the tool's own between them.
    const added = Object.fromEntries(EDITED.map((name) => [name, insertions(text(before, name), text(after, name))]));
    expect(added[TRACKING_PART]).toMatch(/^<conditionalFormatting sqref="[A-J0-9: ]+"><cfRule type="expression" dxfId="\d+" priority="2"><formula>N\("supervision-notice:missed"\)=0<\/formula><\/cfRule><\/conditionalFormatting>$/);
    // …after the sheet's own rules, before the dropdown (the schema's order).
    const sheet = text(after, TRACKING_PART);
    expect(sheet.indexOf(HIGHLIGHT_MARKER)).toBeLessThan(sheet.indexOf(WHOLE_COLUMN_VALIDATION));
    const printArea = (part: string, col: string) => `$A$1:$${col}$${(/<dimension ref="A1:[A-Z]+(\d+)"/.exec(text(after, part)) ?? [])[1]}`;
    expect(added["xl/workbook.xml"]).toBe(
      `<sheet name="三季度督查通报" sheetId="3" r:id="rId6"/><sheet name="三季度部门情况" sheetId="4" r:id="rId7"/>` +
        `<definedName name="_xlnm.Print_Area" localSheetId="2">'三季度督查通报'!${printArea(NOTICE_PART, "A")}</definedName>` +
        `<definedName name="_xlnm.Print_Area" localSheetId="3">'三季度部门情况'!${printArea(DEPARTMENT_PART, "J")}</definedName>`,
    );
    expect(added["xl/_rels/workbook.xml.rels"]).toBe(
      '<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>' +
        '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet4.xml"/>',
    );
    expect(added["[Content_Types].xml"]).toBe(
      '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet4.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(added["xl/styles.xml"]).toMatch(/^(<(numFmt|font|sz|name|b|color|xf|alignment|dxf|fill|patternFill|bgColor|fgColor|border|left|right|top|bottom|diagonal)[^>]*>|<\/(font|xf|dxf|fill|patternFill|border|left|right|top|bottom)>)+$/);
    // The department sheet's chart: a clustered bar chart over the sheet's own cells.
    const chart = text(after, "xl/charts/chart2.xml");
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(chart).toMatch(/<c:cat><c:strRef><c:f>'三季度部门情况'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+<\/c:f><c:strCache><c:ptCount val="\d+"\/><c:pt idx="0"><c:v>区/);
    expect(text(after, DEPARTMENT_PART)).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    if (macros) expect(text(after, "[Content_Types].xml")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");

    // Every input sheet's <sheetData>, as it was.
    for (const name of ["xl/worksheets/sheet1.xml", TRACKING_PART]) expect(sheetData(text(after, name))).toBe(sheetData(text(before, name)));

    // The notice sheet: every text an inline string in a text-formatted cell, and the tool's marker.
    const notice = text(after, NOTICE_PART);
    expect(notice).toContain(`<c r="B1" s="`);
    expect(notice).toContain(`<t xml:space="preserve">${NOTICE_MARKER}</t>`);
    expect(notice).not.toMatch(/<f>|t="s"/);
  });

  it("changes nothing when run again on its own copy, and --clear gives the tracking sheet back", async () => {
    const input = await sampleWithParts({ macros, dropdown: true });
    const once = await run(input);
    const twice = await run(once);
    const first = parts(once);
    for (const [name, bytes] of parts(twice)) expect(bytes.equals(first.get(name)!), name).toBe(true);
    expect(parts(twice).size).toBe(first.size);

    const cleared = await clear(twice);
    expect(cleared.removed).toBe(1);
    const back = parts(cleared.bytes);
    const original = parts(input);
    expect(back.get(TRACKING_PART)!.equals(original.get(TRACKING_PART)!)).toBe(true);
    for (const [name, bytes] of back) if (name !== TRACKING_PART) expect(bytes.equals(first.get(name)!), name).toBe(true);
    // Nothing of the tool's left to clear.
    expect((await clear(cleared.bytes)).removed).toBe(0);
  });

  // Without the whole-column dropdown, which ExcelJS (under the double's loader) expands cell by cell.
  it("reads back through the Office.js double's xlsx loader with the input sheets' cells unchanged", async () => {
    const input = await sampleWithParts({ macros });
    const [before, after] = await Promise.all([loadModel(input), run(input).then(loadModel)]);
    const names = before.sheets.map((s) => s.name);
    expect(after.sheets.map((s) => s.name)).toEqual([...names, "三季度督查通报", "三季度部门情况"]);
    expect(inputSheetCells(after, names)).toEqual(inputSheetCells(before, names));
    const notice = after.sheets.at(-2)!;
    expect(cellText(notice.cells.B1 ?? {})).toBe(NOTICE_MARKER);
    expect(Object.keys(notice.cells).length).toBeGreaterThan(100);
    const tracking = after.sheets.find((s) => s.name === "三季度调度表")!;
    expect(tracking.conditionalFormats.filter((cf) => cf.formula?.includes(HIGHLIGHT_MARKER))).toHaveLength(1);
  });
});

describe("reading as Excel shows the cells", () => {
  it("decodes Word-pasted _x000D_ and _x000B_ as the characters Excel shows", async () => {
    const grid = await readWorkbookGrid(await sampleWithParts());
    const texts = grid.sheets.flatMap((s) => s.values.flat());
    expect(texts).toContain(PASTED);
  });

  it("takes a dropdown over whole columns (A4:H1048576) in its stride", async () => {
    const validated = await withWholeColumnValidation(readFileSync(SAMPLE));
    const t0 = performance.now();
    const output = await run(validated);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(5_000);
    expect(parts(output).get(TRACKING_PART)!.toString("utf8")).toContain('sqref="A4:H1048576"');
  });
});

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * A workbook as some generators write it: every element with the `x:`
 * prefix, inline strings, the 1904 date system, built-in number formats,
 * and (`styles: false`) no styles part at all.
 */
async function prefixedWorkbook(styles: boolean): Promise<Buffer> {
  const zip = new JSZip();
  const is = (ref: string, text: string) => `<x:c r="${ref}" t="inlineStr"><x:is><x:t>${text}</x:t></x:is></x:c>`;
  const rows = [
    `<x:row r="1">${["序号", "重点工作任务", "牵头部门", "完成状态", "未完成原因", "下一步工作", "完成时间", "完成率"].map((h, c) => is(`${"ABCDEFGH"[c]}1`, h)).join("")}</x:row>`,
    `<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c>${is("B2", "修建道路")}${is("C2", "区交通局")}${is("D2", "未完成")}${is("E2", "资金未到位")}${is("F2", "=加快拨付")}<x:c r="G2" s="1"><x:v>44468</x:v></x:c><x:c r="H2" s="2"><x:v>0.6</x:v></x:c></x:row>`,
    `<x:row r="3"><x:c r="A3"><x:v>2</x:v></x:c>${is("B3", "建设公园")}${is("C3", "区园林局")}${is("D3", "已完成")}<x:c r="G3" s="3"><x:v>44468</x:v></x:c></x:row>`,
  ];
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ""}</Types>`,
  );
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${MAIN}" xmlns:r="${RELS}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="调度表" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/>${styles ? `<Relationship Id="rId2" Type="${RELS}/styles" Target="styles.xml"/>` : ""}</Relationships>`,
  );
  if (styles) {
    zip.file(
      "xl/styles.xml",
      `<?xml version="1.0" encoding="UTF-8"?><x:styleSheet xmlns:x="${MAIN}"><x:fonts count="1"><x:font><x:sz val="11"/><x:name val="宋体"/></x:font></x:fonts><x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border/></x:borders><x:cellXfs count="4"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="31" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><x:xf numFmtId="9" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><x:xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>`,
    );
  }
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}" xmlns:r="${RELS}"><x:sheetData>${rows.join("")}</x:sheetData></x:worksheet>`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("workbooks written by other generators", () => {
  it("reads inline strings, the 1904 date system and Chinese Excel's built-in formats (31: 2025年9月30日, 9: 60%, 14: 2025/9/30)", async () => {
    const grid = await readWorkbookGrid(await prefixedWorkbook(true));
    expect(grid.sheets[0]!.values[1]).toEqual([1, "修建道路", "区交通局", "未完成", "资金未到位", "=加快拨付", "2025年9月30日", "60%"]);
    expect(grid.sheets[0]!.values[2]![6]).toBe("2025/9/30");
  });

  it.each([true, false])("writes its parts with the document's own prefix (styles part present: %s)", async (styles) => {
    const input = await prefixedWorkbook(styles);
    const output = await run(input);
    const after = parts(output);
    const workbook = after.get("xl/workbook.xml")!.toString("utf8");
    expect(workbook).toContain('<x:sheet name="督查通报" sheetId="2" r:id="rId');
    expect(workbook).toMatch(/<x:definedNames><x:definedName name="_xlnm.Print_Area" localSheetId="1">'督查通报'!\$A\$1:\$A\$\d+<\/x:definedName><x:definedName name="_xlnm.Print_Area" localSheetId="2">'[^']*部门情况'!\$A\$1:\$[A-Z]+\$\d+<\/x:definedName><\/x:definedNames><\/x:workbook>$/);
    expect(after.get("xl/worksheets/sheet1.xml")!.toString("utf8")).toMatch(/<\/x:sheetData><x:conditionalFormatting sqref="A2:H2"><x:cfRule type="expression" dxfId="0" priority="1">/);
    const stylesXml = after.get("xl/styles.xml")!.toString("utf8");
    expect(stylesXml).toContain(styles ? "<x:dxfs count=\"1\"><x:dxf>" : "<dxfs count=\"1\"><dxf>");
    if (!styles) {
      expect(after.get("[Content_Types].xml")!.toString("utf8")).toContain('<Override PartName="/xl/styles.xml"');
      expect(after.get("xl/_rels/workbook.xml.rels")!.toString("utf8")).toMatch(/Type="[^"]*\/styles" Target="styles.xml"/);
    }
    // The copy reads back: the notice's text as written, never a formula.
    const grid = await readWorkbookGrid(output);
    const notice = grid.sheets.find((s) => s.name === "督查通报")!;
    expect(notice.values[0]![1]).toBe(NOTICE_MARKER);
    expect(notice.values.flat()).toContain("\u3000\u3000下一步工作：=加快拨付。");
    // And runs again to the same copy.
    const again = parts(await run(output));
    for (const [name, bytes] of again) expect(bytes.equals(after.get(name)!), name).toBe(true);
  });
});

describe("tool sheets with charts (a hand-made department sheet beside the notice)", () => {
  const department = handMadeDepartmentSheet("三季度部门情况", 6);
  /** The copy with the job's notice sheet and `sheets` (the department sheet by default) written. */
  async function runWith(bytes: Buffer, sheets: readonly SheetPlan[] = [department]): Promise<Buffer> {
    const book = await openWorkbook(bytes, "input.xlsx");
    const job = prepareNotice(book.read.grid, OPTIONS);
    return writeWorkbook(book, planEdits(book.pkg, book.read, [job.noticeSheet, ...sheets], job.highlight));
  }
  const NEW_PARTS = ["xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/_rels/sheet4.xml.rels", "xl/drawings/drawing2.xml", "xl/drawings/_rels/drawing2.xml.rels", "xl/charts/chart2.xml"];

  it("adds a drawing and a chart part beside the input's own chart, which stays byte for byte", async () => {
    const input = await sampleWithParts({ dropdown: true });
    const output = await runWith(input);
    const before = parts(input);
    const after = parts(output);
    expect([...after.keys()].sort()).toEqual([...before.keys(), ...NEW_PARTS].sort());
    for (const [name, bytes] of before) if (!EDITED.includes(name)) expect(after.get(name)!.equals(bytes), name).toBe(true);
    const text = (name: string) => after.get(name)!.toString("utf8");

    expect(insertions(before.get("[Content_Types].xml")!.toString("utf8"), text("[Content_Types].xml"))).toBe(
      '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet4.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(insertions(before.get("xl/workbook.xml")!.toString("utf8"), text("xl/workbook.xml"))).toMatch(
      /^<sheet name="三季度督查通报" sheetId="3" r:id="rId6"\/><sheet name="三季度部门情况" sheetId="4" r:id="rId7"\/><definedName name="_xlnm.Print_Area" localSheetId="2">[^<]+<\/definedName><definedName name="_xlnm.Print_Area" localSheetId="3">'三季度部门情况'!\$A\$1:\$G\$21<\/definedName>$/,
    );
    // The sheet: numbers as numbers in a number-formatted style, its drawing last.
    const sheet = text("xl/worksheets/sheet4.xml");
    expect(sheet).toMatch(/<c r="E3" s="\d+"><v>100<\/v><\/c>/);
    expect(sheet).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    expect(text("xl/worksheets/_rels/sheet4.xml.rels")).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing2.xml"');
    expect(text("xl/drawings/_rels/drawing2.xml.rels")).toContain('Target="../charts/chart2.xml"');
    expect(text("xl/drawings/drawing2.xml")).toContain("<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>9</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>21</xdr:row>");
    const chart = text("xl/charts/chart2.xml");
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(chart).toContain("<c:f>'三季度部门情况'!$A$3:$A$8</c:f><c:strCache><c:ptCount val=\"6\"/><c:pt idx=\"0\"><c:v>区部门1</c:v></c:pt>");
    expect(chart).toContain("<c:f>'三季度部门情况'!$E$3:$E$8</c:f><c:numCache><c:formatCode>0.00</c:formatCode><c:ptCount val=\"6\"/><c:pt idx=\"0\"><c:v>100</c:v></c:pt><c:pt idx=\"1\"><c:v>83.33</c:v></c:pt>");
    expect(chart).toContain('<c:orientation val="maxMin"/>');
    expect(chart).toContain('<c:max val="100"/><c:min val="0"/>');
    expect(chart).toContain('<a:srgbClr val="4472C4"/>');
    // The number format the shares need is a built-in one (0.00): styles.xml gains no custom format.
    const styles = text("xl/styles.xml");
    expect(styles).toMatch(/<xf numFmtId="2" fontId="\d+" fillId="0" borderId="0"/);
  });

  it("runs again to the same copy, and a sheet without its chart leaves no drawing or chart behind", async () => {
    const input = await sampleWithParts();
    const once = await runWith(input);
    const twice = await runWith(once);
    const first = parts(once);
    expect(parts(twice).size).toBe(first.size);
    for (const [name, bytes] of parts(twice)) expect(bytes.equals(first.get(name)!), name).toBe(true);

    const withoutChart = parts(await runWith(once, [{ ...department, charts: [] }]));
    expect([...withoutChart.keys()].sort()).toEqual([...parts(input).keys(), "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"].sort());
    const types = withoutChart.get("[Content_Types].xml")!.toString("utf8");
    expect(types).not.toContain("drawing2");
    expect(types).not.toContain("chart2");
    expect(types).toContain("/xl/charts/chart1.xml");
    expect(withoutChart.get("xl/worksheets/sheet4.xml")!.toString("utf8")).not.toContain("<drawing");
    // And with two charts, both parts, numbered past the input's.
    const two = parts(await runWith(once, [{ ...department, charts: [department.charts![0]!, { ...department.charts![0]!, title: "又一" }] }]));
    expect([...two.keys()].filter((n) => /chart\d|drawing\d/.test(n)).sort()).toEqual(
      ["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/drawings/_rels/drawing2.xml.rels", "xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml"].sort(),
    );
  });

  it("refuses a sheet of the department sheet's name that is not the tool's, writing nothing", async () => {
    const input = await sampleWithParts();
    const book = await openWorkbook(input, "input.xlsx");
    const job = prepareNotice(book.read.grid, OPTIONS);
    const taken = { ...department, name: "三季度调度表" };
    expect(() => planEdits(book.pkg, book.read, [job.noticeSheet, taken], job.highlight)).toThrow(/三季度调度表/);
  });

  it("reads back through ExcelJS (the double's loader) with numbers, formats, fills and the chart", async () => {
    const model = await loadModel(await runWith(await sampleWithParts()));
    const sheet = model.sheets.find((s) => s.name === "三季度部门情况")!;
    expect(sheet.cells.E4).toMatchObject({ value: 83.33, numberFormat: "0.00" });
    expect(sheet.cells.F3).toMatchObject({ value: "红", fill: "#FF0000" });
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        type: "BarClustered",
        title: "三季度各部门完成率",
        series: [{ name: "完成率（%）", values: "三季度部门情况!E3:E8", categories: "三季度部门情况!A3:A8", fill: "#4472C4" }],
        position: { start: "A10", end: "G21" },
        valueAxis: { minimum: 0, maximum: 100, numberFormat: "0" },
        categoryAxis: { reversePlotOrder: true, position: "Maximum", tickLabelSpacing: 1 },
      }),
    ]);
    // The input's own chart, on the tracking sheet, is read too.
    expect(model.sheets.find((s) => s.name === "三季度调度表")!.charts).toHaveLength(1);
  });
});
