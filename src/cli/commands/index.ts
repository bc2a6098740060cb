import type { DefineCommand } from "../command.js";

/**
 * Every command, in the order `modelcard --help` lists them. Each is imported only when it runs (or for help):
 * start-up then pays for one command's dependencies, not for every command's.
 */
export const commandLoaders: Readonly<Record<string, () => Promise<DefineCommand>>> = {
  generate: async () => (await import("./generate.js")).generateCommand,
  inspect: async () => (await import("./inspect.js")).inspectCommand,
  update: async () => (await import("./update.js")).updateCommand,
  lint: async () => (await import("./lint.js")).lintCommand,
  push: async () => (await import("./push.js")).pushCommand,
};
