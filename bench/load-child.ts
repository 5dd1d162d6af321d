// The load loop's own process (see runLoadInChild in load.ts): takes LoadOptions over IPC,
// answers with progress messages and one result, then exits.
import { runLoad, type ChildMessage, type LoadOptions } from "./load";

const send = (message: ChildMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

process.once("message", (options: Omit<LoadOptions, "progress">) => {
  runLoad({ ...options, progress: (done, total) => void send({ kind: "progress", done, total }) })
    .then((result) => send({ kind: "result", result }))
    .catch((error: unknown) => send({ kind: "error", message: (error as Error).message }))
    .finally(() => process.disconnect());
});
