/**
 * Files as they come: every kind of input that is not a readable workbook, and
 * every output that cannot be written, gives exit code 2, one Chinese line
 * naming the file and what it is, and writes nothing (no output, no temporary
 * file, no folder).
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/core/errors";
import { fileKindProblem, sniffFileKind, type FileKind } from "../src/hosts/xlsx-package/file-kind";
import { openWorkbook, outputProblem, saveWorkbook, type LoadedWorkbook } from "../src/hosts/xlsx-package/files";
import type { PackageEdits } from "../src/hosts/xlsx-package/write";
import { cli, type CliResult } from "./helpers/cli";

const SAMPLE = "samples/tracking-2025-q3.xlsx";
const root = mkdtempSync(path.join(tmpdir(), "notice-files-"));
/** Each command-line run starts Node and tsx; on a busy two-core machine a few of them take longer than the default 30 s. */
const SLOW = { timeout: 120_000 };


const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A fresh folder per case, so that "nothing else was written" can be checked by listing it. */
let cases = 0;
function caseDir(): string {
  const dir = path.join(root, `case-${++cases}`);
  mkdirSync(dir);
  return dir;
}

/**
 * A minimal OLE2/CFB container: the 512-byte header with the magic, then one
 * directory sector whose 128-byte entries carry the UTF-16LE names and their
 * byte lengths (offset 64), as Excel, Word and the encryption writers lay them out.
 */
