/** Counts per category and shares that add up to exactly 100 (the departments: departments.ts). */
import { CATEGORIES, type Category, type Statistics, type Task } from "./types";

export function zeroCounts(): Record<Category, number> {
  return { completed: 0, onTrack: 0, missed: 0, suspended: 0, pending: 0 };
}

/**
 * Shares of `total` as fixed-decimal strings that add up to exactly 100
 * (largest-remainder rounding; ties go to the earlier category).
 */
export function roundedShares(counts: readonly number[], decimals: number): string[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const places = Math.max(0, Math.min(6, Math.trunc(decimals)));
  if (total === 0) return counts.map(() => (0).toFixed(places));
  const unit = 10 ** places;
  const exact = counts.map((c) => (c * 100 * unit) / total);
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = 100 * unit - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - floors[i]! }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (counts[i] === 0) continue;
    floors[i]!++;
    left--;
  }
  return floors.map((units) => (units / unit).toFixed(places));
}

export function computeStatistics(tasks: readonly Task[], decimals = 2): Statistics {
  const counts = zeroCounts();
  for (const t of tasks) if (t.category !== null) counts[t.category]++;
  const total = CATEGORIES.reduce((sum, c) => sum + counts[c], 0);
  const percentTexts = roundedShares(
    CATEGORIES.map((c) => counts[c]),
    decimals,
  );
  const percentages = Object.fromEntries(CATEGORIES.map((c, i) => [c, percentTexts[i]!])) as Record<Category, string>;
  return {
    total,
    counts,
    percentages,
    shares: CATEGORIES.map((c) => ({ category: c, count: counts[c], percent: percentages[c] })),
    decimals: Math.max(0, Math.min(6, Math.trunc(decimals))),
  };
}
