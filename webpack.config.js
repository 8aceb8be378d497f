// Webpack build for the Excel add-in: task pane (React) and ribbon commands.
//
//   npm run build        production, office.js from Microsoft's CDN
//   npm run build:local  production, office.js served from dist/office-js/ (intranets)
//   npm run build:dev    development build (local office.js, source maps)
//   npm run dev-server   https://localhost:3000 (dev certificates), local office.js
//   npm run dev-server -- --env http   plain http://localhost:3000 (harness, tests)
//
// Environment:
//   OFFICE_JS=local     same as --env officeJs=local
//   ADDIN_BASE_URL      production only: dist/manifest.xml gets this base URL
//                       (e.g. https://oa.example.gov.cn/dctb/) instead of
//                       https://localhost:3000/. Unset: localhost is kept.
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";

const root = dirname(fileURLToPath(import.meta.url));

const DEV_BASE_URL = "https://localhost:3000/";
const DEV_PORT = 3000;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIST = join(root, "node_modules/@microsoft/office-js/dist");
const KB = 1024;

/**
 * What office.js loads next to itself (found by reading office.js and the host
 * files): the host file for the running Excel (excel-win32-16.01.js,
 * excel-web-16.00.js, excel-mac-16.00.js, ...; "-core" variants), the locale
 * strings <locale>/office_strings.js (falls back to en-us), the Office 2013
 * mapping table, OTel telemetry (telemetry/oteljs_agave.js), Aria telemetry,
 * the web auth helpers and the error page shown in Excel on the web
 * (requested as AgaveErrorUX/, stored as agaveerrorux/, so both are copied).
 * Debug builds, other hosts (Word, Outlook, ...) and typings are left out.
 */
function officeJsCopyPatterns() {
  const info = { minimized: true }; // already minified: keep Terser away
  const ignore = ["**/*.debug.js", "**/*-vsdoc.js"];
  const files = [
    "office.js",
    "o15apptofilemappingtable.js",
    "es6-promise.js",
    "excel*.js",
    "*/office_strings.js",
    "telemetry/*.js",
    "ariatelemetry/*.js",
    "webauth/*.js",
  ];
  return [
    ...files.map((from) => ({ from, context: OFFICE_JS_DIST, to: "office-js/", info, globOptions: { ignore } })),
    { from: "agaveerrorux", context: OFFICE_JS_DIST, to: "office-js/agaveerrorux/", info },
    { from: "agaveerrorux", context: OFFICE_JS_DIST, to: "office-js/AgaveErrorUX/", info },
  ];
}

/** Production manifest: swap the dev base URL for ADDIN_BASE_URL when it is set. */
function manifestTransform(production) {
  const raw = production ? process.env.ADDIN_BASE_URL?.trim() : undefined;
  if (!raw) return (content) => content;
  let base;
  try {
    base = new URL(raw.endsWith("/") ? raw : `${raw}/`);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a valid URL: ${raw}`);
  }
  if (base.protocol !== "https:") {
    console.warn(`[webpack] ADDIN_BASE_URL ${base.href} is not https: Office only loads add-ins over https.`);
  }
  const devOrigin = DEV_BASE_URL.slice(0, -1);
  return (content) =>
    content.toString("utf8").replaceAll(DEV_BASE_URL, base.href).replaceAll(devOrigin, base.origin);
}

/**
 * Dev server transport. `--env http` forces plain http (harness, tests). On
 * Windows/macOS office-addin-dev-certs creates and trusts a localhost
 * certificate; elsewhere (Linux) only existing certificate files are used, so
 * the server never tries to install a CA with sudo. Without certificates it
 * falls back to http with a warning (Office itself needs https).
 */
async function devServerTransport(env) {
  if (env.http) return { type: "http" };
  try {
    if (process.platform === "win32" || process.platform === "darwin") {
      const devCerts = await import("office-addin-dev-certs");
      const getHttpsServerOptions = devCerts.getHttpsServerOptions ?? devCerts.default?.getHttpsServerOptions;
      return { type: "https", options: await getHttpsServerOptions() };
    }
    const dir = join(homedir(), ".office-addin-dev-certs");
    const [ca, cert, key] = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => join(dir, f));
    if (existsSync(cert) && existsSync(key)) {
      return {
        type: "https",
        options: { cert: readFileSync(cert), key: readFileSync(key), ...(existsSync(ca) ? { ca: readFileSync(ca) } : {}) },
      };
    }
    console.warn(`[webpack] No dev certificates in ${dir}.`);
  } catch (error) {
    console.warn(`[webpack] Could not get the https dev certificates: ${error instanceof Error ? error.message : error}`);
  }
  console.warn("[webpack] Serving plain http://localhost:3000 (Office needs https; use --env http to silence this).");
  return { type: "http" };
}

export default async function config(env = {}, argv = {}) {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const localOfficeJs = !production || env.officeJs === "local" || process.env.OFFICE_JS === "local";
  const officeJsUrl = localOfficeJs ? "office-js/office.js" : OFFICE_JS_CDN;

  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The ribbon command's result dialog (text in the query string).
      result: "./src/commands/result.ts",
      // Excel for Mac saves the pane's Word documents through this page in the default browser (no office.js).
      download: "./src/taskpane/download.ts",
    },
    output: {
      path: resolve(root, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "", // relative URLs: dist/ can be hosted under any path
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // TypeScript sources may import "./x.js" (NodeNext style) for "./x.ts".
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true, // type checking: npm run typecheck
              compilerOptions: {
                noEmit: false,
                // Our own code down to ES2019 for older Office webviews; class
                // field semantics stay those of the project's ES2022 target.
                target: "ES2019",
                useDefineForClassFields: true,
              },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: "download.html",
        template: "./src/taskpane/download.html",
        chunks: ["download"],
      }),
      new HtmlWebpackPlugin({
        filename: "result.html",
        template: "./src/commands/result.html",
        chunks: ["result"],
        templateParameters: { officeJsUrl },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "src/taskpane/help.html", to: "help.html" },
          { from: "manifest.xml", to: "manifest.xml", transform: manifestTransform(production) },
          ...(localOfficeJs ? officeJsCopyPatterns() : []),
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // The pane's libraries (React, Fluent UI) in their own file, so the
          // first-load size of app code and of vendor code can be measured.
          taskpaneVendor: {
            test: /[\\/]node_modules[\\/]/,
            chunks: (chunk) => chunk.name === "taskpane",
            name: "taskpane-vendor",
            enforce: true,
          },
        },
      },
    },
    // Webpack measures minified bytes. The pane's real budget is 250 KB gzip for
    // what taskpane.html loads first (about 180 KB today; measured by
    // scripts/bench/pane.ts and checked in tests/e2e/pane.test.ts); minified
    // React + Fluent code gzips about 3.5:1, so warn past 800 KB minified.
    performance: {
      hints: production ? "warning" : false,
      maxEntrypointSize: 800 * KB,
      maxAssetSize: 800 * KB,
      assetFilter: (name) => name.endsWith(".js") && !name.startsWith("office-js/"),
    },
    devServer: serving
      ? {
          port: DEV_PORT,
          server: await devServerTransport(env),
          static: false, // everything, office-js/ included, comes from the build
          headers: { "Access-Control-Allow-Origin": "*" },
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
}
