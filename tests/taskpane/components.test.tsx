// @vitest-environment jsdom
/**
 * Component tests in jsdom: the problem list selects cells, the mapping
 * editor applies overrides, and the whole pane on the strict Excel double
 * runs its first analysis when it opens.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import path from "node:path";
import { act, type ReactElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LIGHT_RULES, SETTING_DEFINITIONS, analyse, type Comparison, type Issue } from "../../src/core";
import { detectFeatures } from "../../src/hosts/officejs";
import { App } from "../../src/taskpane/App";
import { DepartmentsPanel } from "../../src/taskpane/components/DepartmentsPanel";
import { IssueList } from "../../src/taskpane/components/IssueList";
import { MappingEditor } from "../../src/taskpane/components/MappingEditor";
import { SettingsForm } from "../../src/taskpane/components/SettingsForm";
import { StatisticsPanel } from "../../src/taskpane/components/StatisticsPanel";
import { EN_US, ZH_CN } from "../../src/taskpane/i18n";
import { ExcelDouble, cloneModel, emptySheet, type WorkbookModel } from "../excel-double";
import { loadModel } from "../excel-double/xlsx";
import { book, row, trackingSheet } from "../helpers/grid";

// No testing library: React's own act() and plain DOM queries are enough here.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;

async function ui(element: ReactElement): Promise<HTMLElement> {
  container = document.body.appendChild(document.createElement("div"));
  const r = createRoot(container);
  root = r;
  await act(async () => r.render(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>));
  return container;
}

async function click(element: Element): Promise<void> {
  await act(async () => void element.dispatchEvent(new MouseEvent("click", { bubbles: true })));
}

/** Types into an input the way React notices (its value tracker needs the native setter). */
async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

/** The element whose accessible text (aria-label or content) matches; exactly one. */
function byRole<T extends Element = HTMLElement>(scope: ParentNode, selector: string, name: string | RegExp): T {
  const found = [...scope.querySelectorAll<T & HTMLElement>(selector)].filter((e) => {
    const text = e.getAttribute("aria-label") ?? e.textContent ?? "";
    return typeof name === "string" ? text.trim() === name : name.test(text);
  });
  if (found.length !== 1) throw new Error(`${found.length} elements ${selector} named ${name}`);
  return found[0]!;
}

function byLabel<T extends Element>(label: string): T {
  const l = [...document.querySelectorAll("label")].find((e) => e.textContent?.trim() === label);
  const target = l?.htmlFor ? document.getElementById(l.htmlFor) : null;
  if (!target) throw new Error(`no control labelled ${label}`);
  return target as unknown as T;
}

/** Disabled, or disabled but focusable (aria-disabled), as Fluent buttons are while not usable. */
function isDisabled(button: HTMLButtonElement): boolean {
  return button.disabled || button.getAttribute("aria-disabled") === "true";
}

async function waitFor(check: () => void, timeout = 10_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() - start > timeout) throw e;
      await act(async () => new Promise((r) => setTimeout(r, 20)));
    }
  }
}

let restore: (() => void) | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
  root = null;
  container = null;
  delete document.body.dataset.ready;
  restore?.();
  restore = null;
});

const analysis = analyse(
  book(
    trackingSheet([
      row(1, "任务一", "区发改局", "已完成"),
      row(2, "任务二", "区财政局", "未完成", { next: "加快拨付" }),
      row(3, "任务三", "区财政局", "进行中"),
    ]),
  ),
  { today: "2025-10-29" },
);

describe("IssueList", () => {
  it("lists every problem with its severity and cell; clicking one asks to select it", async () => {
    const onSelect = vi.fn<(issue: Issue) => void>();
    const view = await ui(<IssueList strings={ZH_CN} issues={analysis.issues} onSelect={onSelect} />);
    const list = byRole(view, "ul", "检查发现的问题");
    const items = [...list.querySelectorAll("li")];
    expect(items).toHaveLength(analysis.issues.length);
    // Errors first: the unknown status at F5.
    expect(items[0]!.textContent).toContain("错误");
    expect(items[0]!.textContent).toContain("F5");
    await click(byRole(list, "button", /G4.*未填写原因/));
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect.mock.calls[0]![0].cell).toBe("调度表!G4");
  });

  it("says so when there is nothing to report", async () => {
    const view = await ui(<IssueList strings={ZH_CN} issues={[]} onSelect={() => undefined} />);
    expect(view.textContent).toBe("未发现问题。");
    expect(view.querySelector("button")).toBeNull();
  });
});

