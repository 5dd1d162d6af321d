// A certificate as a bilingual PDF, made on request for its holder, the programme's staff and the office.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireViewer } from "~/auth/guards.server";
import { certificatePdf } from "~/programmes/certificate-pdf.server";
import { certificateForViewer } from "~/programmes/enrolment.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requireViewer(request, context);
  const code = params.code ?? "";
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(code)) throw notFound();
  const found = await certificateForViewer(context.services.db, viewer, code);
  // Someone else's certificate is a 404, as if it did not exist.
  if (!found) throw notFound();
  // A revoked certificate is not handed out again: an old link lands on the page that says it was revoked.
  if (found.certificate.revokedAt) throw redirect(`/certificates/${found.certificate.verificationCode}`);
  const publicUrl = context.services.env.PUBLIC_URL.replace(/\/$/, "");
  const issuedOn = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei" }).format(found.certificate.issuedAt);
  const pdf = await certificatePdf({
    holder: found.holder.displayName,
    programmeZh: found.programme.titleZh,
    programmeEn: found.programme.titleEn,
    providerZh: found.programme.providerZh,
    providerEn: found.programme.providerEn,
    cohort: found.cohort.name,
    startsOn: found.cohort.startsOn,
    endsOn: found.cohort.endsOn,
    icapLevel: found.cohort.icapLevel,
    serial: found.certificate.serial,
    issuedOn,
    verificationUrl: `${publicUrl}/certificates/${found.certificate.verificationCode}`,
  });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificate-${found.certificate.serial}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
