import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/support/temporary-folder-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
