// Starts a portal for the end-to-end tests on a fresh database, and removes it when stopped.
import { spawn } from "node:child_process";
import { createFreshDatabase } from "../test/support/fresh-database";

const fresh = await createFreshDatabase("e2e");
const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
  stdio: "inherit",
  env: { ...process.env, ...fresh.env, LOAD_DEMO_DATA: "true" },
});
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
child.on("exit", async (code) => {
  await fresh.drop().catch((error) => console.error("could not drop the e2e database", error));
  process.exit(code ?? 0);
});
