import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // End-to-end tests spawn many processes; two cores are the norm here.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
