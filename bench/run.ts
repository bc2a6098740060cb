/** Runs every benchmark under bench/ one after the other; each rewrites its own section of BENCHMARKS.md. */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const folder = fileURLToPath(new URL(".", import.meta.url));
const HELPERS = new Set(["run.ts", "benchmarks-md.ts"]);
const only = process.argv.slice(2);
const scripts = readdirSync(folder)
  .filter((name) => name.endsWith(".ts") && !HELPERS.has(name) && !name.endsWith(".test.ts"))
  .filter((name) => only.length === 0 || only.some((wanted) => name.includes(wanted)))
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n# bench/${script}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", `${folder}${script}`], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
