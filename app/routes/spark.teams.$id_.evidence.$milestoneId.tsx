// A milestone's evidence PDF, for whoever may see the team (lead, members, mentors, the office); to
// anyone else, and when there is none, a 404, so a refusal never reveals that the team exists.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireViewer } from "~/auth/guards.server";
import { evidenceFile } from "~/spark/milestones.server";

import { SparkRuleError } from "~/spark/rules";
import { cvContentDisposition } from "~/talents/cv.server";
import { isUuid } from "~/ids";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireViewer(request, context);
  if (!isUuid(params.id) || !isUuid(params.milestoneId)) throw notFound();
  try {
    const file = await evidenceFile(context.services.db, viewer, params.id, params.milestoneId);
    return new Response(new Uint8Array(file.content), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(file.content.byteLength),
        "Content-Disposition": cvContentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof SparkRuleError) throw notFound();
    throw error;
  }
}
