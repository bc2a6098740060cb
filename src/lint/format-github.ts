import type { FileResult } from "./file-result.js";

/** `%`, CR and LF in a workflow command's message, as GitHub's own toolkit (@actions/core) escapes them. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value (`file=…,title=…`) also escapes the `:` and `,` that would end it. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * One file's messages as GitHub Actions workflow commands (`::error file=…,line=…,col=…,endLine=…,endColumn=…,
 * title=RULE::message`): run in a workflow, each becomes an annotation on the file and line, shown on the pull
 * request, with no other tool (ruff's and ESLint's `github` output do the same). One line per message.
 */
export function formatGithubFile(result: FileResult): string {
  let out = "";
  for (const message of result.messages) {
    const properties = [
      `file=${escapeProperty(result.file)}`,
      `line=${message.line}`,
      `col=${message.column}`,
      ...(message.endLine === undefined ? [] : [`endLine=${message.endLine}`]),
      ...(message.endColumn === undefined ? [] : [`endColumn=${message.endColumn}`]),
      `title=${escapeProperty(message.ruleId)}`,
    ];
    out += `::${message.severity} ${properties.join(",")}::${escapeData(message.message)}\n`;
  }
  return out;
}
