// Reads every card of a folder and parses its front matter with yaml's parseDocument (strict YAML 1.2, comments kept).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";

const FRONT_MATTER = /^(\s*---[\r\n]+)([\S\s]*?)([\r\n]+---[ \t]*(?:\r\n|\n|$))/;
let count = 0;
for (const name of readdirSync(process.argv[2]).sort()) {
  if (!name.endsWith(".md")) continue;
  const match = FRONT_MATTER.exec(readFileSync(join(process.argv[2], name), "utf8"));
  if (match) parseDocument(match[2]).toJS();
  count++;
}
console.log(count);