describe("StatisticsPanel", () => {
  it("shows count and share per category and a total", async () => {
    const view = await ui(<StatisticsPanel strings={ZH_CN} statistics={analysis.statistics} />);
    const table = byRole(view, "table", "各类完成状态的项数和占比");
    const rows = [...table.querySelectorAll("tr")].map((r) => r.textContent);
    expect(rows).toContain("已完成150.00%");
    expect(rows).toContain("未完成150.00%");
    expect(rows).toContain("合计2100.00%");
    // One department list in the pane: the departments' own section has it.
    expect(view.querySelector("[data-testid=department-table]")).toBeNull();
  });
});

describe("DepartmentsPanel", () => {
  const departments = analyse(
    book(
      trackingSheet([
        row(1, "任务一", "区发改局", "已完成"),
        row(2, "任务二", "区发改局、区财政局", "未完成", { reason: "资金未到位", next: "推进" }),
        row(3, "任务三", "区住建局", "待确定", { reason: "待反馈" }),
        row(4, "任务四", "区住建局", "已完成"),
        row(5, "任务五", "区教体局", "序时推进"),
      ]),
    ),
    { today: "2025-10-29" },
  );
  const rowsOf = (view: HTMLElement) =>
    [...view.querySelectorAll<HTMLTableRowElement>("[data-testid=department-table] tbody tr")].map((r) => [...r.cells].map((c) => c.textContent));

  it("lists the departments by rank with their light as a word, missed of all tasks and the share", async () => {
    const view = await ui(
      <DepartmentsPanel strings={ZH_CN} departments={departments.departments} comparison={null} rules={departments.lightRules} period={departments.period} chosen={null} onChoose={vi.fn()} />,
    );
    const table = view.querySelector("[data-testid=department-table]")!;
    // Headings break only at the zero-width spaces.
    expect([...table.querySelectorAll("thead th")].map((h) => h.textContent)).toEqual(["排名", "牵头部门", "灯", "未完成/任务", "完成及\u200b序时"]);
    expect(rowsOf(view)).toEqual([
      ["1", "区教体局", "绿", "0/1", "100.00%"],
      ["2", "区住建局", "黄", "0/2", "50.00%"],
      // Same share as 区住建局, but a missed task: ranked after it.
      ["3", "区发改局", "红", "1/2", "50.00%"],
      ["4", "区财政局", "红", "1/1", "0.00%"],
    ]);
    // The light is a word beside its colour; the dot alone says nothing to a screen reader.
    const housing = view.querySelector("tr[data-department=区住建局]")!;
    expect(housing.getAttribute("data-light")).toBe("yellow");
    expect(housing.querySelector("[aria-hidden]")).not.toBeNull();
    expect(view.querySelector("[data-testid=comparison]")).toBeNull();
    const en = await ui(
      <DepartmentsPanel strings={EN_US} departments={departments.departments} comparison={null} rules={departments.lightRules} period={departments.period} chosen={null} onChoose={vi.fn()} />,
    );
    expect(rowsOf(en).map((r) => r[2])).toEqual(["Green", "Yellow", "Red", "Red"]);
  });

  it("says what the lights and ranks mean, from the rules in effect", async () => {
    const view = await ui(
      <DepartmentsPanel strings={ZH_CN} departments={departments.departments} comparison={null} rules={LIGHT_RULES} period={departments.period} chosen={null} onChoose={vi.fn()} />,
    );
    expect(view.querySelector("[data-testid=lights-note]")?.textContent).toBe(
      "红灯：有未完成的任务；黄灯：有待确定、未完成未说明原因、暂不实施未说明原因的任务；绿灯：其余。排名按完成及序时推进占比由高到低，占比相同的未完成任务少者在前，二者都相同的并列。",
    );
    // The office's own rules (通报设置's 灯： rows): red for suspended tasks too, no yellow.
    const own = await ui(
      <DepartmentsPanel
        strings={EN_US}
        departments={departments.departments}
        comparison={null}
        rules={[
          { light: "red", when: ["missed", "suspended"] },
          { light: "yellow", when: [] },
        ]}
        period={departments.period}
        chosen={null}
        onChoose={vi.fn()}
      />,
    );
    expect(own.querySelector("[data-testid=lights-note]")?.textContent).toBe(
      "Red: a task missed or suspended; Green: the rest. Ranked by the share done or on track, then by fewer missed tasks; departments equal in both share a rank.",
    );
  });

  it("shows the change of each department's missed count and the comparison's summary when there is a previous quarter", async () => {
    const comparison: Comparison = {
      previous: { year: 2025, quarter: 2, source: "columns", sheet: "调度表" },
      stillMissed: ["2"],
      newlyMissed: [],
      resolved: ["3"],
      newlySuspended: [],
      unchanged: ["1", "4", "5"],
      unmatched: [],
      previousTasks: [],
    };
    const withChange = departments.departments.map((d) => ({ ...d, missedChange: d.name === "区住建局" ? -1 : 0 }));
    const view = await ui(<DepartmentsPanel strings={ZH_CN} departments={withChange} comparison={comparison} rules={departments.lightRules} period={departments.period} chosen={null} onChoose={vi.fn()} />);
    expect(view.querySelector("[data-testid=comparison]")?.textContent).toBe(
      "与二季度相比：连续两个季度未完成1项，新增未完成0项，已解决1项，新增暂不实施0项（取自本表二季度的列）。",
    );
    expect([...view.querySelectorAll("[data-testid=department-table] thead th")].at(-1)?.textContent).toBe("较上\u200b季度");
    expect(rowsOf(view).map((r) => [r[1], r.at(-1)])).toEqual([
      ["区教体局", "0"],
      ["区住建局", "-1"],
      ["区发改局", "0"],
      ["区财政局", "0"],
    ]);
  });

  it("chooses a department with its name's button, pressed while chosen, and chooses none when pressed again", async () => {
    const onChoose = vi.fn<(d: string | null) => void>();
    const view = await ui(
      <DepartmentsPanel strings={ZH_CN} departments={departments.departments} comparison={null} rules={departments.lightRules} period={departments.period} chosen="区住建局" onChoose={onChoose} />,
    );
    const housing = byRole<HTMLButtonElement>(view, "button", "区住建局");
    const finance = byRole<HTMLButtonElement>(view, "button", "区财政局");
    expect(housing.getAttribute("aria-pressed")).toBe("true");
    expect(finance.getAttribute("aria-pressed")).toBe("false");
    expect(finance.title).toBe("只看区财政局的任务（已完成0，序时推进0，未完成1，暂不实施0，待确定0）");
    await click(finance);
    await click(housing);
    expect(onChoose.mock.calls).toEqual([["区财政局"], [null]]);
  });
});

