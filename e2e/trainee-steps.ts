// Set-up for the trainee tests: a PhD programme round whose units have published quotas and whose
// trainee registration opens about a minute later, made through the office's and units' own pages
// over HTTP (like position-steps.ts, visiting no page). The calendar is enforced in real time and
// quotas are published only before registration opens, so the set-up ends by waiting for that minute.
import type { APIRequestContext } from "@playwright/test";
import { logInOverHttp, type Account } from "./account-steps";
import { approvedUnit, demoOfficer, demoUnitName, demoUnitStaff, htmlOf, match, post, taipeiLocal } from "./http-steps";

export { demoOfficer, demoUnitName, demoUnitStaff };

export interface TraineeRound {
  id: string;
  title: string;
  /** When trainee registration opens (the set-up has waited for it). */
  opensAt: Date;
  units: { name: string; staff: Account; organisationId: string }[];
}

/**
 * The demo unit and `extraUnits` new ones, each allocated one trainee in a new round whose unit
 * applications, review and allocation all close at the minute trainee registration opens; returns
 * once registration is open. Preferences close in a day, interviews in two, unit rankings in three.
 */
export async function roundOpenForTrainees(newContext: () => Promise<APIRequestContext>, baseURL: string, extraUnits = 2): Promise<TraineeRound> {
  const officer = await newContext();
  try {
    await logInOverHttp(officer, baseURL, demoOfficer);
    const units = [{ name: demoUnitName, staff: demoUnitStaff, organisationId: "" }];
    for (let i = 0; i < extraUnits; i++) units.push(await approvedUnit(newContext, officer, baseURL, `u${i + 1}`));

    // Registration opens at the first whole minute at least 40 s away: time enough to apply, check and allocate.
    const opensAt = new Date(Math.ceil((Date.now() + 40_000) / 60_000) * 60_000);
    const day = (n: number) => new Date(opensAt.getTime() + n * 86_400_000);
    // Other specs make rounds of their own (2040–2099): years before 2040 are this spec's.
    const year = 2001 + Math.floor(Math.random() * 39);
    const title = `${year} 年度博士級人才（志願測試）`;
    const programmeId = match(await htmlOf(officer, "/office/rounds"), /name="programmeId" value="([0-9a-f-]{36})"/, "programme");
    const created = await post(officer, baseURL, "/office/rounds", {
      programmeId, year: String(year), titleZh: title, titleEn: `${year} PhD round (preferences test)`,
      monthlyStipendNtd: "56650", maxPreferences: "3", totalQuota: "10",
      unitApplicationsCloseAt: taipeiLocal(opensAt), reviewCloseAt: taipeiLocal(opensAt), registrationOpenAt: taipeiLocal(opensAt),
      preferencesCloseAt: taipeiLocal(day(1)), interviewsCloseAt: taipeiLocal(day(2)), unitRankingCloseAt: taipeiLocal(day(3)),
      matchAt: taipeiLocal(day(4)), publishAt: taipeiLocal(day(5)), checkInCloseAt: taipeiLocal(day(10)),
      trainingStartsOn: taipeiLocal(day(30)).slice(0, 10),
      "criteria[0].key": "plan", "criteria[0].labelZh": "培訓計畫", "criteria[0].labelEn": "Plan", "criteria[0].weight": "100", "criteria[0].maxScore": "10",
    }, 302);
    const id = match(created.headers()["location"] ?? "", /^\/office\/rounds\/([0-9a-f-]{36})$/, "round");
    await post(officer, baseURL, `/office/rounds/${id}`, { intent: "open" }, 200);

    for (const unit of units) {
      const staff = await newContext();
      try {
        await logInOverHttp(staff, baseURL, unit.staff);
        const organisationId = match(await htmlOf(staff, `/unit/rounds/${id}`), /name="organisationId" value="([0-9a-f-]{36})"/, "unit");
        unit.organisationId = organisationId;
        await post(staff, baseURL, `/unit/rounds/${id}?unit=${organisationId}`, {
          intent: "submit", organisationId, focus: "drugs", planZh: "新藥開發在職實戰訓練。", courses: "法規科學、臨床試驗設計",
          internshipMonths: "6", requestedTrainees: "2", "partners[0].name": "示範生技製藥股份有限公司",
        }, 302);
      } finally {
        await staff.dispose();
      }
    }
    const roundPage = await htmlOf(officer, `/office/rounds/${id}`);
    for (const unit of units) {
      const escaped = unit.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const quotaId = match(roundPage, new RegExp(`/office/quota-applications/([0-9a-f-]{36})">${escaped}<`), `quota application of ${unit.name}`);
      const version = match(await htmlOf(officer, `/office/quota-applications/${quotaId}`), /name="version" value="(\d+)"/, "version");
      await post(officer, baseURL, `/office/quota-applications/${quotaId}`, { intent: "complete", version }, 200);
      await post(officer, baseURL, `/office/rounds/${id}`, { intent: "allocate", applicationId: quotaId, quota: "1" }, 200);
    }
    await post(officer, baseURL, `/office/rounds/${id}`, { intent: "publish" }, 200);
    const wait = opensAt.getTime() - Date.now() + 1_000;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return { id, title, opensAt, units };
  } finally {
    await officer.dispose();
  }
}
