// npm run db:seed [-- --demo] — loads the survey and programme data (and the demo set with --demo).
import { loadDemoData } from "./demo/load";
import { runCli } from "../server/cli";

const demo = process.argv.includes("--demo");
await runCli("db:seed", { seed: true, search: false }, async (services) => {
  if (demo && !services.env.LOAD_DEMO_DATA) await loadDemoData(services.db);
});
