// Downloading a document of a work-permit case: its talent, the hiring company's members and the
// programme office (audited); to anyone else it is a 404, so a refusal never reveals that one exists.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireViewer } from "~/auth/guards.server";
import { logPersonalDataRead } from "~/auth/visibility.server";
import { cvContentDisposition } from "~/talents/cv.server";
import { readDocument } from "~/work-permits/documents.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireViewer(request, context);
  const db = context.services.db;
  const file = await readDocument(db, viewer, params.id ?? "", params.documentId ?? "");
  if (!file) throw notFound();
  if (file.view === "office") await logPersonalDataRead(db, viewer, "work-permit-document", [params.documentId ?? ""], context.clientIp);
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.content.byteLength),
      "Content-Disposition": cvContentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
