/**
 * The package's version for `--version`: read from package.json at build time
 * (esbuild inlines the JSON into the command's bundle) or at run time under tsx.
 */
import packageJson from "../../package.json";

export const VERSION: string = packageJson.version;
