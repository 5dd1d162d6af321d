// Set-up for the whole-round test: everything before the match, done over HTTP through the pages the
// office, units and trainees use (the same form posts a browser makes, visiting no page), so the test
// itself can drive the match pages in the browser. The calendar is enforced in real time, so the round
// is compressed into about two minutes: quotas are allocated and published before trainee
// registration opens (the first whole minute at least 40 s away), trainees list units and units rank
// them in the next minute, and the unit-ranking deadline closes a minute after registration opened.
import type { APIRequestContext } from "@playwright/test";
import { tinyPdf } from "../test/support/tiny-pdf";
import { createConfirmedAccount, logInOverHttp, type Account } from "./account-steps";
import { approvedUnit, demoOfficer, demoUnitName, demoUnitStaff, htmlOf, match, post, taipeiLocal, type ApprovedUnit } from "./http-steps";

export { demoOfficer };

type NewContext = () => Promise<APIRequestContext>;

/** The options of a page's select lists: label → value (ids). */
function options(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<option value="([0-9a-f-]{36})">([^<]+)<\/option>/g)].map((m) => [m[2]!, m[1]!]));
}

async function as<T>(newContext: NewContext, baseURL: string, account: Account, work: (context: APIRequestContext) => Promise<T>): Promise<T> {
  const context = await newContext();
  try {
    await logInOverHttp(context, baseURL, account);
    return await work(context);
  } finally {
    await context.dispose();
  }
}

export type RoundUnit = ApprovedUnit;

export interface MatchReadyRound {
  id: string;
  title: string;
  /** The unit-ranking deadline: the match can run from then on (the set-up has waited for it). */
  rankingClosesAt: Date;
  units: RoundUnit[];
  trainees: Account[];
}

export interface RoundPlan {
  /** Each unit's quota; the first unit is the demo unit, the others new units approved by the officer. */
  quotas: number[];
  /** Each trainee's preferences, as indexes into the units. */
  preferences: number[][];
  /** Each unit's ranking, as indexes into the trainees. */
  rankings: number[][];
}

/** A new staff member's training unit, approved by the demo officer. */
/**
 * A round ready to match: its units' quotas published, each trainee's preferences submitted and each
 * unit's ranking submitted, as `plan` says; returns once the unit-ranking deadline has passed.
 */
