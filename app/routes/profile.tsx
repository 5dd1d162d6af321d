// The talent's own profile editor. Skills and languages are fixed tables (every skill of the surveys'
// vocabulary with a level), so the form works without JavaScript and is fully keyboard-operable.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useOutlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { useZodForm } from "~/components/use-zod-form";
import { ErrorList, Field, FormMessage } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { educationFieldOptions, skillOptions } from "~/surveys/vocabulary.server";
import { getProfile, saveProfile } from "~/talents/profile.server";
import { CvSection } from "~/talents/cv-section";
import { describeCv } from "~/talents/cv.server";

export const meta: MetaFunction = () => [{ title: "我的人才資料 · My profile" }];

const levels = ["phd", "master", "college", "high_school"] as const;
const languageTags = ["zh", "en", "ja", "ko", "de", "fr", "es", "vi", "id", "th"] as const;
const MAX_DEGREES = 3;

const country = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "validation.country").optional();
const rating = z.coerce.number().int().min(0).max(5).catch(0);
// Calendar days in Taiwan, where the talent arrives; checked again on the server at save.
const taipeiToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const arrivalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "workPermit.validation.date")
  .refine((v) => !Number.isNaN(Date.parse(v)), "workPermit.validation.date")
  .refine((v) => v >= taipeiToday(), "profileOverseas.arrivalPast")
  .optional();
