// Builds the command line into one plain JavaScript file for Node 20+:
// dist-cli/supervision-notice.cjs, the package's `bin`. Every library it uses
// is bundled in, so the packed tarball installs with no
// dependencies and runs without TypeScript (`npm pack`, `npm install -g`).
//
//   node scripts/build-cli.mjs              always builds (npm run build:cli, prepack)
//   node scripts/build-cli.mjs --if-stale   builds only when a file that went into the
//                                           last build changed (prenotice, predemo)
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI_BUNDLE = path.join(root, "dist-cli", "supervision-notice.cjs");
/** The files the last build read (esbuild's metafile inputs), for --if-stale. */
const INPUTS = path.join(root, "dist-cli", "inputs.json");

function upToDate() {
  if (!existsSync(CLI_BUNDLE) || !existsSync(INPUTS)) return false;
  const built = statSync(CLI_BUNDLE).mtimeMs;
  const inputs = [...JSON.parse(readFileSync(INPUTS, "utf8")), "package.json", "package-lock.json", "scripts/build-cli.mjs"];
  return inputs.every((f) => {
    try {
      return statSync(path.resolve(root, f)).mtimeMs <= built;
    } catch {
      return false; // gone: rebuild
    }
  });
}

if (process.argv.includes("--if-stale") && upToDate()) process.exit(0);

const { build } = await import("esbuild");
const result = await build({
  entryPoints: [path.join(root, "src/cli/main.ts")],
  outfile: CLI_BUNDLE,
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  // CommonJS: plain for Node, and what bundled CommonJS libraries expect when they require() Node's modules.
  format: "cjs",
  // Smaller and faster to load; names are kept readable for DEBUG=1 stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "eof",
  banner: { js: "#!/usr/bin/env node" },
  logLevel: "warning",
  metafile: true,
});

// Only Node's own modules may stay outside the bundle.
const external = Object.values(result.metafile.outputs)
  .flatMap((o) => o.imports)
  .filter((i) => i.external && !i.path.startsWith("node:") && !builtinModules.includes(i.path));
if (external.length > 0) {
  console.error(`build-cli: not bundled: ${[...new Set(external.map((i) => i.path))].join(", ")}`);
  process.exit(1);
}
chmodSync(CLI_BUNDLE, 0o755);
writeFileSync(INPUTS, JSON.stringify(Object.keys(result.metafile.inputs)));
