import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, LIGHT_RULES, SETTING_DEFINITIONS, WORDING, normaliseSettings, parseSettingsSheet, prepareNotice, noticeText, settingsSheetEdits, type CellValue } from "../../src/core";
import { sheet, book, row, trackingSheet } from "../helpers/grid";

const settingsSheet = (rows: CellValue[][]) => sheet("通报设置", [["项目", "内容", "说明"], ...rows]);

describe("the settings sheet", () => {
  it("reads every setting by its Chinese name", () => {
    const read = parseSettingsSheet(
      settingsSheet([
        ["政府名称", "淄川区人民政府"],
        ["督查机构", "区政府督查室"],
        ["落款单位", "淄川区人民政府办公室"],
        ["年度", 2025],
        ["季度", "三季度"],
        ["落款日期", "2025年10月29日"],
        ["小数位数", "1"],
        ["总体情况", "各部门认真落实。"],
        ["督办单编号前缀", "督办"],
        ["反馈期限（天）", "10"],
        ["调度表", "三季度调度表"],
      ]),
    );
    expect(read.issues).toEqual([]);
    expect(read.settings).toEqual({
      government: "淄川区人民政府",
      office: "区政府督查室",
      issuer: "淄川区人民政府办公室",
      year: 2025,
      quarter: 3,
      date: "2025-10-29",
      decimals: 1,
      summary: "各部门认真落实。",
      letterPrefix: "督办",
      feedbackDays: 10,
    });
    expect(read.trackingSheet).toBe("三季度调度表");
    // Every definition has a row name the parser knows.
    expect(SETTING_DEFINITIONS.map((d) => d.name)).toHaveLength(Object.keys(DEFAULT_SETTINGS).length);
  });

  it("reports a value that does not parse at its cell and keeps the default", () => {
    const read = parseSettingsSheet(settingsSheet([["政府名称", "淄川区人民政府"], ["小数位数", "九"], ["落款日期", "2025-02-30"], ["列：完成状态", "G1"], ["列：状况", "G"], ["状态：已销号", "完了"], ["措辞：结尾", "{督查机构}将持续跟踪{部门数}。"], ["措辞：不存在", "x"], ["颜色", "红"]]));
    expect(read.settings).toEqual({ government: "淄川区人民政府" });
    expect(read.issues.map((i) => [i.cell, i.code])).toEqual([
      ["通报设置!B3", "bad-setting"],
      ["通报设置!B4", "bad-setting"],
      ["通报设置!B5", "bad-setting"],
      ["通报设置!B6", "bad-setting"],
      ["通报设置!B7", "bad-setting"],
      ["通报设置!B8", "bad-setting"],
      ["通报设置!B9", "bad-setting"],
      ["通报设置!B10", "bad-setting"],
    ]);
    expect(read.issues[0]!.message).toBe("“小数位数”的值“九”无法识别：应为0到4的整数；已使用默认值。");
    expect(read.issues[5]!.message).toContain("{部门数}");
    // Each with its English, for the pane in English.
    expect(read.issues[0]!.english).toBe("“小数位数” (Decimals of shares): “九” is not a valid value; the default is used.");
    for (const i of read.issues) expect(i.english?.replace(/“[^”]*”|\{[^}]*\}|措辞：|列：/g, "")).not.toMatch(/[\u4e00-\u9fff]/);
    expect(read.wording).toBe(WORDING);
  });

  it("takes column corrections, status words and rewordings", () => {
    const read = parseSettingsSheet(settingsSheet([["列：完成状态", "g"], ["状态：已销号", "已完成"], ["措辞：结尾", "{督查机构}将持续跟踪{总数}项重点工作。\n请各部门于月底前反馈。"]]));
    expect(read.issues).toEqual([]);
    expect(read.mapping).toEqual({ status: 6 });
    expect(read.statusWords.get("已销号")).toBe("completed");
    expect(read.wording.closing).toEqual(["{office}将持续跟踪{total}项重点工作。", "请各部门于月底前反馈。"]);
  });

  it("is read by the run: settings, status words and wording, options override, never taken for the tracking sheet", () => {
    const tracking = trackingSheet([row(1, "甲", "区发改局", "已销号"), row(2, "乙", "区发改局", "序时推进")]);
    const office = settingsSheet([["落款单位", "某某办公室"], ["小数位数", 0], ["状态：已销号", "已完成"], ["措辞：结尾", "{督查机构}将持续跟踪{总数}项重点工作。"], ["完成状态", "序时推进"]]);
    const job = prepareNotice(book(office, tracking), { today: "2025-10-29" });
    expect(job.analysis.table.sheet).toBe("调度表");
    expect(job.analysis.statistics.percentages.completed).toBe("50");
    const text = noticeText(job.notice);
    expect(text).toContain("某某办公室\n");
    expect(text).toContain("区政府督查室将持续跟踪2项重点工作。");
    expect(job.analysis.issues.map((i) => i.cell)).toContain("通报设置!B6");
    const overridden = prepareNotice(book(office, tracking), { today: "2025-10-29", settings: { issuer: "另一办公室", decimals: 2 } });
    expect(noticeText(overridden.notice)).toContain("另一办公室\n");
    expect(overridden.analysis.statistics.percentages.completed).toBe("50.00");
  });

  it("plans a new sheet with every key, and only the changed cells of an existing one", () => {
    const created = settingsSheetEdits(null, { settings: { government: "淄川区人民政府", decimals: 1 }, mapping: { status: 6 } });
    expect(created.create).toBe(true);
    const rows = new Map<number, string[]>();
    for (const c of created.cells) (rows.get(c.row) ?? rows.set(c.row, []).get(c.row)!)[c.col] = c.text;
    expect(rows.get(0)).toEqual(["项目", "内容", "说明"]);
    expect([...rows.values()].find((r) => r[0] === "政府名称")?.[1]).toBe("淄川区人民政府");
    expect([...rows.values()].find((r) => r[0] === "列：完成状态")?.[1]).toBe("G");
    expect([...rows.values()].find((r) => r[0] === "措辞：开头")?.[2]).toContain("{督查机构}");
    // Read back, the new sheet gives what was saved.
    const grid = sheet("通报设置", [...rows.values()]);
    const back = parseSettingsSheet(grid);
    expect(back.issues).toEqual([]);
    expect(back.settings).toEqual({ government: "淄川区人民政府", decimals: 1 });
    expect(back.mapping).toEqual({ status: 6 });

    const edits = settingsSheetEdits(sheet("通报设置", [["项目", "内容"], ["政府名称", "淄川区人民政府"], ["状态：已销号", "已完成"]]), { settings: { government: "淄川区人民政府", issuer: "办公室" } });
    expect(edits).toEqual({ create: false, cells: [{ row: 3, col: 0, text: "落款单位" }, { row: 3, col: 1, text: "办公室" }] });
  });

  it("reads the light rules and the previous quarter's sheet, and reports an unknown condition at its cell", () => {
    const read = parseSettingsSheet(settingsSheet([["上季度调度表", "二季度调度表"], ["灯：红", "未完成、暂不实施"], ["灯：黄", "待确定"]]));
    expect(read.issues).toEqual([]);
    expect(read.previousSheet).toBe("二季度调度表");
    expect(read.lightRules).toEqual([
      { light: "red", when: ["missed", "suspended"] },
      { light: "yellow", when: ["pending"] },
    ]);
    // An empty value keeps the default; the defaults are LIGHT_RULES themselves.
    expect(parseSettingsSheet(settingsSheet([["灯：红", ""]])).lightRules).toBe(LIGHT_RULES);

    const bad = parseSettingsSheet(settingsSheet([["灯：红", "未完成"], ["灯：黄", "待确定、逾期"], ["灯：蓝", "未完成"]]));
    expect(bad.issues.map((i) => i.cell)).toEqual(["通报设置!B3", "通报设置!B4"]);
    expect(bad.issues[0]!.message).toBe(
      "“灯：黄”中的情况“逾期”无法识别：可用未完成、暂不实施、待确定、未完成未说明原因、暂不实施未说明原因；已使用默认规则（待确定、未完成未说明原因、暂不实施未说明原因）。",
    );
    expect(bad.issues[1]!.message).toContain("灯：红、灯：黄");
    expect(bad.lightRules).toEqual(LIGHT_RULES);
  });

  it("runs with the sheet's light rules", () => {
    const tracking = trackingSheet([row(1, "甲", "区发改局", "暂不实施", { reason: "政策调整" }), row(2, "乙", "区商务局", "待确定")]);
    const byDefault = prepareNotice(book(tracking), { today: "2025-10-29" });
    expect(byDefault.analysis.departments.map((d) => [d.name, d.light])).toEqual([["区发改局", "green"], ["区商务局", "yellow"]]);
    const office = settingsSheet([["灯：红", "暂不实施"], ["灯：黄", "未完成未说明原因"]]);
    const changed = prepareNotice(book(office, tracking), { today: "2025-10-29" });
    expect(changed.analysis.departments.map((d) => [d.name, d.light])).toEqual([["区发改局", "red"], ["区商务局", "green"]]);
  });

  it("writes the previous quarter's sheet and the light rows into a new sheet; the pane's edits leave light rows alone", () => {
    const created = settingsSheetEdits(null, { settings: {}, previousSheet: "二季度调度表" });
    const rows = new Map<number, string[]>();
    for (const c of created.cells) (rows.get(c.row) ?? rows.set(c.row, []).get(c.row)!)[c.col] = c.text;
    const byKey = new Map([...rows.values()].map((r) => [r[0], r]));
    expect(byKey.get("上季度调度表")?.[1]).toBe("二季度调度表");
    expect(byKey.get("灯：红")?.slice(0, 2)).toEqual(["灯：红", "未完成"]);
    expect(byKey.get("灯：黄")?.slice(0, 2)).toEqual(["灯：黄", "待确定、未完成未说明原因、暂不实施未说明原因"]);
    const back = parseSettingsSheet(sheet("通报设置", [...rows.values()]));
    expect(back.issues).toEqual([]);
    expect(back.previousSheet).toBe("二季度调度表");
    expect(back.lightRules).toEqual(LIGHT_RULES);

    const existing = sheet("通报设置", [["项目", "内容"], ["灯：黄", "待确定"], ["上季度调度表", "一季度"]]);
    expect(settingsSheetEdits(existing, { settings: {}, previousSheet: "二季度调度表" })).toEqual({ create: false, cells: [{ row: 2, col: 1, text: "二季度调度表" }] });
  });

  it("normalises typed and written values through the same definitions", () => {
    expect(normaliseSettings({ decimals: 7, quarter: "Q2", date: "2025/1/5", feedbackDays: "20天" })).toMatchObject({ decimals: 2, quarter: 2, date: "2025-01-05", feedbackDays: 20 });
  });
});