const schema = z.object({
  headline: z.string().trim().max(200, "validation.tooLong").default(""),
  summary: z.string().trim().max(4000, "validation.tooLong").default(""),
  nationality: country,
  countryOfResidence: country,
  city: z.string().trim().max(60, "validation.tooLong").optional(),
  intendedArrivalOn: arrivalDate,
  willingToRelocate: z.boolean().default(false),
  yearsExperience: z.coerce.number({ error: "validation.years" }).int("validation.years").min(0, "validation.years").max(70, "validation.years"),
  visibility: z.enum(["approved_companies", "applications_only"], { error: "validation.choose" }),
  degrees: z
    .array(z.object({
      level: z.enum(levels).optional(),
      fieldCode: z.string().regex(/^[0-9]{4,5}$/).optional(),
      institution: z.string().trim().max(200, "validation.tooLong").optional(),
      year: z.coerce.number({ error: "validation.year" }).int("validation.year").min(1950, "validation.year").max(2100, "validation.year").optional(),
    }))
    .max(MAX_DEGREES)
    .default([])
    .superRefine((rows, ctx) => rows.forEach((row, i) => {
      if (row.level && (!row.fieldCode || !row.institution || !row.year)) ctx.addIssue({ code: "custom", path: [i, "level"], message: "validation.degreeIncomplete" });
    })),
  skills: z.array(z.object({ key: z.string().regex(/^[a-z0-9-]{1,64}$/), level: rating })).max(200).default([]),
  languages: z.array(z.object({ tag: z.enum(languageTags), level: rating })).max(languageTags.length).default([]),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "update:talent-profile:own");
  const db = context.services.db;
  const locale = await getLocale(request);
  const [saved, skills, fields, cv] = await Promise.all([getProfile(db, viewer.id), skillOptions(db, locale), educationFieldOptions(db, locale), describeCv(db, viewer.id, locale)]);
  const skillLevel = new Map(saved.skills.map((s) => [s.skillKey, s.level]));
  const languageLevel = new Map(saved.languages.map((l) => [l.language, l.proficiency]));
  return {
    profile: {
      headline: saved.profile?.headline ?? "",
      summary: saved.profile?.summary ?? "",
      nationality: saved.profile?.nationality ?? "",
      countryOfResidence: saved.profile?.countryOfResidence ?? "",
      city: saved.profile?.city ?? "",
      intendedArrivalOn: saved.profile?.intendedArrivalOn ?? "",
      willingToRelocate: saved.profile?.willingToRelocate ? "on" : "",
      yearsExperience: String(saved.profile?.yearsExperience ?? 0),
      visibility: saved.profile?.visibility ?? "applications_only",
      degrees: Array.from({ length: MAX_DEGREES }, (_, i) => saved.degrees[i]).map((d) => ({ level: d?.level ?? "", fieldCode: d?.fieldCode ?? "", institution: d?.institution ?? "", year: d ? String(d.year) : "" })),
    },
    skills: skills.map((s) => ({ ...s, level: skillLevel.get(s.key) ?? 0 })),
    languages: languageTags.map((tag) => ({ tag, level: languageLevel.get(tag) ?? 0 })),
    fields,
    cv,
    languageNames: Object.fromEntries(languageTags.map((tag) => [tag, new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag])),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:talent-profile:own");
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  const v = submission.value;
  const db = context.services.db;
  const locale = await getLocale(request);
  const [skills, fields] = await Promise.all([skillOptions(db, locale), educationFieldOptions(db, locale)]);
  const knownSkills = new Set(skills.map((s) => s.key));
  const knownFields = new Set(fields.map((f) => f.code));
  // A field code that matches the pattern but is not in the classification is refused beside it.
  const unknownFields = v.degrees.flatMap((d, i) => (d.fieldCode && !knownFields.has(d.fieldCode) ? [`degrees[${i}].fieldCode`] : []));
  if (unknownFields.length > 0) {
    return data({ result: submission.reply({ fieldErrors: Object.fromEntries(unknownFields.map((name) => [name, ["validation.choose"]])) }), saved: false }, { status: 400 });
  }
  await saveProfile(db, viewer.id, {
    headline: v.headline,
    summary: v.summary,
    nationality: v.nationality || null,
    countryOfResidence: v.countryOfResidence || null,
    city: v.city || null,
    intendedArrivalOn: v.intendedArrivalOn ?? null,
    willingToRelocate: v.willingToRelocate,
    yearsExperience: v.yearsExperience,
    visibility: v.visibility,
    degrees: v.degrees.flatMap((d) => (d.level && d.fieldCode && d.institution && d.year ? [{ level: d.level, fieldCode: d.fieldCode, institution: d.institution, year: d.year }] : [])),
    skills: v.skills.filter((s) => s.level > 0 && knownSkills.has(s.key)),
    languages: v.languages.filter((l) => l.level > 0).map((l) => ({ tag: l.tag, proficiency: l.level })),
  });
  context.services.searchSync.wake();
  return { result: submission.reply(), saved: true };
}

export default function ProfilePage() {
  const { profile, skills, languages, fields: educationFields, languageNames, cv } = useLoaderData<typeof loader>();
  // routes/profile.cv shows the CV section itself after a refused upload, with the reason beside the field.
  const cvOutlet = useOutlet();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useZodForm(schema, { lastResult: actionData?.result, defaultValue: profile });
  const degrees = fields.degrees.getFieldList();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("profile.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("profile.lead")}</p>
      </header>
      {actionData?.saved ? <FormMessage tone="success">{t("profile.saved")}</FormMessage> : null}
      {cvOutlet ?? <CvSection cv={cv} />}
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <section aria-labelledby="about" className="card grid gap-4 sm:grid-cols-2">
          <h2 id="about" className="sm:col-span-2">{t("profile.about")}</h2>
          <div className="sm:col-span-2"><Field label={t("profile.headline")} meta={fields.headline} /></div>
          <div className="sm:col-span-2">
            <label htmlFor={fields.summary.id} className="field-label">{t("profile.summary")}</label>
            <textarea id={fields.summary.id} name={fields.summary.name} defaultValue={fields.summary.initialValue} rows={4} maxLength={4000} className="field-input" />
            <ErrorList id={fields.summary.errorId} errors={fields.summary.errors} />
          </div>
          <Field label={t("profile.nationality")} meta={fields.nationality} autoComplete="country" />
          <Field label={t("profile.residence")} meta={fields.countryOfResidence} />
          <Field label={t("profile.city")} meta={fields.city} autoComplete="address-level2" />
          <Field label={t("profile.years")} meta={fields.yearsExperience} />
          <fieldset className="grid gap-3 border-t border-slate-200 pt-3 sm:col-span-2 sm:grid-cols-2">
            <legend className="text-sm font-semibold">{t("profileOverseas.heading")}</legend>
            <p className="text-sm text-slate-700 sm:col-span-2">{t("profileOverseas.lead")}</p>
            {/* The checkbox comes first, so an error appearing under the date never moves it from under the pointer. */}
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <input type="checkbox" id={fields.willingToRelocate.id} name={fields.willingToRelocate.name} defaultChecked={fields.willingToRelocate.initialValue === "on"} />
              {t("profileOverseas.relocate")}
            </label>
            <div>
              <label htmlFor={fields.intendedArrivalOn.id} className="field-label">{t("profileOverseas.arrival")}</label>
              <input type="date" id={fields.intendedArrivalOn.id} name={fields.intendedArrivalOn.name} defaultValue={fields.intendedArrivalOn.initialValue}
                className="field-input" aria-invalid={fields.intendedArrivalOn.errors ? true : undefined} aria-describedby={fields.intendedArrivalOn.errorId} />
              <ErrorList id={fields.intendedArrivalOn.errorId} errors={fields.intendedArrivalOn.errors} />
            </div>
          </fieldset>
          <fieldset className="sm:col-span-2">
            <legend className="field-label">{t("profile.visibility")}</legend>
            {(["approved_companies", "applications_only"] as const).map((value) => (
              <label key={value} className="mt-1 flex items-center gap-2 text-sm">
                <input type="radio" name={fields.visibility.name} value={value} defaultChecked={fields.visibility.initialValue === value} />
                {t(value === "approved_companies" ? "profile.visibilityPublic" : "profile.visibilityPrivate")}
              </label>
            ))}
          </fieldset>
        </section>

        <section aria-labelledby="degrees" className="card space-y-4">
          <h2 id="degrees">{t("profile.degrees")}</h2>
          <p className="text-sm text-slate-700">{t("profile.degreesLead")}</p>
          {degrees.map((degree, i) => {
            const d = degree.getFieldset();
            return (
              <fieldset key={degree.key} className="grid gap-3 border-t border-slate-200 pt-3 sm:grid-cols-4">
                <legend className="text-sm font-semibold">{t("profile.degree", { n: String(i + 1) })}</legend>
                <div>
                  <label htmlFor={d.level.id} className="field-label">{t("profile.level")}</label>
                  <select id={d.level.id} name={d.level.name} defaultValue={d.level.initialValue ?? ""} className="field-input" aria-describedby={d.level.errorId}>
                    <option value="">{t("profile.noDegree")}</option>
                    {levels.map((level) => <option key={level} value={level}>{t(`education.${level}`)}</option>)}
                  </select>
                  <ErrorList id={d.level.errorId} errors={d.level.errors} />
                </div>
                <div>
                  <label htmlFor={d.fieldCode.id} className="field-label">{t("profile.field")}</label>
                  <select id={d.fieldCode.id} name={d.fieldCode.name} defaultValue={d.fieldCode.initialValue ?? ""} className="field-input" aria-describedby={d.fieldCode.errorId}>
                    <option value="">–</option>
                    {educationFields.map((f) => <option key={f.code} value={f.code}>{f.label}</option>)}
                  </select>
                  <ErrorList id={d.fieldCode.errorId} errors={d.fieldCode.errors} />
                </div>
                <Field label={t("profile.institution")} meta={d.institution} />
                <Field label={t("profile.year")} meta={d.year} />
              </fieldset>
            );
          })}
        </section>

        <RatingSection id="skills" title={t("profile.skills")} lead={t("profile.skillsLead")} list="skills" itemKey="key"
          items={skills.map((s) => ({ value: s.key, label: s.label, level: s.level }))} />
        <RatingSection id="languages" title={t("profile.languages")} lead={t("profile.languagesLead")} list="languages" itemKey="tag"
          items={languages.map((l) => ({ value: l.tag, label: languageNames[l.tag] ?? l.tag, level: l.level }))} />
        <button type="submit" className="btn-primary">{t("profile.save")}</button>
      </Form>
    </div>
  );
}

/** A list of things rated 0 (none) to 5, posted as `list[i].itemKey` and `list[i].level`. */
function RatingSection({ id, title, lead, list, itemKey, items }: {
  id: string;
  title: string;
  lead: string;
  list: "skills" | "languages";
  itemKey: "key" | "tag";
  items: Array<{ value: string; label: string; level: number }>;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="card space-y-3">
      <h2 id={id}>{title}</h2>
      <p className="text-sm text-slate-700">{lead}</p>
      <ul className="grid gap-2 sm:grid-cols-2">
        {items.map((item, i) => (
          <li key={item.value} className="flex items-center justify-between gap-3">
            <label htmlFor={`${id}-${item.value}`} className="text-sm">{item.label}</label>
            <input type="hidden" name={`${list}[${i}].${itemKey}`} value={item.value} />
            <select id={`${id}-${item.value}`} name={`${list}[${i}].level`} defaultValue={String(item.level)} className="field-input mt-0 w-auto">
              <option value="0">{t("profile.none")}</option>
              {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </li>
        ))}
      </ul>
    </section>
  );
}
