// Runs only the seed-transcription tests, which need no database or search server.
import { defineConfig } from "vitest/config";
export default defineConfig({ test: { include: ["test/seeds/**/*.test.ts"] } });
