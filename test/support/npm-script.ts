// Runs the portal's npm scripts (db:backup, db:restore, db:seed, db:migrate) as a person would, in a
// child process with a controlled environment: awaited to the end, or started to be killed midway.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Variables the portal reads; never inherited from the test runner. */
const PORTAL_VARIABLES = ["DATABASE_URL", "DATA_DIR", "MEILI_URL", "MEILI_MASTER_KEY", "MEILI_BIN", "MEILI_INDEX_PREFIX", "LOAD_DEMO_DATA", "LOG_LEVEL", "PORT", "NODE_ENV"];

export interface ScriptResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** The wall-clock start (Date.now()), to place the log lines' own "time" on the same scale. */
  startedAt: number;
  /** Each stdout line with when it arrived, in ms since the start. */
  timeline: Array<{ ms: number; line: string }>;
}

export interface RunningScript {
  child: ChildProcess;
  /** Both streams so far. */
  output(): string;
  /** Resolves when the output matches (rejects if the script ends first). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  done: Promise<ScriptResult>;
}

export function startScript(script: string, args: string[], env: Record<string, string | undefined>): RunningScript {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "info" };
  for (const name of PORTAL_VARIABLES) if (name !== "LOG_LEVEL") delete childEnv[name];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else childEnv[name] = value;
  }
  const started = performance.now();
  const startedAt = Date.now();
  // `node --import tsx <file>` as the npm script's tsx does, without npm in between: a signal then
  // reaches the script itself (kill tests), and npm's own start-up is not timed.
  const file = scriptFile(script);
  const child = spawn(process.execPath, ["--import", "tsx", ...file, ...args], { cwd: repoRoot, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let partial = "";
  const timeline: ScriptResult["timeline"] = [];
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    const ms = Math.round(performance.now() - started);
    for (const line of lines) timeline.push({ ms, line });
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  let finished = false;
  const done = new Promise<ScriptResult>((resolve) => {
    child.once("close", (code, signal) => {
      finished = true;
      resolve({ code, signal, stdout, stderr, ms: Math.round(performance.now() - started), startedAt, timeline });
    });
  });
  return {
    child,
    output: () => `--- stdout ---\n${stdout.slice(-4000)}\n--- stderr ---\n${stderr.slice(-4000)}`,
    waitForOutput: async (pattern, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(stdout) && !pattern.test(stderr)) {
        if (finished) throw new Error(`${script} ended before printing ${pattern}:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
        if (Date.now() > deadline) throw new Error(`${script} did not print ${pattern} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    done,
  };
}

export function runScript(script: string, args: string[], env: Record<string, string | undefined>): Promise<ScriptResult> {
  return startScript(script, args, env).done;
}

/** The file (and fixed arguments) behind an npm script "tsx <file> [args]" in package.json. */
function scriptFile(script: string): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const command = scripts[script];
  const match = command && /^tsx (.+)$/.exec(command);
  if (!match) throw new Error(`package.json has no "tsx …" script ${script} (found: ${command ?? "nothing"})`);
  return match[1]!.split(/\s+/);
}