describe("MappingEditor", () => {
  const select = (view: HTMLElement, field: string) => view.querySelector<HTMLSelectElement>(`select[data-field=${field}]`)!;

  it("shows field, column and header in a table, applies a corrected column and previews it by the core's rule", async () => {
    const onApply = vi.fn();
    const view = await ui(<MappingEditor strings={ZH_CN} table={analysis.table} saved={undefined} disabled={false} onApply={onApply} />);
    const apply = byRole<HTMLButtonElement>(view, "button", "应用");
    expect(isDisabled(apply)).toBe(true);
    await click(apply);
    expect(onApply).not.toHaveBeenCalled();
    const table = view.querySelector("[data-testid=mapping-table]")!;
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["字段", "列", "表头"]);
    expect(table.querySelector("[data-field=status] td:last-child")?.textContent).toBe("完成状态");
    expect(select(view, "status").value).toBe("");
    expect(select(view, "status").options[0]!.textContent).toBe("自动（F）");
    await choose(select(view, "reason"), "H");
    // The core moves 未完成原因 to H, and 下一步工作 (detected on H) gives way: no two fields share a column.
    expect(view.querySelector("[data-testid=mapping-dropped]")?.textContent).toBe("下一步工作将不再读取（H列改作未完成原因）。");
    expect(table.querySelector("[data-field=nextSteps] td:last-child")?.textContent).toBe("不读取");
    expect(table.querySelector("[data-field=reason] td:last-child")?.textContent).toBe("下一步工作");
    expect(isDisabled(apply)).toBe(false);
    await click(apply);
    expect(onApply).toHaveBeenCalledWith({ reason: 7 });
  });

  it("offers every column from A to Z when no table was found, so a choice can find it", async () => {
    const view = await ui(<MappingEditor strings={ZH_CN} table={null} saved={undefined} disabled={false} onApply={vi.fn()} />);
    const options = [...select(view, "status").options].map((o) => o.value).filter((v) => v !== "");
    expect(options.at(-1)).toBe("Z");
    expect(options).toHaveLength(26);
  });
});

