// npm run search:reindex — rebuilds every index from the database, showing progress.
import { runCli } from "../server/cli";
import { logger } from "../server/logger";
import { reindexAll } from "./reindex";

await runCli("search:reindex", { seed: false, search: true }, async (services) => {
  await reindexAll(services.db, services.search, (index, done, total) => logger.info({ progress: `${done}/${total}` }, `indexing ${index}`));
});
