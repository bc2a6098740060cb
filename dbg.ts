import { Lexer, Parser } from "yaml";
const text = 'a:\n  b:\n    - [x]: y\n    - ? c\n      : d\n';
const parser = new Parser();
let prev: unknown[] = [];
for (const lexeme of new Lexer().lex(text)) {
  for (const _ of parser.next(lexeme)) {}
  const mutated = parser.stack.filter((t, i) => prev[i] && (prev[i] as any).tok === t && (prev[i] as any).type !== t.type);
  if (mutated.length) console.log("MUTATED", JSON.stringify(lexeme), mutated.map((t) => t.type));
  prev = parser.stack.map((t) => ({ tok: t, type: t.type }));
}
console.log("done");
