import yaml from "js-yaml";
import { parseDocument, Lexer, Parser } from "yaml";
const styles = {
  flow: (n) => "a: " + "[".repeat(n) + "]".repeat(n) + "\n",
  flowmap: (n) => "a: " + "{b: ".repeat(n) + "1" + "}".repeat(n) + "\n",
  compact: (n) => "a:\n" + "- ".repeat(n) + "x\n",
  blockmap: (n) => { let s = ""; for (let i = 0; i < n; i++) s += " ".repeat(i) + "k:\n"; return s + " ".repeat(n) + "v\n"; },
};
const which = process.argv[2];
for (const [name, make] of Object.entries(styles)) {
  for (const n of [1000, 1500, 2000, 3000, 5000, 20000]) {
    const text = make(n);
    let r = "ok";
    const t = performance.now();
    try {
      if (which === "js") yaml.load(text);
      else if (which === "lex") { let c = 0; for (const _ of new Lexer().lex(text)) c++; }
      else if (which === "cst") { let c = 0; for (const _ of new Parser().parse(text)) c++; }
      else parseDocument(text);
    } catch (e) { r = e.constructor.name; }
    console.log(which, name, n, r, (performance.now() - t).toFixed(1));
  }
}
