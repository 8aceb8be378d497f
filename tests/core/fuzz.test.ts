import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { InputError, noticeText, prepareNotice, STATUS_WORDS, type CellValue, type SheetGrid } from "../../src/core";
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
    // Rows shaped like the header's columns, with a real status word, so most headers have tasks under them.
    tasks: fc.array(fc.tuple(fc.array(value, { minLength: 8, maxLength: 8 }), fc.constantFrom(...Object.values(STATUS_WORDS).flat())), {
      maxLength: 4,
    }),
  })
  .map(({ values, merges, header, at, tasks }) => {
    const rows = values.map((r) => [...r]);
    if (header) {
      const taskRows = tasks.map(([cells, status]) => cells.map((c, i) => (i === 5 ? status : c)));
      rows.splice(Math.min(at, rows.length), 0, [...HEADER], ...taskRows);
    }
    return { name: "表", values: rows, merges };
  });

describe("the reader on strange grids (property)", () => {
  it("either reports that there is no table or returns a complete, consistent job — it never throws anything else", () => {
    let jobs = 0;
    fc.assert(
      fc.property(grid, fc.integer({ min: 0, max: 4 }), (sheet, decimals) => {
        let job;
        try {
          // As a draft, so that grids with missing statuses still reach the wording and layout (the refusal itself is tests/core/total.test.ts's).
          job = prepareNotice({ sheets: [sheet] }, { today: "2025-10-29", settings: { decimals }, draft: true });
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          return;
        }
        jobs++;
        const { statistics, tasks } = job.analysis;
        // The total never shrinks silently: every task row is counted or named as missing in the draft.
        const missing = tasks.filter((t) => t.category === null).length;
        expect(statistics.total + missing).toBe(tasks.length);
        if (missing > 0) expect(noticeText(job.notice)).toContain(`另有${missing}项任务`);
        const sum = Object.values(statistics.percentages).reduce((a, p) => a + Number(p), 0);
        if (statistics.total > 0) expect(sum).toBeCloseTo(100, 6);
        for (const h of job.noticeSheet.rowHeights) expect(h.height).toBeLessThanOrEqual(409);
        for (const i of job.analysis.issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
        const text = noticeText(job.notice);
        expect(text).not.toMatch(/[，、；：]。|。。|^0项|中，。/m);
        expect(text).toContain(`${statistics.total}项重点工作任务中，`);
        // Every count in the overall paragraph matches the entries listed under its section.
        const listed = (heading: string) => {
          const start = text.indexOf(heading);
          if (start < 0) return 0;
          const rest = text.slice(start + heading.length);
          const end = rest.search(/^[一二三四五六七八九十]、|^各级各部门/m);
          return (end < 0 ? rest : rest.slice(0, end)).match(/^(?:第[一二三四五六七八九十]+部分)?第\d+项|^未编号任务/gm)?.length ?? 0;
        };
        expect(listed("未完成季度目标任务具体情况")).toBe(statistics.counts.missed);
        expect(listed("暂不实施目标任务开展情况")).toBe(statistics.counts.suspended);
        expect(listed("待确定季度目标任务情况")).toBe(statistics.counts.pending);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
    // The generator must reach the reader's interesting paths, not only "no table".
    expect(jobs).toBeGreaterThan(40);
  });
});
