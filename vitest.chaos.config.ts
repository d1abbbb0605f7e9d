import { defineConfig } from "vitest/config";

// `npm run test:chaos`: the heavy fault-injection runs only (docs/reliability.md).
export default defineConfig({
  test: {
    include: ["test/**/*.chaos.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