describe("SettingsForm", () => {
  it("has a field for every setting definition, parses with it, and saves only what was filled in", async () => {
    const onSave = vi.fn();
    const view = await ui(<SettingsForm strings={ZH_CN} saved={{ issuer: "淄川区人民政府办公室" }} disabled={false} onSave={onSave} />);
    for (const d of SETTING_DEFINITIONS) expect(view.querySelector(`[data-setting=${d.key}]`), d.key).not.toBeNull();
    const save = byRole<HTMLButtonElement>(view, "button", "保存设置");
    expect(isDisabled(save)).toBe(true);
    expect(byLabel<HTMLInputElement>("落款单位").value).toBe("淄川区人民政府办公室");
    expect(byLabel<HTMLInputElement>("政府名称").placeholder).toBe("区人民政府");
    await type(byLabel<HTMLInputElement>("政府名称"), "淄川区人民政府");
    await type(byLabel<HTMLInputElement>("年度"), "25");
    expect(view.textContent).toContain("应为1900到2200的整数。");
    expect(isDisabled(save)).toBe(true);
    await type(byLabel<HTMLInputElement>("年度"), "2025");
    await type(byLabel<HTMLInputElement>("季度"), "三季度");
    await type(byLabel<HTMLInputElement>("反馈期限（天）"), "10");
    expect(isDisabled(save)).toBe(false);
    await click(save);
    expect(onSave).toHaveBeenCalledWith({ government: "淄川区人民政府", issuer: "淄川区人民政府办公室", year: 2025, quarter: 3, feedbackDays: 10 });
  });
});

