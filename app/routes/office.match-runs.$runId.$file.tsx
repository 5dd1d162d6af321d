// A stored match run's exact input or output JSON, for the office to hand to anyone who wants to re-run
// it: `npm run -s match -- input.json` prints the output byte for byte, and `sha256sum input.json`
// gives the hash shown on the match page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "~/auth/guards.server";
import { getRun } from "~/placement/match-runs.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "manage:placement-round:any");
  const run = await getRun(context.services.db, params.runId ?? "");
  const file = params.file;
  if (!run || (file !== "input.json" && file !== "output.json")) throw notFound();
  return new Response(file === "input.json" ? run.inputJson : run.outputJson, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="match-run-${run.runNumber}-${file}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
