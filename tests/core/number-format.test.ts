import { describe, expect, it } from "vitest";
import { displayValue } from "../../src/core";
import { roundDigits } from "../../src/core/number-format";

/** [value, format, what Excel shows]. */
type Case = readonly [number, string, string | number | null];

function check(cases: readonly Case[]): void {
  for (const [value, format, shown] of cases) expect(displayValue(value, format), `${value} in ${format}`).toBe(shown);
}

describe("displayValue", () => {
  it("leaves numbers under General, no format or a text format as numbers", () => {
    check([
      [0.6, "General", 0.6],
      [1200, "general", 1200],
      [45930, "G/通用格式", 45930],
      [5, "@", 5],
    ]);
    expect(displayValue(0.6, "")).toBe(0.6);
    expect(displayValue(0.6, null)).toBe(0.6);
    expect(displayValue(0.6, undefined)).toBe(0.6);
  });

  it("passes strings, booleans and empty cells through", () => {
    expect(displayValue("60%", "0%")).toBe("60%");
    expect(displayValue("已完成", '#,##0"万元"')).toBe("已完成");
    expect(displayValue(true, "0%")).toBe(true);
    expect(displayValue(null, "0%")).toBeNull();
  });

  it("shows percentages", () => {
    check([
      [0.6, "0%", "60%"],
      [0.756, "0%", "76%"],
      [0.1234, "0.0%", "12.3%"],
      [0.12345, "0.00%", "12.35%"],
      [1, "0%", "100%"],
      [-0.05, "0%", "-5%"],
      [0.07, "0.00%", "7.00%"],
    ]);
  });

  it("shows thousands separators, fixed decimals and scaling commas", () => {
    check([
      [1200, "#,##0", "1,200"],
      [1234567.891, "#,##0.00", "1,234,567.89"],
      [999, "#,##0", "999"],
      [0, "#,##0", "0"],
      [0.5, "#,##0", "1"],
      [3.14159, "0.00", "3.14"],
      [3, "0.00", "3.00"],
      [7, "000", "007"],
      [0.5, ".00", ".50"],
      [12.5, "#.##", "12.5"],
      [12, "0.0#", "12.0"],
      [1234567, '#,##0,"千"', "1,235千"],
      [123456789, '0.0,,"百万"', "123.5百万"],
    ]);
  });

  it("rounds half away from zero on 15 significant digits, as Excel", () => {
    check([
      [0.125, "0.00", "0.13"],
      [-0.125, "0.00", "-0.13"],
      [2.5, "0", "3"],
      [-2.5, "0", "-3"],
      [1.005, "0.00", "1.01"],
      [0.1 + 0.2, "0.00000000000000000", "0.30000000000000000"],
      [9.995, "0.00", "10.00"],
    ]);
    expect(roundDigits(0.6, 0)).toEqual(["1", ""]);
    expect(roundDigits(0.04, 1)).toEqual(["0", "0"]);
    expect(roundDigits(1e20, 2)).toEqual(["100000000000000000000", "00"]);
  });

  it("shows literal text in quotes, after a backslash, unquoted CJK and currency tags", () => {
    check([
      [1200, '#,##0"万元"', "1,200万元"],
      [12.345, '0.0"亿元"', "12.3亿元"],
      [30, '"第"0"项"', "第30项"],
      [5, "0\\个", "5个"],
      [5, "0个", "5个"],
      [1234.5, "[$¥-804]#,##0.00", "¥1,234.50"],
      [-0.3, '"约"General', "-约0.3"],
      [1200, '"共"General"元"', "共1200元"],
    ]);
  });

  it("picks the section for positive, negative and zero numbers; empty sections show nothing", () => {
    check([
      [-1200, "#,##0;-#,##0", "-1,200"],
      [-1200, "#,##0_);[Red](#,##0)", "(1,200)"],
      [1200, "#,##0_);[Red](#,##0)", "1,200"],
      [-5, "0;[红色]0", "5"],
      [0, '0;-0;"—"', "—"],
      [0, "0;-0;;@", null],
      [3, ";;;", null],
      [0, "#", null],
      [7, '0"项";-0"项";"无";@', "7项"],
    ]);
  });

  it("strips colours and evaluates conditions", () => {
    check([
      [150, '[>=100]"达标";"未达标"', "达标"],
      [5, '[>=100]"达标";"未达标"', "未达标"],
      [5, "[Blue]0.0", "5.0"],
      [5, "[Color10]0", "5"],
      [-5, "[<0]0;0", "-5"],
    ]);
  });

  it("shows scientific notation", () => {
    check([
      [12345, "0.00E+00", "1.23E+04"],
      [0.00012, "0.00E+00", "1.20E-04"],
      [99999, "0.00E+00", "1.00E+05"],
      [12345, "##0.0E+0", "12.3E+3"],
    ]);
  });

  it("shows dates from Excel serial numbers", () => {
    check([
      [45930, 'yyyy"年"m"月"d"日"', "2025年9月30日"],
      [45930, "yyyy/m/d", "2025/9/30"],
      [45930, "yyyy-mm-dd", "2025-09-30"],
      [45930, "yyyy-mm-dd;@", "2025-09-30"],
      [45930, 'yyyy"年"m"月"', "2025年9月"],
      [45930, 'm"月"d"日"', "9月30日"],
      [45930, "m月d日", "9月30日"],
      [45930, "yy.mm.dd", "25.09.30"],
      [45930.9, "yyyy/m/d", "2025/9/30"],
      [45658, "yyyy-mm-dd", "2025-01-01"],
      [46022, "yyyy-mm-dd", "2025-12-31"],
    ]);
  });

  it("shows the system dates as Chinese Windows does", () => {
    check([
      [45930, "[$-x-sysdate]dddd, mmmm dd, yyyy", "2025年9月30日"],
      [45930, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "2025年9月30日"],
      [45930, "m/d/yyyy", "2025/9/30"],
      [45930, "mm-dd-yy", "2025/9/30"],
      [45930.5, "m/d/yyyy h:mm", "2025/9/30 12:00"],
      [0.75, "[$-x-systime]h:mm:ss AM/PM", "18:00:00"],
    ]);
  });

  it("names months and weekdays in Chinese, or in English when the format says so", () => {
    check([
      [45930, "dddd", "星期二"],
      [45930, "ddd", "周二"],
      [45930, "aaaa", "星期二"],
      [45930, "aaa", "二"],
      [45930, "mmmm", "九月"],
      [45930, "mmm", "9月"],
      [45930, "[$-409]dddd, mmmm d, yyyy", "Tuesday, September 30, 2025"],
      [45930, "[$-409]d-mmm-yy", "30-Sep-25"],
      [45930, "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", "2025年9月30日"],
    ]);
  });

  it("keeps Excel's 29 February 1900: serial 60 is that day, later serials are shifted", () => {
    check([
      [1, "yyyy-mm-dd", "1900-01-01"],
      [59, "yyyy-mm-dd", "1900-02-28"],
      [60, "yyyy-mm-dd", "1900-02-29"],
      [61, "yyyy-mm-dd", "1900-03-01"],
      [0, "yyyy/m/d", "1900/1/0"],
      [1, "dddd", "星期日"],
      [61, "dddd", "星期四"],
    ]);
  });

  it("shows times, minutes next to hours or seconds, and elapsed times", () => {
    check([
      [0.5, "h:mm", "12:00"],
      [0.75, "h:mm AM/PM", "6:00 PM"],
      [0.25, "hh:mm AM/PM", "06:00 AM"],
      [0.75, "h:mm:ss", "18:00:00"],
      [45930.5, "yyyy/m/d h:mm", "2025/9/30 12:00"],
      [1.5, "[h]:mm", "36:00"],
      [0.0625, "[mm]:ss", "90:00"],
      [0.001, "mm:ss", "01:26"],
      [0.5, '上午/下午 h"时"mm"分"', "下午 12时00分"],
      [0.4, 'h"时"mm"分"', "9时36分"],
      [45930.123456, "hh:mm:ss.00", "02:57:46.60"],
      [0.99999999, "h:mm:ss", "0:00:00"],
    ]);
  });

  it("leaves numbers it cannot show as Excel would (fractions, #####) as numbers", () => {
    check([
      [1.5, "# ?/?", 1.5],
      [-1, "yyyy-mm-dd", -1],
      [3_000_000, "yyyy-mm-dd", 3_000_000],
    ]);
    expect(displayValue(Number.NaN, "0%")).toBeNaN();
  });
});