function cfb(...names: string[]): Buffer {
  const bytes = Buffer.alloc(512 + 512 + 1024, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  ["Root Entry", ...names].forEach((name, i) => {
    const at = 512 + 128 * i;
    bytes.write(name, at, "utf16le");
    bytes.writeUInt16LE((name.length + 1) * 2, at + 64);
  });
  bytes.fill(0x41, 1024); // stream data
  return bytes;
}

async function zip(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(entries)) z.file(name, content);
  return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const CONTENT_TYPES = (part: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="${part}" ContentType="${type}"/></Types>`;

/** The sample with another content type declared for its workbook part (how .xlsm, .xltx and .xlam differ from .xlsx). */
async function sampleAs(contentType: string, extra: Record<string, string> = {}): Promise<Buffer> {
  const z = await JSZip.loadAsync(readFileSync(SAMPLE));
  const types = await z.file("[Content_Types].xml")!.async("string");
  const changed = types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", contentType);
  expect(changed).not.toBe(types);
  z.file("[Content_Types].xml", changed);
  for (const [name, content] of Object.entries(extra)) z.file(name, content);
  return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Words a message may hold besides the file's path: product names and extensions. Anything else of four or more Latin letters is English that leaked through. */
const ALLOWED_WORDS = /\b(Excel|Word|xlsx|xlsm|xltx|xltm|xlsb|xlam|docx|pptx)\b/g;

function expectOneChineseLine(r: CliResult, ...paths: string[]): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^错误：/);
  for (const p of paths) expect(r.stderr).toContain(p);
  let rest = r.stderr;
  for (const p of paths) rest = rest.replaceAll(p, "");
  expect(rest.replace(ALLOWED_WORDS, "")).not.toMatch(/[A-Za-z]{4,}/);
  expect(rest).not.toMatch(/https?:|www\./);
}

interface BadInput {
  what: string;
  name: string;
  /** Writes the bad input at `file`. */
  make: (file: string) => void | Promise<void>;
  message: RegExp;
}

const TEXT = "序号,重点工作任务,牵头部门,完成状态\n1,修路,区交通局,已完成\n";

const BAD_INPUTS: BadInput[] = [
  { what: "a missing file", name: "不存在.xlsx", make: () => {}, message: /找不到文件或无法读取/ },
  { what: "a folder", name: "调度表文件夹.xlsx", make: (f) => mkdirSync(f), message: /是文件夹，不是文件/ },
  { what: "an empty file", name: "empty.xlsx", make: (f) => writeFileSync(f, ""), message: /是空文件（0 字节）/ },
  { what: "a CSV file", name: "table.csv", make: (f) => writeFileSync(f, TEXT), message: /是文本文件（如 CSV/ },
  { what: "a CSV file renamed .xlsx", name: "csv-renamed.xlsx", make: (f) => writeFileSync(f, TEXT), message: /是文本文件（如 CSV.*只是扩展名为 \.xlsx/ },
  { what: "a UTF-16 text export", name: "unicode.txt", make: (f) => writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("序号\t任务\r\n", "utf16le")])), message: /是文本文件/ },
  { what: "a legacy .xls", name: "old.xls", make: (f) => writeFileSync(f, cfb("Workbook")), message: /是旧版 Excel（\.xls）或 WPS 表格（\.et）格式.*另存为/ },
  { what: "a WPS .et", name: "wps.et", make: (f) => writeFileSync(f, cfb("Workbook")), message: /是旧版 Excel（\.xls）或 WPS 表格（\.et）格式/ },
  { what: "a legacy .xls renamed .xlsx", name: "old-renamed.xlsx", make: (f) => writeFileSync(f, cfb("Workbook")), message: /是旧版 Excel（\.xls）或 WPS 表格（\.et）格式，只是扩展名为 \.xlsx/ },
  { what: "a legacy Word .doc", name: "notice.doc", make: (f) => writeFileSync(f, cfb("WordDocument", "1Table")), message: /是旧版 Word 文档（\.doc）/ },
  {
    what: "a password-encrypted workbook",
    name: "locked.xlsx",
    make: (f) => writeFileSync(f, cfb("EncryptionInfo", "EncryptedPackage")),
    message: /设有打开密码（已加密）.*文件→信息→保护工作簿→用密码进行加密.*清空密码/,
  },
  { what: "a truncated workbook", name: "truncated.xlsx", make: (f) => writeFileSync(f, readFileSync(SAMPLE).subarray(0, 4000)), message: /无法打开 .*：不是有效的 \.xlsx 工作簿，文件已损坏或不完整/ },
  {
    what: "a workbook damaged in the middle",
    name: "damaged.xlsx",
    make: (f) => {
      const bytes = Buffer.from(readFileSync(SAMPLE));
      bytes.fill(0x55, 2000, 6000);
      writeFileSync(f, bytes);
    },
    message: /文件已损坏或不完整/,
  },
  {
    what: "a workbook whose workbook part is not XML",
    name: "bad-part.xlsx",
    make: async (f) => {
      const z = await JSZip.loadAsync(readFileSync(SAMPLE));
      z.file("xl/workbook.xml", "<<< not xml");
      writeFileSync(f, await z.generateAsync({ type: "nodebuffer" }));
    },
    message: /文件已损坏或不完整/,
  },
  { what: "a zip of other files", name: "photos.zip", make: async (f) => writeFileSync(f, await zip({ "a.txt": "x", "b/c.txt": "y" })), message: /是压缩包（\.zip），不是 Excel 工作簿/ },
  {
    what: "a zip holding a workbook",
    name: "sent.zip",
    make: async (f) => writeFileSync(f, await zip({ "三季度/调度表.xlsx": readFileSync(SAMPLE), "说明.txt": "x" })),
    message: /是压缩包（\.zip），里面有 1 个表格文件：请先解压/,
  },
  {
    what: "a Word document",
    name: "report.docx",
    make: async (f) =>
      writeFileSync(
        f,
        await zip({
          "[Content_Types].xml": CONTENT_TYPES("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
          "word/document.xml": "<w:document/>",
        }),
      ),
    message: /是 Word 文档，不是 Excel 工作簿/,
  },
  {
    what: "a Word document renamed .xlsx",
    name: "report.xlsx",
    make: async (f) => writeFileSync(f, await zip({ "word/document.xml": "<w:document/>" })),
    message: /是 Word 文档，只是扩展名为 \.xlsx，不是 Excel 工作簿/,
  },
  { what: "a presentation", name: "slides.pptx", make: async (f) => writeFileSync(f, await zip({ "ppt/presentation.xml": "<p/>" })), message: /是演示文稿（\.pptx）/ },
  { what: "a binary workbook", name: "big.xlsb", make: async (f) => writeFileSync(f, await zip({ "xl/workbook.bin": Buffer.from([1, 2, 3]) })), message: /是 Excel 二进制工作簿（\.xlsb）.*只支持 \.xlsx/ },
  { what: "an Excel add-in", name: "tools.xlam", make: async (f) => writeFileSync(f, await sampleAs("application/vnd.ms-excel.addin.macroEnabled.main+xml")), message: /是 Excel 加载项（\.xlam），不是工作簿/ },
  { what: "a PDF", name: "scan.pdf", make: (f) => writeFileSync(f, Buffer.concat([Buffer.from("%PDF-1.7\n%"), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0, 1, 2])])), message: /是 PDF 文件/ },
  { what: "an unknown binary file", name: "photo.png", make: (f) => writeFileSync(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3])), message: /不是 Excel 工作簿，也不是能识别的表格文件/ },
];

describe.concurrent("an input that is not a readable workbook", SLOW, () => {
  for (const bad of BAD_INPUTS) {
    it(`exits 2 with one Chinese line naming ${bad.what}, and writes nothing`, async () => {
      const dir = caseDir();
      const input = path.join(dir, bad.name);
      await bad.make(input);
      const before = readdirSync(dir);
      const out = path.join(dir, "out", "通报.xlsx");
      const r = await cli(input, "-o", out);
      expectOneChineseLine(r, input);
      expect(r.stderr).toMatch(bad.message);
      expect(existsSync(path.join(dir, "out"))).toBe(false);
      expect(readdirSync(dir)).toEqual(before);
    });
  }

  it("writes nothing next to the input either when no -o is given", async () => {
    const dir = caseDir();
    const input = path.join(dir, "locked.xlsx");
    writeFileSync(input, cfb("EncryptionInfo", "EncryptedPackage"));
    const r = await cli(input);
    expectOneChineseLine(r, input);
    expect(readdirSync(dir)).toEqual(["locked.xlsx"]);
  });
});

const MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const macroWorkbook = () => sampleAs(MACRO_WORKBOOK, { "xl/vbaProject.bin": "binary" });

describe.concurrent("workbooks under other names and flavours", SLOW, () => {
  const accepted: [string, string, () => Buffer | Promise<Buffer>][] = [
    ["a real workbook named .xls", "named.xls", () => readFileSync(SAMPLE)],
    ["a template", "template.xltx", () => sampleAs("application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml")],
  ];
  for (const [what, name, make] of accepted) {
    it(`reads ${what} and writes a plain .xlsx`, async () => {
      const dir = caseDir();
      const input = path.join(dir, name);
      writeFileSync(input, await make());
      const out = path.join(dir, "out.xlsx");
      const r = await cli(input, "-o", out, "--json");
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ total: 99, output: out });
      const types = await (await JSZip.loadAsync(readFileSync(out))).file("[Content_Types].xml")!.async("string");
      expect(types).toContain("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
      expect(readdirSync(dir).sort()).toEqual([name, "out.xlsx"].sort());
    });
  }

  it("reads a macro-enabled workbook and writes an .xlsm with its macros (the default name ends in .xlsm)", async () => {
    const dir = caseDir();
    const input = path.join(dir, "macros.xlsm");
    writeFileSync(input, await macroWorkbook());
    const r = await cli(input, "--json");
    expect(r.code, r.stderr).toBe(0);
    const out = path.join(dir, "macros-督查通报.xlsm");
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 99, output: out });
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(MACRO_WORKBOOK);
    expect(await zip.file("xl/vbaProject.bin")!.async("string")).toBe("binary");
    expect(readdirSync(dir).sort()).toEqual(["macros-督查通报.xlsm", "macros.xlsm"]);
  });

  it("refuses to write a macro-enabled workbook as .xlsx (or a plain one as .xlsm), naming the name to use", async () => {
    const dir = caseDir();
    const input = path.join(dir, "macros.xlsm");
    writeFileSync(input, await macroWorkbook());
    const out = path.join(dir, "通报.xlsx");
    const r = await cli(input, "-o", out);
    expectOneChineseLine(r, input, out.replace(/\.xlsx$/, ".xlsm"));
    expect(r.stderr).toMatch(/输出文件必须是 \.xlsm 文件：.*是启用宏的工作簿，输出的副本保留其中的宏；请改为 .*通报\.xlsm。/);

    const plain = path.join(dir, "调度表.xlsx");
    copyFileSync(SAMPLE, plain);
    const asMacro = await cli(plain, "-o", path.join(dir, "通报.xlsm"));
    expectOneChineseLine(asMacro, plain, path.join(dir, "通报.xlsx"));
    expect(asMacro.stderr).toMatch(/输出文件必须是 \.xlsx 文件：.*不含宏/);
    expect(readdirSync(dir).sort()).toEqual(["macros.xlsm", "调度表.xlsx"]);
  });
});

describe.concurrent("an output that cannot be written", SLOW, () => {
  /** A copy of the sample in a fresh folder, so the folder's listing shows anything written. */
  function setup(): { dir: string; input: string } {
    const dir = caseDir();
    const input = path.join(dir, "调度表.xlsx");
    copyFileSync(SAMPLE, input);
    return { dir, input };
  }

  it("names the file in the way when -o goes through a file (fails as root too)", async () => {
    const { dir, input } = setup();
    const blocker = path.join(dir, "plain.txt");
    writeFileSync(blocker, "not a folder");
    const out = path.join(blocker, "sub", "通报.xlsx");
    const r = await cli(input, "-o", out);
    expectOneChineseLine(r, out, blocker);
    expect(r.stderr).toMatch(/无法写入 .*：.*plain\.txt 是文件，不是文件夹/);
    expect(readFileSync(blocker, "utf8")).toBe("not a folder");
    expect(readdirSync(dir).sort()).toEqual(["plain.txt", "调度表.xlsx"]);
  });

  for (const name of ["输出", "结果.xlsx"]) {
    it(`refuses an existing folder as -o (${name})`, async () => {
      const { dir, input } = setup();
      const out = path.join(dir, name);
      mkdirSync(out);
      const r = await cli(input, "-o", out);
      expectOneChineseLine(r, out);
      expect(r.stderr).toMatch(/输出位置 .* 是文件夹：请给出要写入的 \.xlsx 文件名/);
      expect(readdirSync(out)).toEqual([]);
      expect(readdirSync(dir).sort()).toEqual([name, "调度表.xlsx"].sort());
    });
  }

  it("refuses an output that is not .xlsx and says which name to use", async () => {
    const { dir, input } = setup();
    const out = path.join(dir, "通报.xls");
    const r = await cli(input, "-o", out);
    expectOneChineseLine(r, out);
    expect(r.stderr).toMatch(/输出文件必须是 \.xlsx 文件/);
    expect(r.stderr).toContain(`请改为 ${path.join(dir, "通报.xlsx")}。`);
    expect(readdirSync(dir)).toEqual(["调度表.xlsx"]);
  });

  it("refuses the input as output, also through another spelling or a link, and leaves it untouched", async () => {
    const { dir, input } = setup();
    const before = sha(input);
    const link = path.join(dir, "link.xlsx");
    symlinkSync(input, link);
    const spellings = [input, path.join(dir, ".", "..", path.basename(dir), "调度表.xlsx"), link];
    for (const r of await Promise.all(spellings.map((out) => cli(input, "-o", out)))) {
      expectOneChineseLine(r, input);
      expect(r.stderr).toMatch(/输出文件不能与输入文件相同/);
    }
    expect(sha(input)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["link.xlsx", "调度表.xlsx"]);
  });

  it("names a file name that is too long for the file system", async () => {
    const { dir, input } = setup();
    const out = path.join(dir, `${"长".repeat(100)}.xlsx`); // 300 bytes in UTF-8, over the usual 255
    const r = await cli(input, "-o", out);
    expectOneChineseLine(r, out);
    expect(r.stderr).toMatch(/文件名或路径太长/);
    expect(readdirSync(dir)).toEqual(["调度表.xlsx"]);
  });
});

describe("saving", () => {
  /** The sample as loaded, and no edits: the output is a copy. */
  const workbook = (): Promise<LoadedWorkbook> => openWorkbook(readFileSync(SAMPLE), SAMPLE);
  const none = (): PackageEdits => ({ parts: new Map(), tails: new Map() });

  it("removes its temporary file when the final rename fails", async () => {
    const dir = caseDir();
    const target = path.join(dir, "通报.xlsx");
    mkdirSync(target);
    writeFileSync(path.join(target, "keep.txt"), "x");
    const error = await saveWorkbook(await workbook(), none(), target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/是文件夹/);
    expect(readdirSync(dir)).toEqual(["通报.xlsx"]);
    expect(readdirSync(target)).toEqual(["keep.txt"]);
  });

  it("creates missing folders, and writes only the target", async () => {
    const dir = caseDir();
    const target = path.join(dir, "a", "b", "通报.xlsx");
    await saveWorkbook(await workbook(), none(), target);
    expect(readdirSync(path.dirname(target))).toEqual(["通报.xlsx"]);
  });

  it("removes the folders it created when the write fails", async () => {
    const dir = caseDir();
    // Only the file name is too long: the folders and the temporary file get written, the rename fails.
    const target = path.join(dir, "a", "b", `${"长".repeat(100)}.xlsx`);
    const error = await saveWorkbook(await workbook(), none(), target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/文件名或路径太长/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ["EACCES", /没有写入该文件夹的权限/],
    ["EROFS", /只读/],
    ["EBUSY", /正被其他程序（如 Excel 或 WPS）打开/],
    ["EPERM", /正被其他程序.*或没有写入权限/],
    ["ENOSPC", /磁盘空间不足/],
    ["EIO", /系统拒绝写入/],
  ])("explains %s in Chinese, naming the file", (code, message) => {
    const text = outputProblem(Object.assign(new Error("english"), { code }), "/x/通报.xlsx");
    expect(text).toMatch(message);
    expect(text).toContain("/x/通报.xlsx");
  });

  it("leaves errors that are not about the file system to the caller", () => {
    expect(outputProblem(new Error("boom"), "a.xlsx")).toBeUndefined();
    expect(outputProblem({ code: "ERR_SOMETHING" }, "a.xlsx")).toBeUndefined();
  });
});

describe("sniffing", () => {
  it("finds EncryptedPackage only as a directory entry, not as text inside an old workbook", async () => {
    const xls = cfb("Workbook");
    Buffer.from("EncryptedPackage", "utf16le").copy(xls, 1024 + 3); // cell text, unaligned
    expect(await sniffFileKind(xls)).toEqual({ kind: "legacy-spreadsheet" });
    expect(await sniffFileKind(cfb("EncryptionInfo", "EncryptedPackage"))).toEqual({ kind: "encrypted" });
  });

  it("reads the workbook flavour from the content type", async () => {
    expect(await sniffFileKind(readFileSync(SAMPLE))).toEqual({ kind: "workbook", format: "xlsx" });
    expect(await sniffFileKind(await sampleAs("application/vnd.ms-excel.sheet.macroEnabled.main+xml"))).toEqual({ kind: "workbook", format: "xlsm" });
  });

  it("has a message for every kind that is not a workbook, naming the file", () => {
    const kinds: FileKind[] = [
      { kind: "empty" },
      { kind: "text" },
      { kind: "pdf" },
      { kind: "encrypted" },
      { kind: "legacy-spreadsheet" },
      { kind: "legacy-word" },
      { kind: "legacy-powerpoint" },
      { kind: "damaged" },
      { kind: "xlsb" },
      { kind: "xlam" },
      { kind: "docx" },
      { kind: "pptx" },
      { kind: "zip", spreadsheets: 0 },
      { kind: "zip", spreadsheets: 2 },
      { kind: "unknown" },
    ];
    const messages = kinds.map((k) => fileKindProblem(k, "D:/报表/x.xlsx"));
    for (const m of messages) {
      expect(m).toContain("D:/报表/x.xlsx");
      expect(m!.replaceAll("D:/报表/x.xlsx", "").replace(ALLOWED_WORDS, "")).not.toMatch(/[A-Za-z]{4,}|\n/);
    }
    expect(new Set(messages).size).toBe(kinds.length);
    expect(fileKindProblem({ kind: "workbook", format: "xlsm" }, "a.xlsm")).toBeUndefined();
  });
});
