import { describe, expect, it } from "vitest";
import { prepareNotice } from "../../src/core";
import { readWorkbookGrid } from "../../src/hosts/xlsx-package";
import { MAX_QUERY_LENGTH, parseResultQuery, resultQuery, type CommandResult } from "../../src/commands/result-query";
import { failureResult, successResult } from "../../src/commands/result-text";
import { book, row, trackingSheet } from "../helpers/grid";

describe("ribbon command result", () => {
  it("words a successful run with counts, shares and the missed tasks", async () => {
    const job = prepareNotice(await readWorkbookGrid("samples/tracking-2025-q3.xlsx"), { today: "2025-10-29" });
    const result = successResult(job);
    expect(result.kind).toBe("success");
    expect(result.title).toBe("督查通报已生成");
    expect(result.lines[0]).toBe("已写入工作表“三季度督查通报”：共99项任务，标记未完成8项。");
    expect(result.lines[1]).toBe("已完成2项（2.02%），序时推进86项（86.87%），未完成8项（8.08%），暂不实施2项（2.02%），待确定1项（1.01%）。");
    expect(result.lines[2]).toBe("部门情况：24个牵头部门，红灯6个、黄灯0个、绿灯18个，已写入工作表“三季度部门情况”。");
    expect(result.lines[3]).toBe("已标记未完成任务8项：第30项、第32项、第45项、第48项、第50项、第71项、第78项、第90项。");
    expect(result.lines).toHaveLength(4); // no problems in the sample
  });

  it("warns when tasks were left out of the counts, and lists the missed tasks last", () => {
    const job = prepareNotice(
      book(
        trackingSheet([
          row(1, "任务一", "区发改局", "已完成"),
          row(2, "任务二", "区财政局", "未完成", { reason: "资金未到位", next: "加快拨付" }),
          row(3, "任务三", "区财政局", "进行中"),
          row(4, "任务四", "区住建局", ""),
        ]),
      ),
      { today: "2025-10-29", draft: true },
    );
    const result = successResult(job);
    expect(result.kind).toBe("warning");
    expect(result.title).toBe("督查通报草稿已生成");
    expect(result.lines[0]).toBe("已写入工作表“三季度督查通报”（草稿）：共4项任务，标记未完成1项。2项任务的完成状态为空或无法识别，未计入统计；补填后请重新生成。");
    expect(result.lines[1]).toBe("已完成1项（50.00%），序时推进0项（0.00%），未完成1项（50.00%），暂不实施0项（0.00%），待确定0项（0.00%）。");
    expect(result.lines[2]).toBe("部门情况：2个牵头部门，红灯1个、黄灯0个、绿灯1个，已写入工作表“三季度部门情况”。");
    expect(result.lines[3]).toBe("请打开“督查通报助手”任务窗格查看检查结果。");
    expect(result.lines[4]).toBe("已标记未完成任务1项：第2项。");
    expect(parseResultQuery(`?${resultQuery(result)}`)).toEqual(result);
  });

  it("says when warnings remain, and speaks English in English, its buttons too", async () => {
    const job = prepareNotice(
      book(trackingSheet([row(1, "任务一", "区发改局", "已完成"), row(2, "任务二", "区财政局", "未完成", { next: "加快拨付" })])),
      { today: "2025-10-29" },
    );
    const zh = successResult(job);
    expect(zh).toMatchObject({ kind: "warning", title: "督查通报已生成，仍有1个警告" });
    const en = successResult(job, "en-US");
    expect(en).toMatchObject({ kind: "warning", title: "Notice written; 1 warning remains", lang: "en-US" });
    expect(en.lines[0]).toBe("Sheet “三季度督查通报” written: 2 tasks, 1 marked as missed.");
    expect(en.lines[2]).toBe("Departments: 2 lead departments (1 red, 0 yellow, 1 green), written to sheet “三季度部门情况”.");
    expect(parseResultQuery(`?${resultQuery(en)}`)).toEqual(en);
  });

  it("carries a failure's message as is", () => {
    expect(failureResult("工作表受保护。")).toEqual({ kind: "error", title: "未能生成督查通报", lines: ["工作表受保护。"] });
  });

  it("round-trips through the query string", () => {
    const r: CommandResult = { kind: "error", title: "未能生成督查通报", lines: ["工作簿中已有名为“三季度督查通报”的工作表 & 其他", "第二行 ?#="] };
    expect(parseResultQuery(`?${resultQuery(r)}`)).toEqual(r);
    expect(parseResultQuery("")).toBeNull();
    expect(parseResultQuery("?title=x&kind=weird")).toEqual({ kind: "success", title: "x", lines: [] });
  });

  it("keeps the URL short enough for old webviews, shortening then leaving out lines", () => {
    const long = "第30项“推进城市更新”（牵头部门：区住建局）。".repeat(20);
    const r: CommandResult = { kind: "success", title: "督查通报已生成", lines: ["短的一行。", long, "被挤掉的一行。"] };
    const query = resultQuery(r);
    expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    const back = parseResultQuery(query)!;
    expect(back.lines[0]).toBe("短的一行。");
    expect(back.lines[1]!.endsWith("…")).toBe(true);
    expect(long.startsWith(back.lines[1]!.slice(0, -1))).toBe(true);
    expect(back.lines).toHaveLength(2);
    // A tighter budget keeps fewer characters.
    expect(resultQuery(r, 600).length).toBeLessThanOrEqual(600);
  });
});

describe("ribbon command refusal for missing statuses", () => {
  it("says why, offers the draft, and the offer survives the dialog's query string", async () => {
    const { IncompleteStatusError } = await import("../../src/core");
    const { incompleteResult } = await import("../../src/commands/result-text");
    const result = incompleteResult(new IncompleteStatusError(3, "第4项 调度表!F6"));
    expect(result).toEqual({
      kind: "error",
      title: "未能生成督查通报",
      lines: ["3 项任务的完成状态为空或无法识别（第4项 调度表!F6 等），通报未生成；补填后重试，或点击下方“生成草稿”生成草稿"],
      offer: "draft",
    });
    expect(parseResultQuery(resultQuery(result))).toEqual(result);
    expect(parseResultQuery(resultQuery(failureResult("x")))?.offer).toBeUndefined();
  });
});
