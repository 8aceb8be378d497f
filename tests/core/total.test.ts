/**
 * The total never shrinks silently: for any table with N task rows, the
 * notice counts N tasks, or no notice is written; a draft counts the rest and
 * says how many are missing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IncompleteStatusError, InputError, classifyStatus, noticeText, prepareNotice, STATUS_WORDS } from "../../src/core";
import { HEADER } from "../helpers/grid";

const known = Object.values(STATUS_WORDS).flat();
const status = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...known) },
  { weight: 1, arbitrary: fc.constantFrom("", "#N/A", "进行中", "√", "【未完成】", "已完成✅") },
);

describe("the total (property)", () => {
  it("is the number of task rows, or nothing is written", () => {
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 60 }), fc.boolean(), (statuses, draft) => {
        const rows = statuses.map((s, i) => [i + 1, `任务${i + 1}`, "区发改局", "目标", "进展", s, "原因", "措施"]);
        const sheet = { name: "三季度调度表", values: [["2025年重点工作任务三季度进展情况调度表"], [...HEADER], ...rows], merges: [] };
        let job;
        try {
          job = prepareNotice({ sheets: [sheet] }, { today: "2025-10-29", draft });
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          if (e instanceof IncompleteStatusError) {
            expect(draft).toBe(false);
            expect(e.missing).toBe(statuses.filter((s) => classifyStatus(s) === null).length);
            expect(e.message).toMatch(/^\d+ 项任务的完成状态为空或无法识别（第\d+项 三季度调度表!F\d+( 等)?），通报未生成/);
          }
          return;
        }
        const { statistics, tasks } = job.analysis;
        expect(tasks).toHaveLength(statuses.length);
        const missing = tasks.filter((t) => t.category === null).length;
        expect(statistics.total + missing).toBe(statuses.length);
        const text = noticeText(job.notice);
        expect(text).toContain(`${statistics.total}项重点工作任务中，`);
        if (missing === 0) {
          expect(statistics.total).toBe(statuses.length);
          expect(job.notice.title).not.toContain("草稿");
        } else {
          expect(draft).toBe(true);
          expect(job.notice.title).toMatch(/（草稿）$/);
          expect(text).toContain(`另有${missing}项任务`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
