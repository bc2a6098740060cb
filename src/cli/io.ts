/** Where a command reads and writes; `cli()` takes one so that tests run commands in process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Stdin's bytes (text is taken as UTF-8): cards read from stdin are decoded as files are. */
  readStdin: () => Promise<Uint8Array | string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True when stderr is a terminal (progress bars, colours). */
  isTTY: boolean;
}

export function processIo(): CliIo {
  // `modelcard lint . | head` closes the pipe early: stop quietly, as other command-line tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
  };
}
