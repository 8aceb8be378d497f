import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { roundedShares, computeStatistics } from "../../src/core/statistics";
import { departmentView, type Category, type Task } from "../../src/core";
import { makeTask } from "../helpers/task";

function task(id: number, category: Category | null, leads: string[] = ["区发改局"]): Task {
  return makeTask(id, category, { leads, text: "任务" });
}

describe("statistics", () => {
  it("gives the reference notice's shares for 2/86/8/2/1 of 99", () => {
    expect(roundedShares([2, 86, 8, 2, 1], 2)).toEqual(["2.02", "86.87", "8.08", "2.02", "1.01"]);
    expect(roundedShares([2, 86, 8, 2, 1], 1)).toEqual(["2.0", "86.9", "8.1", "2.0", "1.0"]);
  });

  it("rounds so that the shares add up to exactly 100", () => {
    expect(roundedShares([1, 1, 1], 0)).toEqual(["34", "33", "33"]);
    expect(roundedShares([1, 1, 1], 2)).toEqual(["33.34", "33.33", "33.33"]);
    expect(roundedShares([0, 0, 0], 2)).toEqual(["0.00", "0.00", "0.00"]);
  });

  it("always adds up to 100 and never gives a share to an empty category (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100_000), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 4 }), (counts, decimals) => {
        const shares = roundedShares(counts, decimals);
        const total = counts.reduce((a, b) => a + b, 0);
        const unit = 10 ** decimals;
        const sum = shares.reduce((a, s) => a + Math.round(Number(s) * unit), 0);
        if (total > 0) expect(sum).toBe(100 * unit);
        shares.forEach((s, i) => {
          expect(s).toMatch(decimals === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${decimals}}$`));
          if (counts[i] === 0) expect(Number(s)).toBe(0);
          if (total > 0) expect(Math.abs(Number(s) - (counts[i]! * 100) / total)).toBeLessThanOrEqual(1 / unit + 1e-9);
        });
      }),
    );
  });

  it("counts each task once in the totals and once for each of its lead departments", () => {
    const tasks = [task(1, "missed", ["区财政局", "区自然资源局"]), task(2, "onTrack", ["区财政局"]), task(3, null)];
    const stats = computeStatistics(tasks);
    expect(stats.total).toBe(2);
    expect(stats.counts).toEqual({ completed: 0, onTrack: 1, missed: 1, suspended: 0, pending: 0 });
    expect(stats.percentages).toMatchObject({ missed: "50.00", onTrack: "50.00" });
    const departments = departmentView(tasks, { decimals: 2 });
    const byName = Object.fromEntries(departments.map((d) => [d.name, d]));
    expect(byName["区财政局"]).toMatchObject({ total: 2, counts: { missed: 1, onTrack: 1 } });
    expect(byName["区自然资源局"]).toMatchObject({ total: 1, counts: { missed: 1 } });
    expect(departments[0]!.name).toBe("区财政局");
  });
});
