import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
import { SeededDataFirst } from "./test/sequencer";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One database per run is shared by the suites, so files run one after another.
    fileParallelism: false,
    sequence: { sequencer: SeededDataFirst },
  },
});
