// One portal per data folder: a second start would fight over PGlite and Meilisearch's files.
// The lock records the holder's pid and its start time, so a pid reused by another program after
// a crash is not mistaken for a running portal.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class InstanceLockedError extends Error {}

export function acquireInstanceLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "portal.lock");
  const mine = `${process.pid} ${startTimeOf(process.pid) ?? ""}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        // Only remove the lock if it is still ours.
        if (readLock(file) === mine) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      const [pidText, startTime] = (holder ?? "").split(" ");
      const pid = Number(pidText);
      if (pid !== process.pid && isSameProcess(pid, startTime)) {
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

function readLock(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}

function isSameProcess(pid: number, recordedStart: string | undefined): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const actual = startTimeOf(pid);
  // Without /proc (not Linux) fall back to "a process with that pid exists".
  return !recordedStart || actual === null || actual === recordedStart;
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}