describe("App on the strict Excel double", () => {
  it("analyses the workbook when it opens and selects a problem's cell", async () => {
    const model = await loadModel(path.resolve("samples/tracking-variant.xlsx"));
    const excel = new ExcelDouble(model);
    restore = excel.install();
    const view = await ui(<App strings={ZH_CN} deps={{ features: detectFeatures(), run: (batch) => excel.run(batch as never), today: () => "2024-04-10" }} />);
    await waitFor(() => expect(view.querySelector("main[data-ready]")).not.toBeNull());
    expect(view.querySelector("[data-testid=detected-sheet]")?.textContent).toBe("一季度推进情况");
    expect(document.body.dataset.ready).toBe("true");
    await click(byRole(view, "button", /G18/));
    await waitFor(() => expect(excel.model.selection).toBe("一季度推进情况!G18"));
    // Reads only: the first analysis writes nothing.
    expect(excel.model.sheets.map((s) => s.name)).not.toContain("一季度督查通报");
  });

  it("refreshes the list of sheets on every check and after writing the notice", async () => {
    const model = await loadModel(path.resolve("samples/tracking-variant.xlsx"));
    const excel = new ExcelDouble(model);
    restore = excel.install();
    const view = await ui(<App strings={ZH_CN} deps={{ features: detectFeatures(), run: (batch) => excel.run(batch as never), today: () => "2024-04-10" }} />);
    await waitFor(() => expect(view.querySelector("main[data-ready]")).not.toBeNull());
    const sheetChoices = () => [...byLabel<HTMLSelectElement>("调度表所在工作表").options].map((o) => o.value).filter((v) => v !== "");
    expect(sheetChoices()).toEqual(model.sheets.map((s) => s.name));

    // Someone adds a sheet while the pane is open: 检查 shows it.
    model.sheets.push(emptySheet("二季度调度表", "{sheet-added}"));
    await click(byRole(view, "button", "检查"));
    await waitFor(() => expect(sheetChoices()).toContain("二季度调度表"));

    // 生成通报 adds the notice sheet: the list has it too.
    await click(byRole(view, "button", "生成通报"));
    await waitFor(() => expect(sheetChoices()).toEqual(model.sheets.map((s) => s.name)));
    expect(sheetChoices()).toContain("一季度督查通报");
  });

  it("writes no notice while a status is unknown, says why, and offers the draft", async () => {
    const model = await loadModel(path.resolve("samples/tracking-variant.xlsx"));
    const tracking = model.sheets.find((s) => s.name === "一季度推进情况")!;
    // Task 2's status (达进度) becomes a word the reader does not know.
    tracking.cells.F6!.value = "进行中";
    const excel = new ExcelDouble(model);
    restore = excel.install();
    const view = await ui(<App strings={ZH_CN} deps={{ features: detectFeatures(), run: (batch) => excel.run(batch as never), today: () => "2024-04-10" }} />);
    await waitFor(() => expect(view.querySelector("main[data-ready]")).not.toBeNull());
    expect(view.querySelector("[data-testid=detection]")?.textContent).toContain("20项任务，19项计入统计");
    expect(view.querySelector("[data-testid=detected-period]")?.textContent).toBe("2024年一季度（取自标题或工作表名）");

    await click(byRole(view, "button", "生成通报"));
    await waitFor(() => expect(view.querySelector("[data-message-kind]")).not.toBeNull());
    expect(view.querySelector("[data-message-kind]")?.getAttribute("data-message-kind")).toBe("error");
    expect(view.querySelector("[data-testid=message-text]")?.textContent).toBe(
      "1 项任务的完成状态为空或无法识别（第2项 一季度推进情况!F6），通报未生成；补填后重试，或点击“生成草稿”生成草稿",
    );
    // Statuses missing are errors: red, the one case the pane's message is.
    expect(excel.model.sheets.map((s) => s.name)).not.toContain("一季度督查通报");

    await click(byRole(view, "button", "生成草稿"));
    await waitFor(() => expect(view.querySelector("[data-message-kind=warning]")).not.toBeNull());
    expect(view.querySelector("[data-testid=message-text]")?.textContent).toBe(
      "已写入工作表“一季度督查通报”（草稿）：共20项任务，标记未完成5项。1项任务的完成状态为空或无法识别，未计入统计；补填后请重新生成。部门情况：14个牵头部门，红灯5个、黄灯0个、绿灯9个，已写入工作表“一季度部门情况”。",
    );
    expect(view.querySelector("[data-testid=message-title]")?.textContent).toMatch(/^已生成，仍有1个错误/);
    const notice = excel.model.sheets.find((s) => s.name === "一季度督查通报")!;
    expect(Object.values(notice.cells).some((c) => String(c.value).endsWith("（草稿）"))).toBe(true);
  });

  it("names the Excel needed and disables every action below ExcelApi 1.6", async () => {
    const excel = new ExcelDouble(await loadModel(path.resolve("samples/tracking-variant.xlsx")), { apiVersion: "1.5" });
    restore = excel.install();
    const view = await ui(<App strings={ZH_CN} deps={{ features: detectFeatures(), run: (batch) => excel.run(batch as never) }} />);
    expect(view.querySelector("[data-testid=too-old]")?.textContent).toContain("ExcelApi 1.6");
    for (const name of ["检查", "标记未完成", "清除标记", "生成通报"]) {
      expect(byRole<HTMLButtonElement>(view, "button", name).disabled).toBe(true);
    }
    expect(view.querySelector("main[data-ready]")).not.toBeNull();
    expect(excel.syncCount).toBe(0);
  });

  it("says what an Excel 2019 (ExcelApi 1.7) cannot do, and none of it on a current Excel", async () => {
    const excel = new ExcelDouble(await loadModel(path.resolve("samples/tracking-variant.xlsx")), { apiVersion: "1.7" });
    restore = excel.install();
    const view = await ui(<App strings={ZH_CN} deps={{ features: detectFeatures(), run: (batch) => excel.run(batch as never) }} />);
    const notes = view.querySelector("[data-testid=feature-notes]")?.textContent ?? "";
    expect(notes).toContain("ExcelApi 1.13");
    expect(notes).toContain("ExcelApi 1.9");
    expect(notes).not.toContain("ExcelApi 1.6");
    await act(async () => root?.unmount());
    restore();
    const current = new ExcelDouble(await loadModel(path.resolve("samples/tracking-variant.xlsx")));
    restore = current.install();
    const fresh = await ui(<App strings={ZH_CN} deps={{ features: detectFeatures(), run: (batch) => current.run(batch as never) }} />);
    expect(fresh.querySelector("[data-testid=feature-notes]")).toBeNull();
  });

  it("says a notice is written and warnings remain, with the issuer and date it is signed with, and a link to change them", async () => {
    const model = await loadModel(path.resolve("samples/tracking-variant.xlsx"));
    const excel = new ExcelDouble(model);
    restore = excel.install();
    const view = await ui(<App strings={ZH_CN} deps={{ features: detectFeatures(), run: (batch) => excel.run(batch as never), today: () => "2024-04-10" }} />);
    await waitFor(() => expect(view.querySelector("main[data-ready]")).not.toBeNull());
    expect(view.querySelector("[data-testid=signing]")?.textContent).toBe("以区人民政府办公室名义，2024年4月10日落款修改");
    // 生成通报 comes first, alone on its row; 清除标记 is apart, in a group of its own under the message.
    const actions = view.querySelector("section[aria-label=操作]")!;
    const generate = byRole(view, "button", "生成通报");
    expect(actions.firstElementChild).toBe(generate);
    expect(byRole(view, "button", "清除标记").closest("[role=group]")?.getAttribute("aria-label")).toBe("其他操作");
    // The issues' badge is not red: the variant's one problem is a warning.
    expect(view.querySelector("[data-testid=issues-badge]")?.className).not.toMatch(/danger/);

    await click(byRole(view, "button", "修改"));
    await waitFor(() => expect(document.activeElement?.getAttribute("data-setting")).toBe("issuer"));

    await click(generate);
    await waitFor(() => expect(view.querySelector("[data-message-kind]")).not.toBeNull());
    expect(view.querySelector("[data-message-kind]")?.getAttribute("data-message-kind")).toBe("warning");
    expect(view.querySelector("[data-testid=message-title]")?.textContent).toBe("已生成，仍有1个警告");
    expect(view.querySelector("[data-testid=message-text]")?.textContent).toBe(
      "已写入工作表“一季度督查通报”：共20项任务，标记未完成5项。部门情况：14个牵头部门，红灯5个、黄灯0个、绿灯9个，已写入工作表“一季度部门情况”。",
    );
  });

  it("narrows the problems and the missed tasks to a chosen department until its chip is clicked", async () => {
    const model = await loadModel(path.resolve("samples/tracking-variant.xlsx"));
    const excel = new ExcelDouble(model);
    restore = excel.install();
    const view = await ui(<App strings={ZH_CN} deps={{ features: detectFeatures(), run: (batch) => excel.run(batch as never), today: () => "2024-04-10" }} />);
    await waitFor(() => expect(view.querySelector("main[data-ready]")).not.toBeNull());
    // The missed tasks' section starts closed.
    await click(byRole(view, "[data-section=missed] button", /^未完成任务/));
    const problems = () => [...view.querySelectorAll("[data-section=issues] li")].map((li) => li.querySelector("[data-cell]")?.getAttribute("data-cell") ?? li.textContent);
    const missed = () => [...view.querySelectorAll("[data-testid=missed-list] li")].map((li) => li.getAttribute("data-task"));
    expect(problems()).toEqual(["一季度推进情况!G18"]);
    expect(missed()).toEqual(["5", "9", "11", "14", "20"]);
    expect(view.querySelector("[data-testid=department-filter]")).toBeNull();

    // 区水利局 leads task 14, whose reason is missing.
    await click(byRole(view, "[data-testid=department-table] button", "区水利局"));
    expect(problems()).toEqual(["一季度推进情况!G18"]);
    expect(missed()).toEqual(["14"]);
    expect(view.querySelector("[data-testid=issues-filter-note]")?.textContent).toBe("只显示区水利局的任务的问题：1个中的1个");
    const chip = view.querySelector<HTMLButtonElement>("[data-testid=department-filter]")!;
    expect(chip.textContent).toBe("只看：区水利局✕");
    expect(chip.getAttribute("aria-label")).toBe("只看：区水利局，点击显示全部部门");

    // Another department: its task 5 is missed, none of its tasks has a problem.
    await click(byRole(view, "[data-testid=department-table] button", "区住建局"));
    expect(problems()).toEqual([]);
    expect(view.querySelector("[data-section=issues]")?.textContent).toContain("该部门的任务未发现问题。");
    expect(missed()).toEqual(["5"]);
    expect(view.querySelector("[data-testid=missed-badge]")?.textContent).toBe("1");

    // A missed task selects its status cell.
    await click(byRole(view, "[data-testid=missed-list] button", /第5项/));
    await waitFor(() => expect(excel.model.selection).toBe("一季度推进情况!F9"));

    // The chip (a button, so Enter and Space work as a click) shows everything again.
    await click(view.querySelector("[data-testid=department-filter]")!);
    expect(view.querySelector("[data-testid=department-filter]")).toBeNull();
    expect(problems()).toEqual(["一季度推进情况!G18"]);
    expect(missed()).toEqual(["5", "9", "11", "14", "20"]);
    expect(byRole(view, "[data-testid=department-table] button", "区住建局").getAttribute("aria-pressed")).toBe("false");
  });

  it("saves the settings form to the 通报设置 sheet and checks again with them", async () => {
    const model = await loadModel(path.resolve("samples/tracking-variant.xlsx"));
    const excel = new ExcelDouble(model);
    restore = excel.install();
    const view = await ui(<App strings={ZH_CN} deps={{ features: detectFeatures(), run: (batch) => excel.run(batch as never), today: () => "2024-04-10" }} />);
    await waitFor(() => expect(view.querySelector("main[data-ready]")).not.toBeNull());
    await click(byRole(view, "button", "修改"));
    await type(view.querySelector<HTMLInputElement>("[data-setting=issuer]")!, "淄川区人民政府办公室");
    await click(byRole(view, "button", "保存设置"));
    await waitFor(() => expect(view.querySelector("[data-message-kind=success]")).not.toBeNull());
    const sheet = excel.model.sheets.find((s) => s.name === "通报设置")!;
    expect(Object.values(sheet.cells).map((c) => c.value)).toContain("淄川区人民政府办公室");
    expect(view.querySelector("[data-testid=signing]")?.textContent).toContain("以淄川区人民政府办公室名义");
  });

  /** The 2025 Q3 sample with its 二季度调度表 beside it: task 32 on track then, task 1-1 missed then, the other missed tasks missed then too. */
  function withSecondQuarter(model: WorkbookModel): WorkbookModel {
    const previous = cloneModel(model.sheets.find((s) => s.name === "三季度调度表")!);
    previous.name = "二季度调度表";
    previous.id = "{second-quarter}";
    for (const [address, cell] of Object.entries(previous.cells)) {
      if (/^[A-Z]+[123]$/.test(address) && typeof cell.value === "string") cell.value = cell.value.replace("三季度", "二季度").replace("2025年10月", "2025年7月");
    }
    previous.cells.G43 = { value: "序时推进" };
    previous.cells.G4 = { value: "未完成" };
    previous.cells.H4 = { value: "资金未到位" };
    model.sheets.push(previous);
    return model;
  }

  it("saves the previous quarter's sheet picked from the workbook's sheets to 通报设置, keeps it when other settings are saved, and compares with it", async () => {
    const model = withSecondQuarter(await loadModel(path.resolve("samples/tracking-2025-q3.xlsx")));
    const excel = new ExcelDouble(model);
    restore = excel.install();
    const view = await ui(<App strings={ZH_CN} deps={{ features: detectFeatures(), run: (batch) => excel.run(batch as never), today: () => "2025-10-29" }} />);
    await waitFor(() => expect(view.querySelector("main[data-ready]")).not.toBeNull());
    const picker = () => byLabel<HTMLSelectElement>("上季度调度表");
    const stored = () => {
      const sheet = excel.model.sheets.find((s) => s.name === "通报设置");
      const key = sheet && Object.entries(sheet.cells).find(([, c]) => c.value === "上季度调度表")?.[0];
      return key ? (sheet.cells[key.replace(/^A/, "B")]?.value ?? "") : undefined;
    };
    const comparison = "与二季度相比：连续两个季度未完成7项，新增未完成1项，已解决1项，新增暂不实施0项（取自工作表“二季度调度表”）。";
    expect(view.querySelector("[data-testid=detected-sheet]")?.textContent).toBe("三季度调度表");
    // Every sheet but the one this quarter is read from, after 自动; found by itself already.
    expect([...picker().options].map((o) => o.textContent)).toEqual(["自动", "填报说明", "二季度调度表"]);
    expect(picker().value).toBe("");
    expect(stored()).toBeUndefined();
    expect(view.querySelector("[data-testid=comparison]")?.textContent).toBe(comparison);

    await choose(picker(), "二季度调度表");
    await waitFor(() => expect(view.querySelector("[data-message-kind]")).not.toBeNull());
    expect(stored()).toBe("二季度调度表");
    expect(picker().value).toBe("二季度调度表");
    expect(view.querySelector("[data-testid=detected-previous]")?.textContent).toBe("2025年二季度（取自工作表“二季度调度表”）");
    expect(view.querySelector("[data-testid=comparison]")?.textContent).toBe(comparison);
    // 区住建局 missed tasks 45, 50 and 71 then, and 32 too now; 区发改局 resolved task 1-1 and missed task 32 too now.
    const change = (department: string) => view.querySelector(`tr[data-department=${department}]`)?.lastElementChild?.textContent;
    expect([change("区住建局"), change("区发改局")]).toEqual(["+1", "0"]);
    // With no problem at all, a chosen department's list says just that, with no count of what it hides.
    await click(byRole(view, "[data-testid=department-table] button", "区住建局"));
    expect(view.querySelector("[data-testid=issues-filter-note]")).toBeNull();
    expect(view.querySelector("[data-section=issues]")?.textContent).toContain("未发现问题。");
    await click(view.querySelector("[data-testid=department-filter]")!);

    // Saving the settings form writes every stored value again: the choice stays.
    await click(byRole(view, "button", "修改"));
    await type(view.querySelector<HTMLInputElement>("[data-setting=issuer]")!, "淄川区人民政府办公室");
    await click(byRole(view, "button", "保存设置"));
    await waitFor(() => expect(view.querySelector("[data-testid=signing]")?.textContent).toContain("淄川区人民政府办公室"));
    expect(stored()).toBe("二季度调度表");

    // A sheet that holds no tracking table: the check says so, naming it, and the choice can be undone.
    await choose(picker(), "填报说明");
    await waitFor(() => expect(view.querySelector("[data-message-kind=error]")).not.toBeNull());
    expect(view.querySelector("[data-testid=message-text]")?.textContent).toContain("上季度工作表“填报说明”");
    expect(stored()).toBe("填报说明");
    expect(picker().value).toBe("填报说明");
    await choose(picker(), "");
    await waitFor(() => expect(view.querySelector("[data-message-kind=success]")).not.toBeNull());
    expect(stored()).toBe("");
    expect(picker().value).toBe("");
  });

  it("is English throughout in English, but for the workbook's own names and the check's messages", async () => {
    const excel = new ExcelDouble(await loadModel(path.resolve("samples/tracking-variant.xlsx")));
    restore = excel.install();
    const view = await ui(<App strings={EN_US} deps={{ features: detectFeatures(), run: (batch) => excel.run(batch as never), today: () => "2024-04-10" }} />);
    await waitFor(() => expect(view.querySelector("main[data-ready]")).not.toBeNull());
    const chrome = [...view.querySelectorAll("button, h1, h2, label, th[scope=col], [data-testid=signing]")]
      // Lists and the departments' names are the workbook's own text.
      .filter((e) => !e.closest("ul, [data-testid=department-table] tbody"))
      .map((e) => (e.textContent ?? "").replace(/区人民政府办公室/g, ""));
    for (const text of chrome) expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(view.querySelector("[data-testid=detected-header]")?.textContent).toBe("row 3, 4");
    // The check's own message in English; only the task's label (the sheet's numbering) stays as written.
    expect(view.querySelector("ul")?.textContent).toContain("第14项: missed, but no reason given.");
  });
});
