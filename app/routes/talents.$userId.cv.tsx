// Downloading a talent's CV: signed-in viewers only, and only those cv.server.ts lets read it; to
// anyone else (and when there is no CV) it is a 404, so a refusal never reveals that one exists.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireViewer } from "~/auth/guards.server";
import { cvContentDisposition, readCvFor } from "~/talents/cv.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireViewer(request, context);
  const talentUserId = params.userId ?? "";
  if (talentUserId.length === 0 || talentUserId.length > 255) throw notFound();
  const file = await readCvFor(context.services.db, viewer, talentUserId, { ip: context.clientIp });
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
