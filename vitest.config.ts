import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/**/*.chaos.test.ts", "node_modules/**"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // NOTE: a 2-core machine; forks keep memory-heavy tests isolated.
    pool: "forks",
  },
});
