// Downloading a trainee application's evidence PDF: the talent, the units their submitted list names,
// and the programme office (audited). To anyone else, and when there is none, it is a 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { forbidden, notFound, requireViewer } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { readEvidenceFor } from "~/placement/trainee-lists.server";
import { cvContentDisposition } from "~/talents/cv.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireViewer(request, context);
  const readsTrainees = (["read:trainee-application:own", "read:trainee-application:ranked", "read:trainee-application:any"] as const).some((p) => can(viewer.roles, p));
  if (!readsTrainees) throw forbidden();
  const file = await readEvidenceFor(context.services.db, viewer, params.id ?? "", context.clientIp);
  if (!file) throw notFound();
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.content.byteLength),
      "Content-Disposition": cvContentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
