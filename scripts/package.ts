/**
 * A folder an office can deploy the add-in from:
 *
 *   npm run package -- --base-url https://oa.example.gov.cn/dctb/ [--out deploy]
 *
 * builds the add-in for production with office.js served from the same place
 * as the pages (no Microsoft CDN: many intranets cannot reach it) and writes
 *
 *   deploy/web/                  what the web server serves at the base URL
 *                                (pages, scripts, assets, office-js/, manifest.xml)
 *   deploy/manifest.xml          the manifest for the shared-folder catalog or
 *                                the Microsoft 365 admin center
 *   deploy/部署说明.txt          the steps, in short
 *   deploy/supervision-notice-addin-<version>.zip   all of the above
 *
 * Every URL in the manifest starts with the base URL, its <Version> is
 * package.json's, and it is validated against the XSDs; the pages must not
 * reference the CDN. Any of these failing stops with exit code 1 (2: bad
 * command-line arguments).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import JSZip from "jszip";
import { deployManifest, manifestUrls, normaliseBaseUrl, ROOT, validateManifestXml } from "./manifest";

const CDN_HOST = "appsforoffice.microsoft.com";
/** The pages the manifest and the ribbon open; each loads office.js. */
const PAGES = ["taskpane.html", "commands.html", "result.html"];

interface PackageJson {
  readonly version: string;
}

class PackageError extends Error {}

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, base) : [path.relative(base, full)];
  });
}

/** The production build with local office.js into `webDir` (webpack cleans it first). */
function buildAddin(webDir: string): void {
  const cli = path.join(ROOT, "node_modules/webpack-cli/bin/cli.js");
  const args = [cli, "--mode", "production", "--env", "officeJs=local", "--output-path", webDir, "--stats", "errors-warnings"];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ADDIN_BASE_URL: "" } });
  if (run.status !== 0) throw new PackageError(`the add-in build failed (webpack exit ${run.status ?? run.signal})`);
}

/** Pages that would load office.js from the CDN, or whose local office.js is missing. */
function pageProblems(webDir: string): string[] {
  const problems: string[] = [];
  for (const file of filesUnder(webDir).filter((f) => f.endsWith(".html"))) {
    if (readFileSync(path.join(webDir, file), "utf8").includes(CDN_HOST)) problems.push(`${file} references ${CDN_HOST}`);
  }
  for (const page of PAGES) {
    if (!existsSync(path.join(webDir, page))) problems.push(`${page} is missing`);
  }
  if (!existsSync(path.join(webDir, "office-js/office.js"))) problems.push("office-js/office.js is missing");
  return problems;
}

function instructions(base: URL, version: string): string {
  return [
    `督查通报助手 ${version} 部署包`,
    "",
    `1. 把 web 文件夹里的全部文件放到 HTTPS 网站上，使 ${base.href}taskpane.html 能在浏览器中打开。`,
    "2. 任选一种方式把 manifest.xml 交给 Excel：",
    "   · 共享文件夹：把 manifest.xml 放进一个网络共享文件夹；在 Excel 中依次点击 文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录，",
    "     在“目录 URL”中填入共享文件夹路径（如 \\\\server\\addins），点击“添加目录”，勾选“显示在菜单中”，确定后重启 Excel；",
    "     然后 插入 → 我的加载项 → 共享文件夹 → 督查通报助手 → 添加。",
    "   · 集中部署：Microsoft 365 管理员在 Microsoft 365 管理中心 → 设置 → 集成的应用 → 上传自定义应用，上传 manifest.xml 并指定用户。",
    "3. 更新：换上新版本的 web 文件夹和 manifest.xml（版本号取自 package.json，写在 manifest.xml 的 <Version> 中）。",
    "",
  ].join("\r\n");
}

async function zipFolder(dir: string, names: readonly string[], zipFile: string): Promise<void> {
  const zip = new JSZip();
  for (const name of names) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      for (const f of filesUnder(full)) zip.file(path.posix.join(name, ...f.split(path.sep)), readFileSync(path.join(full, f)));
    } else {
      zip.file(name, readFileSync(full));
    }
  }
  const data = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 }, platform: "DOS" });
  writeFileSync(zipFile, data);
}

interface PackageResult {
  readonly base: string;
  readonly outDir: string;
  readonly webDir: string;
  readonly manifest: string;
  readonly zip: string;
}

async function packageAddin(baseUrl: string, outDir: string): Promise<PackageResult> {
  const base = normaliseBaseUrl(baseUrl);
  const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;
  const out = path.resolve(outDir);
  if (out === ROOT || ROOT.startsWith(out + path.sep)) throw new PackageError(`--out cannot be the project folder or above it: ${out}`);
  const webDir = path.join(out, "web");
  const manifestFile = path.join(out, "manifest.xml");
  const notes = "部署说明.txt";
  const zipFile = path.join(out, `supervision-notice-addin-${version}.zip`);

  mkdirSync(out, { recursive: true });
  // Only what this script writes is replaced; anything else in --out is left alone.
  for (const old of readdirSync(out).filter((f) => /^supervision-notice-addin-.*\.zip$/.test(f))) rmSync(path.join(out, old));
  rmSync(manifestFile, { force: true });

  buildAddin(webDir);

  const xml = deployManifest(readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), base, version);
  const outside = manifestUrls(xml).filter((u) => !u.startsWith(base.href));
  if (outside.length > 0) throw new PackageError(`manifest URLs outside ${base.href}: ${outside.join(", ")}`);
  const validation = await validateManifestXml(xml, path.relative(process.cwd(), manifestFile) || manifestFile);
  if (!validation.valid) throw new PackageError(`the manifest for ${base.href} is not valid:\n${validation.errors.join("\n")}`);
  writeFileSync(manifestFile, xml);
  copyFileSync(manifestFile, path.join(webDir, "manifest.xml"));

  const problems = pageProblems(webDir);
  if (problems.length > 0) throw new PackageError(`the built pages are not self-contained:\n${problems.join("\n")}`);

  writeFileSync(path.join(out, notes), "\ufeff" + instructions(base, version));
  await zipFolder(out, ["web", "manifest.xml", notes], zipFile);
  return { base: base.href, outDir: out, webDir, manifest: manifestFile, zip: zipFile };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { "base-url": { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const baseUrl = values["base-url"] ?? process.env.ADDIN_BASE_URL;
  if (values.help || !baseUrl) {
    const usage = "Usage: npm run package -- --base-url https://<server>/<path>/ [--out deploy]";
    (values.help ? process.stdout : process.stderr).write(usage + "\n");
    return values.help ? 0 : 2;
  }
  const result = await packageAddin(baseUrl, values.out ?? path.join(ROOT, "deploy"));
  const rel = (p: string) => path.relative(process.cwd(), p) || ".";
  process.stdout.write(
    [
      `Add-in for ${result.base}:`,
      `  ${rel(result.webDir)}${path.sep}        serve these files at ${result.base}`,
      `  ${rel(result.manifest)}   for the shared-folder catalog or the admin center (validated)`,
      `  ${rel(result.zip)}`,
      "",
    ].join("\n"),
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`package: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") ? 2 : 1;
  },
);
