// One portal per data folder: a second start would fight over PGlite and Meilisearch's files.
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import path from "node:path";

export class InstanceLockedError extends Error {}

export function acquireInstanceLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "portal.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(file, "utf8").trim());
      if (isRunning(pid) && pid !== process.pid) {
        throw new InstanceLockedError(
          `Another portal (pid ${pid}) is already running with the data folder ${dataDir}. Stop it first, or set DATA_DIR to another folder.`,
        );
      }
      // Left behind by a process that was killed: take it over.
      rmSync(file, { force: true });
    }
  }
  throw new InstanceLockedError(`Could not lock ${file}`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
