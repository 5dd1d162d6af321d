// npm run db:migrate — applies pending migrations and stops.
import { runCli } from "../server/cli";

await runCli("db:migrate", { seed: false, search: false }, async () => {});
