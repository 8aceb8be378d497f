/** The command line's --docx and --letters: the same notice as a Word document, one 督办单 per lagging department. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "./helpers/cli";

const SAMPLE = "samples/tracking-2025-q3.xlsx";
const dir = mkdtempSync(path.join(tmpdir(), "notice-docs-"));


/** The text of each paragraph of a .docx. */
async function bodyText(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((p) => [...p[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
}

const ARGS = ["--government", "淄川区人民政府", "--issuer", "淄川区人民政府办公室", "--date", "2025-10-29"];
const MISSED = ["30", "32", "45", "48", "50", "71", "78", "90"];

describe("--docx and --letters", () => {
  const out = path.join(dir, "out.xlsx");
  const docx = path.join(dir, "通报.docx");
  const letters = path.join(dir, "督办单");
  let json: Record<string, unknown>;

  beforeAll(async () => {
    const result = await cli(SAMPLE, "-o", out, "--docx", docx, "--letters", letters, "--json", ...ARGS);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    json = JSON.parse(result.stdout) as Record<string, unknown>;
  }, 60_000);

  it("writes the notice as a Word document with the golden text", async () => {
    expect(json.docx).toBe(docx);
    const golden = readFileSync("tests/golden/notice-2025-q3.txt", "utf8").replace(/\n$/, "").split("\n");
    expect(await bodyText(docx)).toEqual(golden);
  });

  it("writes one letter per lagging department, named after it, each listing exactly its missed tasks", async () => {
    expect(readdirSync(letters).sort()).toEqual(["区住建局.docx", "区发改局.docx", "区教体局.docx", "区水利局.docx", "区自然资源局.docx", "区财政局.docx"].sort());
    const listed = json.letters as { dir: string; files: { department: string; number: string; file: string; tasks: string[] }[] };
    expect(listed.dir).toBe(letters);
    expect(listed.files.map((f) => [f.department, f.number, f.tasks.join(",")])).toEqual([
      ["区财政局", "督办〔2025〕3-01号", "30"],
      ["区自然资源局", "督办〔2025〕3-02号", "30"],
      ["区发改局", "督办〔2025〕3-03号", "32,78"],
      ["区住建局", "督办〔2025〕3-04号", "32,45,50,71"],
      ["区水利局", "督办〔2025〕3-05号", "48"],
      ["区教体局", "督办〔2025〕3-06号", "90"],
    ]);
    for (const f of listed.files) {
      const text = (await bodyText(f.file)).join("\n");
      expect(MISSED.filter((id) => text.includes(`第${id}项“`)), f.department).toEqual(f.tasks);
      expect(text).toContain(f.number);
    }
  });

  it("takes the letter prefix and the feedback days as options", async () => {
    const dir2 = path.join(dir, "淄督");
    const result = await cli(SAMPLE, "-o", path.join(dir, "out2.xlsx"), "--letters", dir2, "--letter-prefix", "淄督", "--feedback-days", "10", ...ARGS);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/督办单：6 份（区财政局、区自然资源局、区发改局、区住建局、区水利局、区教体局），写入 /);
    const text = (await bodyText(path.join(dir2, "区水利局.docx"))).join("\n");
    expect(text).toContain("淄督〔2025〕3-05号");
    expect(text).toContain("请于2025年11月8日前将办理情况书面反馈区政府督查室。");
  }, 60_000);

  it("refuses a --docx that is not .docx or is a folder, a --letters that is a file, and either with --clear, writing nothing", async () => {
    const target = path.join(dir, "never.xlsx");
    const bad = await cli(SAMPLE, "-o", target, "--docx", path.join(dir, "通报.doc"), ...ARGS);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^错误：--docx 应为 \.docx 文件/);
    const file = path.join(dir, "a-file");
    writeFileSync(file, "x");
    const notDir = await cli(SAMPLE, "-o", target, "--letters", file, ...ARGS);
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toMatch(/--letters 应为文件夹/);
    mkdirSync(path.join(dir, "a-folder.docx"));
    const folder = await cli(SAMPLE, "-o", target, "--docx", path.join(dir, "a-folder.docx"), ...ARGS);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/是文件夹/);
    const clear = await cli(SAMPLE, "-o", target, "--clear", "--docx", docx);
    expect(clear.code).toBe(2);
    expect(clear.stderr).toMatch(/--clear/);
    expect(existsSync(target)).toBe(false);
  }, 60_000);
});
