/** Helpers for the set-up tests: a PATH with Node alone, npm as a child process. */
import { spawn } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program without a shell; never rejects. */
export function run(cmd: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill(), options.timeoutMs ?? 120_000);
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: stderr + String(e) });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A PATH holding Node and nothing else (no xmllint, no browser, no shell
 * tools): a temp folder with a link to this Node. On Windows, where links need
 * rights, Node's own folder.
 */
export function nodeOnlyPath(): string {
  if (process.platform === "win32") return path.dirname(process.execPath);
  const dir = mkdtempSync(path.join(tmpdir(), "node-only-"));
  symlinkSync(process.execPath, path.join(dir, "node"));
  return dir;
}

/** The environment with PATH replaced (Windows spells it Path). */
export function envWithPath(pathValue: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of Object.keys(env)) if (key.toUpperCase() === "PATH") delete env[key];
  env.PATH = pathValue;
  return env;
}

/** npm as [program, args]: npm's own script under this Node when npm started us, else `npm` on the PATH. */
export function npmCommand(args: readonly string[]): [string, string[]] {
  const cli = process.env.npm_execpath;
  if (cli && /\.c?js$/.test(cli)) return [process.execPath, [cli, ...args]];
  return [process.platform === "win32" ? "npm.cmd" : "npm", [...args]];
}
