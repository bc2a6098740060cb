import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/support/temporary-folder-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // No test reaches huggingface.co, nor does a command a test spawns: the base model's card is not read.
    env: { HF_HUB_OFFLINE: "1" },
  },
});
