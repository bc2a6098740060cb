import { Help } from "commander";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import type { CliIo } from "../../src/cli/io.js";
import { cli } from "../../src/cli/main.js";

const quiet: CliIo = { stdout: () => {}, stderr: () => {}, readStdin: async () => "", env: {}, cwd: ".", isTTY: false };

describe("the command list that top-level help shows without loading any command", () => {
  it.each(Object.entries(COMMANDS))("is in step with the %s command itself", async (name, entry) => {
    const command = (await entry.load())({ io: quiet, exit: () => {} });
    expect(command.name()).toBe(name);
    expect(new Help().subcommandTerm(command)).toBe(entry.term);
    expect(command.description()).toBe(entry.summary);
  });

  it("lists every command with its usage and summary, and answers --version", async () => {
    let out = "";
    const io: CliIo = {
      ...quiet,
      stdout: (text) => {
        out += text;
      },
    };
    expect(await cli(["--help"], io)).toBe(0);
    for (const entry of Object.values(COMMANDS)) expect(out.replace(/\s+/g, " ")).toContain(entry.term);
    out = "";
    expect(await cli(["--version"], io)).toBe(0);
    expect(out).toMatch(/^\d+\.\d+\.\d+\n$/);
    out = "";
    expect(await cli(["help", "lint"], io)).toBe(0);
    expect(out).toContain("--format");
  });
});
