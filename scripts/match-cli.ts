// npm run -s match -- <file.json>: runs the PhD programme's match on a file, with exactly the code the
// portal uses, and prints the assignments, the waitlists and the verification as JSON, so anyone can
// audit a published run from its stored input. Bad input: a message naming the problem, exit code 1.
// Not server/cli.ts's runCli: that opens the database and takes the instance lock, and this needs neither.
import { readFileSync } from "node:fs";
import { parseMatchInputJson } from "../app/placement/match-input";
import { runDeferredAcceptance, verifyMatching } from "../app/placement/match";

function refuse(lines: string[]): void {
  process.stderr.write(`match: ${lines.join("\n  ")}\n`);
  process.exitCode = 1;
}

function main(args: string[]): void {
  if (args.length !== 1) return refuse(["usage: npm run -s match -- <file.json>"]);
  const file = args[0]!;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return refuse([`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const parsed = parseMatchInputJson(text);
  if (!parsed.ok) return refuse([`${file} is not a valid match input:`, ...parsed.problems]);

  const { assignments, waitlists } = runDeferredAcceptance(parsed.input);
  const { stable, capacitiesRespected, mutuallyAcceptable, blockingPairs } = verifyMatching(parsed.input, assignments);
  // Written before any failure is reported, so an auditor sees what the faulty result was.
  process.stdout.write(`${JSON.stringify({ assignments, waitlists, verification: { stable, capacitiesRespected, mutuallyAcceptable } }, null, 2)}\n`);
  if (!stable || !capacitiesRespected || !mutuallyAcceptable) {
    const pairs = blockingPairs.slice(0, 10).map(({ applicant, unit }) => `blocking pair: applicant "${applicant}" and unit "${unit}"`);
    refuse(["the result failed verification; this is a bug in app/placement/match.ts", ...pairs]);
    process.exitCode = 2;
  }
}

// Exit codes through process.exitCode, never process.exit: a large result piped to another program
// must be written out in full before the process ends.
main(process.argv.slice(2));
