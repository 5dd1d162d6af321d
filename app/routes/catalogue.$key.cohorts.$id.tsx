// One cohort for its programme's staff and the office: the roster, the waitlist, the attendance grid
// (one row per seated talent, one column per recorded session), completion and certificates.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { forbidden, notFound, requirePermission } from "~/auth/guards.server";
import type { Viewer } from "~/auth/session.server";
import { logPersonalDataRead } from "~/auth/visibility.server";
import { ErrorList, FormMessage } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { isOffice } from "~/programmes/catalogue.server";
import { useZodForm } from "~/components/use-zod-form";
import { toTaipeiLocal } from "~/placement/calendar";
import { CohortFields } from "~/programmes/cohort-fields";
import { attendanceSchema, editCohortSchema, REVOKE_REASON_MAX, revokeSchema, staffIntentSchema, taipeiInstant } from "~/programmes/cohort-schema";
import { cohortRoster, EnrolmentRuleError, getCohortForStaff, issueCertificate, markCompleted, recordAttendance, revokeCertificate, updateCohort } from "~/programmes/enrolment.server";
import { formatDateTime } from "~/i18n/format";
import { enrolmentRefusal } from "~/programmes/refusals";
import { isUuid } from "~/ids";

export const meta: MetaFunction = () => [{ title: "梯次 · Cohort" }];

/** What each staff action says once done (the action redirects here with ?done=…). */
const DONE = { editCohort: "catalogue.cohorts.saved", attendance: "catalogue.roster.doneAttendance", complete: "catalogue.roster.doneComplete", certificate: "catalogue.roster.doneCertificate", revoke: "catalogue.roster.revoked" } as const;

