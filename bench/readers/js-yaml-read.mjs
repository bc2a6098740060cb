// Reads every card of a folder and js-yaml-loads its front matter, nothing else: the floor of bench/readers.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";

const FRONT_MATTER = /^(\s*---[\r\n]+)([\S\s]*?)([\r\n]+---[ \t]*(?:\r\n|\n|$))/;
let count = 0;
for (const name of readdirSync(process.argv[2]).sort()) {
  if (!name.endsWith(".md")) continue;
  const match = FRONT_MATTER.exec(readFileSync(join(process.argv[2], name), "utf8"));
  try {
    if (match) load(match[2]);
  } catch {}
  count++;
}
console.log(count);
