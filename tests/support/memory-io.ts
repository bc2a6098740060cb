import type { CliIo } from "../../src/cli/io.js";

/** A CliIo that records what a command prints, for in-process CLI tests. */
export function memoryIo(options: { stdin?: string; env?: NodeJS.ProcessEnv; cwd?: string; isTTY?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readStdin: async () => options.stdin ?? "",
    // Tests never reach huggingface.co: offline unless a test says otherwise (HF_HUB_OFFLINE: "0", with HF_ENDPOINT).
    env: { HF_HUB_OFFLINE: "1", ...options.env },
    cwd: options.cwd ?? process.cwd(),
    isTTY: options.isTTY ?? false,
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}
