/** Tracking workbooks of any size, made from the bundled sample's rows (for the benchmark and load tests). */
import { buildSample, loadSampleData, type SampleData, type SampleTask } from "../../samples/build-samples";

/** The main sample's data with `rows` tasks: its own tasks repeated, numbered 1..rows, no sub-items. */
export async function largeSampleData(rows: number): Promise<SampleData> {
  const data = await loadSampleData("data/tracking-2025-q3.json");
  const source = data.tasks.filter((t) => t.sub === undefined);
  const tasks: SampleTask[] = [];
  for (let i = 0; i < rows; i++) {
    const t = source[i % source.length]!;
    const { marks: _marks, sub: _sub, ...plain } = t;
    tasks.push({ ...plain, number: i + 1 });
  }
  return { ...data, tasks, mergeRepeated: [], conditionalFormats: [] };
}

export async function largeWorkbook(rows: number) {
  return buildSample(await largeSampleData(rows));
}