async function cohortFor(context: LoaderFunctionArgs["context"], viewer: Viewer, key: string, id: string | undefined) {
  if (!isUuid(id)) throw notFound();
  try {
    return await getCohortForStaff(context.services.db, viewer, key, id);
  } catch (error) {
    if (error instanceof EnrolmentRuleError) throw error.code === "notFound" ? notFound() : forbidden();
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "update:programme:organisation");
  const { cohort, programme } = await cohortFor(context, viewer, params.key ?? "", params.id);
  const roster = await cohortRoster(context.services.db, cohort.id);
  if (isOffice(viewer) && roster.people.length > 0) {
    await logPersonalDataRead(context.services.db, viewer, "enrolment", roster.people.map((p) => p.id), context.clientIp);
  }
  const locale = await getLocale(request);
  const done = new URL(request.url).searchParams.get("done");
  const mark = new Map(roster.marks.map((m) => [`${m.enrolmentId}/${m.sessionOn}`, m.present]));
  const certificateOf = new Map(roster.certificates.map((c) => [c.enrolmentId, c]));
  const seated = roster.people.filter((p) => p.status === "enrolled" || p.status === "completed" || p.status === "not_completed");
  return {
    programme: { key: programme.key, title: pick(locale, programme.titleZh, programme.titleEn) },
    cohort: {
      name: cohort.name, startsOn: cohort.startsOn, endsOn: cohort.endsOn, capacity: cohort.capacity, icapLevel: cohort.icapLevel,
      enrolmentClosesAt: cohort.enrolmentClosesAt ? toTaipeiLocal(cohort.enrolmentClosesAt) : null,
    },
    sessions: roster.sessions,
    seated: seated.map((p) => ({
      id: p.id, name: p.name, email: p.email, status: p.status,
      marks: roster.sessions.map((s) => mark.get(`${p.id}/${s}`) ?? null),
      certificate: certificateOf.get(p.id)
        ? {
            code: certificateOf.get(p.id)!.verificationCode,
            serial: certificateOf.get(p.id)!.serial,
            revokedAt: certificateOf.get(p.id)!.revokedAt ? formatDateTime(certificateOf.get(p.id)!.revokedAt!, locale) : null,
          }
        : null,
    })),
    done: done && done in DONE ? DONE[done as keyof typeof DONE] : null,
    waitlist: roster.people.filter((p) => p.status === "waitlisted").map((p) => ({ id: p.id, name: p.name, place: p.waitlistPosition })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:programme:organisation");
  const form = await request.formData();
  const { cohort, programme } = await cohortFor(context, viewer, params.key ?? "", params.id);
  const db = context.services.db;
  const back = `/catalogue/${programme.key}/cohorts/${cohort.id}`;
  try {
    if (form.get("intent") === "attendance") {
      const submission = parseWithZod(form, { schema: attendanceSchema });
      if (submission.status !== "success") return data({ result: submission.reply(), message: null }, { status: 400 });
      await recordAttendance(db, viewer, cohort.id, submission.value.sessionOn, submission.value.present, context.clientIp);
      return redirect(`${back}?done=attendance`);
    }
    if (form.get("intent") === "editCohort") {
      const submission = parseWithZod(form, { schema: editCohortSchema });
      if (submission.status !== "success") return data({ result: submission.reply(), message: "catalogue.refusal.checkForm", editing: true }, { status: 400 });
      const v = submission.value;
      try {
        const input = { name: v.name, startsOn: v.startsOn, endsOn: v.endsOn, capacity: v.capacity, icapLevel: v.icapLevel ?? null, enrolmentClosesAt: v.enrolmentClosesAt ? taipeiInstant(v.enrolmentClosesAt) : null };
        await updateCohort(db, viewer, cohort.id, input, context.clientIp, { publicUrl: context.services.env.PUBLIC_URL });
      } catch (error) {
        if (!(error instanceof EnrolmentRuleError)) throw error;
        const refusal = enrolmentRefusal(error.code);
        return data({ result: submission.reply({ formErrors: [refusal.message] }), message: refusal.message, editing: true }, { status: refusal.status });
      }
      context.services.mail.wake();
      return redirect(`${back}?done=editCohort`);
    }
    if (form.get("intent") === "revoke") {
      const submission = parseWithZod(form, { schema: revokeSchema });
      const enrolmentId = String(form.get("enrolmentId") ?? "");
      if (submission.status !== "success") return data({ result: submission.reply(), message: "catalogue.refusal.checkForm", revokeFor: enrolmentId }, { status: 400 });
      await revokeCertificate(db, viewer, submission.value.enrolmentId, submission.value.reason, context.clientIp, { publicUrl: context.services.env.PUBLIC_URL });
      context.services.mail.wake();
      return redirect(`${back}?done=revoke`);
    }
    const submission = parseWithZod(form, { schema: staffIntentSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), message: "catalogue.refusal.badRequest" }, { status: 400 });
    if (submission.value.intent === "complete") await markCompleted(db, viewer, submission.value.enrolmentId, context.clientIp);
    else await issueCertificate(db, viewer, submission.value.enrolmentId, context.clientIp);
    return redirect(`${back}?done=${submission.value.intent}`);
  } catch (error) {
    if (!(error instanceof EnrolmentRuleError)) throw error;
    const refusal = enrolmentRefusal(error.code);
    return data({ result: null, message: refusal.message }, { status: refusal.status });
  }
}

export default function CohortPage() {
  const { programme, cohort, sessions, seated, waitlist, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const sessionErrors = actionData?.result && "error" in actionData.result ? (actionData.result.error as Record<string, string[] | undefined> | undefined)?.sessionOn : undefined;
  return (
    <div className="space-y-6">
      <nav aria-label={t("catalogue.breadcrumb")} className="text-sm"><Link to={`/catalogue/${programme.key}/edit`}>← {programme.title}</Link></nav>
      <header className="space-y-1">
        <h1>{cohort.name}</h1>
        <p className="text-slate-700">
          {t("catalogue.cohorts.facts", { starts: cohort.startsOn, ends: cohort.endsOn, capacity: String(cohort.capacity) })}
          {cohort.icapLevel !== null ? ` · ${t("catalogue.cohorts.icap", { level: String(cohort.icapLevel) })}` : ""}
        </p>
      </header>
      {actionData?.message ? <FormMessage>{t(actionData.message as never)}</FormMessage> : done ? <FormMessage tone="success">{t(done)}</FormMessage> : null}

      <section aria-labelledby="roster" className="card space-y-3">
        <h2 id="roster">{t("catalogue.roster.title")}</h2>
        {seated.length === 0 ? <p className="text-slate-700">{t("catalogue.roster.empty")}</p> : (
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="attendance" />
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("catalogue.roster.grid")}>
              <table className="data-table">
                <caption className="sr-only">{t("catalogue.roster.grid")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("catalogue.roster.name")}</th>
                    <th scope="col">{t("catalogue.statusLabel")}</th>
                    {sessions.map((s) => <th key={s} scope="col">{s}</th>)}
                    <th scope="col">{t("catalogue.roster.newSession")}</th>
                    <th scope="col">{t("catalogue.roster.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {seated.map((p) => (
                    <tr key={p.id}>
                      <th scope="row" className="font-normal">{p.name}<br /><span className="text-xs text-slate-600">{p.email}</span></th>
                      <td>{t(`catalogue.enrolmentStatus.${p.status}`)}</td>
                      {p.marks.map((m, i) => <td key={sessions[i]}>{m === null ? "–" : m ? t("catalogue.roster.present") : t("catalogue.roster.absent")}</td>)}
                      <td>
                        <label className="flex items-center gap-2 text-sm">
                          <input type="checkbox" name="present" value={p.id} defaultChecked />
                          <span className="sr-only">{t("catalogue.roster.presentFor", { name: p.name })}</span>
                          <span aria-hidden="true">{t("catalogue.roster.present")}</span>
                        </label>
                      </td>
                      <td className="space-x-2 whitespace-nowrap">
                        {p.status === "enrolled" ? (
                          <button type="submit" form={`complete-${p.id}`} className="btn-secondary">{t("catalogue.roster.complete", { name: p.name })}</button>
                        ) : null}
                        {p.status === "completed" && !p.certificate ? (
                          <button type="submit" form={`certificate-${p.id}`} className="btn-secondary">{t("catalogue.roster.issue", { name: p.name })}</button>
                        ) : null}
                        {p.certificate && !p.certificate.revokedAt ? (
                          <>
                            <a href={`/certificates/${p.certificate.code}/pdf`}>{t("catalogue.roster.pdf", { serial: p.certificate.serial })}</a>{" "}
                            <Link to={`/certificates/${p.certificate.code}`}>{t("catalogue.roster.verify")}</Link>
                          </>
                        ) : p.certificate ? (
                          <span className="text-red-800">{t("catalogue.roster.revokedOn", { at: p.certificate.revokedAt ?? "" })}</span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="flex flex-wrap items-end gap-3">
              <div>
                <label htmlFor="sessionOn" className="field-label">{t("catalogue.roster.sessionOn")}</label>
                <input id="sessionOn" name="sessionOn" type="date" required min={cohort.startsOn} max={cohort.endsOn} aria-invalid={sessionErrors ? true : undefined} aria-describedby={sessionErrors ? "sessionOn-error" : undefined} className="field-input" />
                <ErrorList id="sessionOn-error" errors={sessionErrors} />
              </div>
              <button type="submit" className="btn-primary">{t("catalogue.roster.record")}</button>
            </div>
          </Form>
        )}
        {seated.map((p) => (
          <div key={p.id} hidden>
            <Form method="post" id={`complete-${p.id}`}><input type="hidden" name="intent" value="complete" /><input type="hidden" name="enrolmentId" value={p.id} /></Form>
            <Form method="post" id={`certificate-${p.id}`}><input type="hidden" name="intent" value="certificate" /><input type="hidden" name="enrolmentId" value={p.id} /></Form>
          </div>
        ))}
      </section>

      <EditCohortSection cohort={cohort} lastResult={actionData && "editing" in actionData ? (actionData.result as SubmissionResult<string[]>) : null} />

      <CertificatesSection seated={seated} revokeFor={actionData && "revokeFor" in actionData ? String(actionData.revokeFor) : null} result={actionData?.result ?? null} />

      <section aria-labelledby="waitlist" className="card space-y-3">
        <h2 id="waitlist">{t("catalogue.roster.waitlist")}</h2>
        {waitlist.length === 0 ? <p className="text-slate-700">{t("catalogue.roster.noWaitlist")}</p> : (
          <ol className="list-decimal pl-5">
            {waitlist.map((p) => <li key={p.id} value={p.place ?? undefined}>{p.name}</li>)}
          </ol>
        )}
      </section>
    </div>
  );
}

type Seated = ReturnType<typeof useLoaderData<typeof loader>>["seated"][number];

/** Issued certificates, each valid one with a form to revoke it (the reason is required). */
function CertificatesSection({ seated, revokeFor, result }: { seated: Seated[]; revokeFor: string | null; result: unknown }) {
  const { t } = useTranslation();
  const issued = seated.filter((p) => p.certificate !== null);
  const reply = result as { error?: Record<string, string[] | undefined> | null; initialValue?: Record<string, unknown> | null } | null;
  return (
    <section aria-labelledby="certificates" className="card space-y-3">
      <h2 id="certificates">{t("catalogue.roster.certificates")}</h2>
      {issued.length === 0 ? <p className="text-slate-700">{t("catalogue.roster.noCertificates")}</p> : (
        <ul className="space-y-3">
          {issued.map((p) => {
            const certificate = p.certificate!;
            const errors = revokeFor === p.id ? reply?.error?.reason : undefined;
            const typed = revokeFor === p.id && typeof reply?.initialValue?.reason === "string" ? reply.initialValue.reason : "";
            return (
              <li key={p.id} className="space-y-2 border-b border-slate-200 pb-3 last:border-0">
                <p>
                  <span className="font-semibold">{p.name}</span> · {certificate.serial} ·{" "}
                  {certificate.revokedAt ? <span className="text-red-800">{t("catalogue.roster.revokedOn", { at: certificate.revokedAt })}</span> : t("catalogue.roster.valid")}
                </p>
                {certificate.revokedAt ? null : (
                  <details open={Boolean(errors)}>
                    <summary className="cursor-pointer text-sm">{t("catalogue.roster.revoke")}</summary>
                    <Form method="post" className="mt-2 space-y-2">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="enrolmentId" value={p.id} />
                      <fieldset className="space-y-2">
                        <legend className="text-sm font-semibold">{t("catalogue.roster.revokeLegend", { name: p.name, serial: certificate.serial })}</legend>
                        <label htmlFor={`reason-${p.id}`} className="field-label">{t("catalogue.roster.revokeReason")}</label>
                        <p id={`reason-${p.id}-hint`} className="text-xs text-slate-600">{t("catalogue.roster.revokeHint")}</p>
                        <textarea
                          id={`reason-${p.id}`} name="reason" required minLength={5} maxLength={REVOKE_REASON_MAX} rows={3} defaultValue={typed}
                          aria-invalid={errors ? true : undefined}
                          aria-describedby={`reason-${p.id}-hint${errors ? ` reason-${p.id}-error` : ""}`}
                          className="field-input aria-[invalid=true]:border-red-600"
                        />
                        <ErrorList id={`reason-${p.id}-error`} errors={errors} />
                      </fieldset>
                      <button type="submit" className="btn-secondary">{t("catalogue.roster.revokeSubmit")}</button>
                    </Form>
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

type CohortDetails = ReturnType<typeof useLoaderData<typeof loader>>["cohort"];

/** The cohort's own details, changed in place; the domain refuses what would break seats, sessions or certificates. */
function EditCohortSection({ cohort, lastResult }: { cohort: CohortDetails; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(editCohortSchema, {
    lastResult,
    id: "edit-cohort",
    defaultValue: {
      intent: "editCohort", name: cohort.name, startsOn: cohort.startsOn, endsOn: cohort.endsOn, capacity: cohort.capacity,
      icapLevel: cohort.icapLevel ?? undefined, enrolmentClosesAt: cohort.enrolmentClosesAt ?? undefined,
    },
  });
  return (
    <section aria-labelledby="cohort-details" className="card space-y-3">
      <details open={Boolean(lastResult)}>
        <summary className="cursor-pointer"><h2 id="cohort-details" className="inline">{t("catalogue.cohorts.edit")}</h2></summary>
        <p className="mt-2 text-sm text-slate-700">{t("catalogue.cohorts.editLead")}</p>
        <Form method="post" {...getFormProps(form)} className="mt-3 grid gap-4 sm:grid-cols-2">
          {form.errors?.length ? <div className="sm:col-span-2"><FormMessage><ErrorList errors={form.errors} /></FormMessage></div> : null}
          <input type="hidden" name="intent" value="editCohort" />
          <CohortFields fields={fields} />
          <div className="sm:col-span-2"><button type="submit" className="btn-primary">{t("catalogue.cohorts.save")}</button></div>
        </Form>
      </details>
    </section>
  );
}
