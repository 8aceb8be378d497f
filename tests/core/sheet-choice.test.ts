import { describe, expect, it } from "vitest";
import { analyse } from "../../src/core";
import { previousPeriod } from "../../src/core/comparison";
import { findTable } from "../../src/core/table";
import { book, row, sheet, trackingSheet } from "../helpers/grid";

const TODAY = "2024-04-20";
const rows = [row(1, "任务一", "区发改局", "未完成"), row(2, "任务二", "区财政局", "序时推进")];
/** A quarter's sheet: the quarter and maybe the year in its title. */
const quarterSheet = (name: string, title: string) => trackingSheet(rows, name, title);
/** A yearly ledger with 一季度 filled and later quarters still empty. */
const ledger = (name: string, title: string) =>
  sheet(name, [
    [title],
    ["序号", "重点工作任务", "牵头单位", "一季度状态", "二季度状态"],
    [1, "任务一", "区发改局", "未完成", null],
    [2, "任务二", "区财政局", "序时推进", null],
  ]);

describe("choosing the tracking sheet by year and quarter", () => {
  it("takes 2024年一季度 over 2023年四季度, whichever comes first", () => {
    const q4 = quarterSheet("四季度", "2023年四季度重点工作调度表");
    const q1 = quarterSheet("一季度", "2024年一季度重点工作调度表");
    expect(findTable(book(q4, q1))!.sheet).toBe("一季度");
    expect(findTable(book(q1, q4))!.sheet).toBe("一季度");
  });

  it("reads the year from the sheet name too (2024Q1, 2023年四季度)", () => {
    const q4 = quarterSheet("2023年四季度", "重点工作调度表");
    const q1 = quarterSheet("2024Q1", "重点工作调度表");
    expect(findTable(book(q4, q1))!.sheet).toBe("2024Q1");
  });

  it("takes a 2024 yearly ledger's 一季度 over a 2023年四季度 sheet", () => {
    const q4 = quarterSheet("四季度", "2023年四季度重点工作调度表");
    const yearly = ledger("台账", "2024年重点工作推进台账");
    const t = findTable(book(q4, yearly))!;
    expect(t.sheet).toBe("台账");
    expect(t.period).toMatchObject({ year: 2024, quarter: 1 });
  });

  it("takes the later year for the same quarter", () => {
    const old = quarterSheet("去年一季度", "2023年一季度重点工作调度表");
    const now = quarterSheet("今年一季度", "2024年一季度重点工作调度表");
    expect(findTable(book(now, old))!.sheet).toBe("今年一季度");
    expect(findTable(book(old, now))!.sheet).toBe("今年一季度");
  });

  it("takes a sheet without a year to be of the year the other sheets state most", () => {
    const undatedQ2 = quarterSheet("二季度", "重点工作二季度调度表");
    const q1 = quarterSheet("一季度", "2024年一季度重点工作调度表");
    const q4 = quarterSheet("四季度", "2023年四季度重点工作调度表");
    const q3 = quarterSheet("三季度", "2024年三季度重点工作调度表");
    // 2024 stated most: the undated 二季度 is 2024's, later than 2024年一季度.
    expect(findTable(book(q1, undatedQ2))!.sheet).toBe("二季度");
    // …and earlier than 2024年三季度.
    expect(findTable(book(undatedQ2, q3, q1))!.sheet).toBe("三季度");
    // 2023 and 2024 stated once each: the later year, so 2024年二季度 beats both.
    expect(findTable(book(q4, q1, undatedQ2))!.sheet).toBe("二季度");
  });

  it("compares quarters alone where no sheet states a year, as before", () => {
    const wb = book(quarterSheet("三季度", "三季度调度表"), quarterSheet("四季度", "四季度调度表"), quarterSheet("一季度", "一季度调度表"));
    expect(findTable(wb)!.sheet).toBe("四季度");
  });

  it("compares the 2024年一季度 sheet it picks with the 2023年四季度 sheet", () => {
    expect(previousPeriod({ year: 2024, quarter: 1 })).toEqual({ year: 2023, quarter: 4 });
    const q4 = quarterSheet("四季度", "2023年四季度重点工作调度表");
    const q1 = trackingSheet([row(1, "任务一", "区发改局", "序时推进"), row(2, "任务二", "区财政局", "序时推进")], "一季度", "2024年一季度重点工作调度表");
    const result = analyse(book(q4, q1), { today: TODAY });
    expect(result.table.sheet).toBe("一季度");
    expect(result.comparison!.previous).toMatchObject({ year: 2023, quarter: 4, source: "sheet", sheet: "四季度" });
    expect(result.comparison!.resolved).toEqual(["1"]);
  });
});

describe("choosing by short years in sheet names", () => {
  it("takes 24年一季度 over 23年四季度", () => {
    const q4 = quarterSheet("23年四季度", "重点工作调度表");
    const q1 = quarterSheet("24年一季度", "重点工作调度表");
    const t = findTable(book(q4, q1))!;
    expect(t.sheet).toBe("24年一季度");
    expect(t.period).toMatchObject({ year: 2024, quarter: 1 });
    expect(analyse(book(q4, q1), { today: TODAY }).comparison!.previous).toMatchObject({ year: 2023, quarter: 4, sheet: "23年四季度" });
    // A 24年四季度 sheet is not 24年一季度's previous quarter.
    const laterQ4 = quarterSheet("24年四季度", "重点工作调度表");
    expect(analyse(book(laterQ4, q1), { today: TODAY, sheet: "24年一季度" }).comparison).toBeNull();
  });
});
