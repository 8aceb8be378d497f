import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { InputError, prepareNotice, STATUS_WORDS, type CellValue, type SheetGrid } from "../../src/core";
import { HEADER } from "../helpers/grid";

const words = [...Object.values(STATUS_WORDS).flat(), ...HEADER, "第３０项", "①甲", "备注：", "", " ", "\n", "=A1", "-1", "+x", "序号", "编号"];
const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...words),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 120 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
);

const grid: fc.Arbitrary<SheetGrid> = fc
  .record({
    values: fc.array(fc.array(value, { maxLength: 10 }), { maxLength: 14 }),
    merges: fc.array(
      fc.record({ row: fc.nat(15), col: fc.nat(10), rowCount: fc.integer({ min: 1, max: 5 }), colCount: fc.integer({ min: 1, max: 4 }) }),
      { maxLength: 5 },
    ),
    header: fc.boolean(),
    at: fc.nat(6),
  })
  .map(({ values, merges, header, at }) => {
    const rows = values.map((r) => [...r]);
    if (header) rows.splice(Math.min(at, rows.length), 0, [...HEADER]);
    return { name: "表", values: rows, merges };
  });

describe("the reader on strange grids (property)", () => {
  it("either reports that there is no table or returns a complete, consistent job — it never throws anything else", () => {
    let jobs = 0;
    fc.assert(
      fc.property(grid, fc.integer({ min: 0, max: 4 }), (sheet, decimals) => {
        let job;
        try {
          job = prepareNotice({ sheets: [sheet] }, { today: "2025-10-29", settings: { decimals } });
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          return;
        }
        jobs++;
        const { statistics, tasks } = job.analysis;
        expect(statistics.total).toBe(tasks.filter((t) => t.category !== null).length);
        const sum = Object.values(statistics.percentages).reduce((a, p) => a + Number(p), 0);
        if (statistics.total > 0) expect(sum).toBeCloseTo(100, 6);
        for (const h of job.noticeSheet.rowHeights) expect(h.height).toBeLessThanOrEqual(409);
        for (const i of job.analysis.issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 400 },
    );
    // The generator must reach the reader's interesting paths, not only "no table".
    expect(jobs).toBeGreaterThan(40);
  });
});