export async function roundReadyToMatch(newContext: NewContext, baseURL: string, plan: RoundPlan): Promise<MatchReadyRound> {
  const officer = await newContext();
  try {
    await logInOverHttp(officer, baseURL, demoOfficer);
    const units: RoundUnit[] = [{ name: demoUnitName, staff: demoUnitStaff, organisationId: "" }];
    for (let i = 1; i < plan.quotas.length; i++) units.push(await approvedUnit(newContext, officer, baseURL, `match${i}`));

    const opensAt = new Date(Math.ceil((Date.now() + 40_000) / 60_000) * 60_000);
    const rankingClosesAt = new Date(opensAt.getTime() + 60_000);
    const later = (days: number) => new Date(opensAt.getTime() + days * 86_400_000);
    // Other specs' rounds use the years 2001–2099; 2100 is this spec's.
    const year = 2100;
    const title = `${year} 年度博士級人才（媒合測試）`;
    const programmeId = match(await htmlOf(officer, "/office/rounds"), /name="programmeId" value="([0-9a-f-]{36})"/, "programme");
    const created = await post(officer, baseURL, "/office/rounds", {
      programmeId, year: String(year), titleZh: title, titleEn: `${year} PhD round (match test)`,
      monthlyStipendNtd: "56650", maxPreferences: "3", totalQuota: "10",
      unitApplicationsCloseAt: taipeiLocal(opensAt), reviewCloseAt: taipeiLocal(opensAt), registrationOpenAt: taipeiLocal(opensAt),
      preferencesCloseAt: taipeiLocal(rankingClosesAt), interviewsCloseAt: taipeiLocal(rankingClosesAt), unitRankingCloseAt: taipeiLocal(rankingClosesAt),
      matchAt: taipeiLocal(rankingClosesAt), publishAt: taipeiLocal(rankingClosesAt), checkInCloseAt: taipeiLocal(later(10)),
      trainingStartsOn: taipeiLocal(later(30)).slice(0, 10),
      "criteria[0].key": "plan", "criteria[0].labelZh": "培訓計畫", "criteria[0].labelEn": "Plan", "criteria[0].weight": "100", "criteria[0].maxScore": "10",
    }, 302);
    const id = match(created.headers()["location"] ?? "", /^\/office\/rounds\/([0-9a-f-]{36})$/, "round");
    await post(officer, baseURL, `/office/rounds/${id}`, { intent: "open" }, 200);

    for (const unit of units) {
      await as(newContext, baseURL, unit.staff, async (staff) => {
        unit.organisationId = match(await htmlOf(staff, `/unit/rounds/${id}`), /name="organisationId" value="([0-9a-f-]{36})"/, "unit");
        await post(staff, baseURL, `/unit/rounds/${id}?unit=${unit.organisationId}`, {
          intent: "submit", organisationId: unit.organisationId, focus: "drugs", planZh: "新藥開發在職實戰訓練。", courses: "法規科學、臨床試驗設計",
          internshipMonths: "6", requestedTrainees: "2", "partners[0].name": "示範生技製藥股份有限公司",
        }, 302);
      });
    }
    const roundPage = await htmlOf(officer, `/office/rounds/${id}`);
    for (const [i, unit] of units.entries()) {
      const escaped = unit.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const quotaId = match(roundPage, new RegExp(`/office/quota-applications/([0-9a-f-]{36})">${escaped}<`), `quota application of ${unit.name}`);
      const version = match(await htmlOf(officer, `/office/quota-applications/${quotaId}`), /name="version" value="(\d+)"/, "version");
      await post(officer, baseURL, `/office/quota-applications/${quotaId}`, { intent: "complete", version }, 200);
      await post(officer, baseURL, `/office/rounds/${id}`, { intent: "allocate", applicationId: quotaId, quota: String(plan.quotas[i]) }, 200);
    }
    await post(officer, baseURL, `/office/rounds/${id}`, { intent: "publish" }, 200);

    // Trainees sign up while waiting for registration to open.
    const trainees: Account[] = [];
    for (let i = 0; i < plan.preferences.length; i++) {
      const context = await newContext();
      try {
        trainees.push(await createConfirmedAccount(context, baseURL, "talent", `phd${i + 1}`));
      } finally {
        await context.dispose();
      }
    }
    await until(opensAt);

    const applicationIds: string[] = [];
    for (const [i, trainee] of trainees.entries()) {
      applicationIds.push(
        await as(newContext, baseURL, trainee, async (context) => {
          const started = await context.post("/phd", {
            multipart: { intent: "eligibility", roundId: id, phdStatus: "obtained", phdDate: "2024-06-30", evidence: { name: "diploma.pdf", mimeType: "application/pdf", buffer: tinyPdf("PhD diploma") } },
            headers: { Origin: new URL(baseURL).origin },
            maxRedirects: 0,
          });
          if (started.status() !== 302) throw new Error(`eligibility of ${trainee.email} answered ${started.status()}: ${(await started.text()).slice(0, 400)}`);
          const page = await htmlOf(context, `/phd?round=${id}`);
          const units2 = options(page);
          const version = match(page, /name="version" value="(\d+)"/, "application version");
          const items = Object.fromEntries(plan.preferences[i]!.map((u, rank) => [`items[${rank}]`, units2.get(units[u]!.name)!]));
          await post(context, baseURL, "/phd", { intent: "submit", roundId: id, version, ...items }, 302);
          // The application's id is in its evidence link, /phd/evidence/:id.
          return match(await htmlOf(context, `/phd?round=${id}`), /\/phd\/evidence\/([0-9a-f-]{36})/, "application id");
        }),
      );
    }
    for (const [u, unit] of units.entries()) {
      await as(newContext, baseURL, unit.staff, async (staff) => {
        const items = Object.fromEntries(plan.rankings[u]!.map((trainee, rank) => [`items[${rank}]`, applicationIds[trainee]!]));
        await post(staff, baseURL, `/unit/rounds/${id}/applicants?unit=${unit.organisationId}`, { intent: "submit", ...items }, 302);
      });
    }
    if (Date.now() >= rankingClosesAt.getTime()) throw new Error("the set-up took longer than the minute between registration and the ranking deadline");
    await until(new Date(rankingClosesAt.getTime() + 1_000));
    return { id, title, rankingClosesAt, units, trainees };
  } finally {
    await officer.dispose();
  }
}

async function until(at: Date) {
  const wait = at.getTime() - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
