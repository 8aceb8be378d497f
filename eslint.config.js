// ESLint flat config.
//
// - typescript-eslint's recommended rules (no type information needed) for the
//   TypeScript sources, tests, scripts, samples and the root config files.
// - eslint-plugin-office-addins' Office.js load/sync rules for the code that
//   talks to Excel through Office.js. The plugin's own flat configs bundle
//   prettier and React presets, so only its plugin object is registered and
//   its rules are listed here (same severities as its "recommended" set).
import { defineConfig, globalIgnores } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

/** Code that runs against Office.js (src/core and the ExcelJS host do not). */
const OFFICE_JS_FILES = [
  "src/hosts/officejs/**/*.{ts,tsx}",
  "src/taskpane/**/*.{ts,tsx}",
  "src/commands/**/*.{ts,tsx}",
];

export default defineConfig([
  globalIgnores(["dist/", "dist-cli/", "deploy/", "node_modules/", "coverage/", "out/", ".tmp/"]),
  {
    files: [
      "src/**/*.{ts,tsx}",
      "tests/**/*.{ts,tsx,js,mjs}",
      "scripts/**/*.{ts,js,mjs}",
      "samples/**/*.{ts,js,mjs}",
      "*.{ts,js,mjs}",
    ],
    extends: [tseslint.configs.recommended],
    rules: {
      // `_name` marks a parameter or variable that is unused on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: OFFICE_JS_FILES,
    plugins: { "office-addins": officeAddins },
    rules: {
      // Reading a proxy property needs load() and then context.sync().
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      // Use isNullObject, not `=== null`, on *OrNullObject results.
      "office-addins/test-for-null-using-isNullObject": "error",
      // A warning, not an error: chunked writes (5 MB request cap on the web)
      // may sync in a loop on purpose; mark those with an eslint-disable comment.
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
    },
  },
]);
