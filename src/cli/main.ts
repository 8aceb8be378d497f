/**
 * Command line: tracking workbook in, a copy with highlights and the notice
 * sheet out. The input file is never written.
 *
 *   npm run --silent notice -- <tracking.xlsx> [-o out.xlsx] [options]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { IncompleteStatusError, InputError, PreviousWorkbookError, SETTING_DEFINITIONS, isoDate, noticeText, parseMapping, summarise, type NoticeSettings, type RunOptions, type WorkbookGrid } from "../core";
import { checkOutput, clearOnWorkbook, loadWorkbook, outputExtension, runOnWorkbook, saveWorkbook } from "../hosts/xlsx-package";
import { humanReport } from "./report";
import { DOCUMENT_OPTIONS, DOCUMENT_USAGE, checkDocumentTargets, documentReport, writeDocuments } from "./documents";
import { VERSION } from "./version";

const USAGE = `用法 / Usage:
  npm run --silent notice -- <调度表.xlsx> [-o <输出.xlsx>] [选项]

选项 / Options:
  -o, --output FILE    输出文件（默认：<输入>-督查通报.xlsx，含宏的工作簿为 .xlsm）；从不修改输入文件
  --sheet NAME         调度表所在工作表（默认自动查找）
  --map F=COL,...      手动指定列，如 status=G,reason=H（字段：number task lead quarterTarget progress status reason nextSteps …）
  --previous FILE      上季度的调度表（另一个 .xlsx，只读），用于与上季度对比；默认在本工作簿中查找上季度的状态列或工作表
${SETTING_DEFINITIONS.map((d) => `  --${d.option.padEnd(19)}${d.name}：${d.expects}`).join("\n")}
                       以上各项默认取工作簿中“通报设置”工作表的值；命令行选项优先
  --draft              有任务的完成状态为空或无法识别时，仍生成通报草稿（标题标为“（草稿）”）
${DOCUMENT_USAGE}
  --clear              只清除本工具添加的未完成标记，不生成通报
  --json               标准输出只输出一个 JSON 文档
  --text               标准输出只打印通报全文（摘要改到标准错误）
  -h, --help           显示本帮助
  -v, --version        显示版本号`;

class UsageError extends InputError {}

/** One string option a setting. */
const SETTING_OPTIONS = Object.fromEntries(SETTING_DEFINITIONS.map((d) => [d.option, { type: "string" as const }])) as Record<string, { type: "string" }>;

/** The settings given as options, each parsed by its one definition. */
function settingsOf(values: Readonly<Record<string, unknown>>): Partial<NoticeSettings> {
  const settings: Record<string, unknown> = {};
  for (const d of SETTING_DEFINITIONS) {
    const text = values[d.option];
    if (typeof text !== "string") continue;
    const parsed = d.parse(text);
    if (!parsed.ok) throw new UsageError(`--${d.option} ${parsed.problem}，收到“${text}”。`);
    settings[d.key] = parsed.value;
  }
  return settings as Partial<NoticeSettings>;
}

/** node:util's parseArgs errors, in Chinese. */
function argumentProblem(e: unknown): string {
  const { code, message } = e as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(message ?? "")?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `不认识的选项：${option}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return `选项 ${option.split(" ")[0]} 缺少取值或取值有误`;
    default:
      return "参数有误";
  }
}

function defaultOutput(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}-督查通报${outputExtension(input)}`);
}

/** The previous quarter's workbook (`--previous`), read only; a file that cannot be read is refused naming the option. */
async function loadPrevious(file: string): Promise<WorkbookGrid> {
  try {
    return (await loadWorkbook(file)).read.grid;
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`--previous（上季度调度表）：${e.message}`);
    throw e;
  }
}

/** Runs the job; a previous-quarter workbook without a usable table is named by its file. */
function runWithPrevious<T>(run: () => T, file: string | undefined): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof PreviousWorkbookError && file !== undefined) throw new InputError(`--previous（上季度调度表）：${e.forFile(file)}`);
    throw e;
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: "string", short: "o" },
        sheet: { type: "string" },
        map: { type: "string" },
        previous: { type: "string" },
        ...SETTING_OPTIONS,
        ...DOCUMENT_OPTIONS,
        clear: { type: "boolean" },
        draft: { type: "boolean" },
        json: { type: "boolean" },
        text: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (e) {
    throw new UsageError(`${argumentProblem(e)}（用 --help 查看用法）`);
  }
  const { values: o, positionals } = parsed;
  if (o.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (o.version) {
    process.stdout.write(VERSION + "\n");
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("请给出一个调度表文件（.xlsx），例如：npm run --silent notice -- samples/tracking-2025-q3.xlsx");
  const input = positionals[0]!;
  const output = o.output ?? defaultOutput(input);
  // Not .xlsx/.xlsm, the input itself, a folder, or a place that cannot be written: refused before any work.
  await checkOutput(input, output);
  const documents = { docx: o.docx, letters: o.letters };
  if (o.clear && (o.docx !== undefined || o.letters !== undefined)) throw new UsageError("--clear 只清除标记，不生成通报，不能与 --docx 或 --letters 同用。");
  await checkDocumentTargets(documents, input, output);

  const settings = settingsOf(o);
  const options: RunOptions = {
    draft: o.draft ?? false,
    sheet: o.sheet,
    mapping: o.map === undefined ? undefined : parseMapping(o.map),
    settings,
    today: isoDate(new Date()),
  };

  // Streams the sheets in; an output whose extension does not suit the workbook (.xlsm for macros) is refused first.
  const wb = await loadWorkbook(input, output);
  if (o.clear) {
    const { removed, edits } = clearOnWorkbook(wb);
    await saveWorkbook(wb, edits, output);
    if (o.json) process.stdout.write(JSON.stringify({ cleared: removed, output }) + "\n");
    else process.stdout.write(`已清除 ${removed} 组未完成标记，写入 ${output}\n`);
    return 0;
  }
  const previous = o.previous === undefined ? undefined : await loadPrevious(o.previous);
  // The output is the input package with only the tool's sheet, styles and highlight added.
  const { job, edits } = runWithPrevious(() => runOnWorkbook(wb, { ...options, previous }), o.previous);
  await saveWorkbook(wb, edits, output);
  const written = await writeDocuments(job.notice, documents);
  if (o.json) {
    process.stdout.write(JSON.stringify({ ...summarise(job), output, ...written }, null, 2) + "\n");
  } else if (o.text) {
    process.stderr.write(humanReport(job, output) + documentReport(written));
    process.stdout.write(noticeText(job.notice));
  } else {
    process.stdout.write(humanReport(job, output) + documentReport(written));
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof InputError) {
      const message = e instanceof IncompleteStatusError ? e.withDraftHint("加 --draft 生成草稿") : e.message;
      process.stderr.write(`错误：${message}\n`);
      process.exitCode = 2;
    } else {
      const message = e instanceof Error ? e.message : String(e);
      process.stderr.write(`内部错误：${message.split("\n")[0]}（设置 DEBUG=1 可查看详情）\n`);
      if (process.env.DEBUG) process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
      process.exitCode = 1;
    }
  },
);
