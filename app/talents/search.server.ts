// Talent-profile search, served only by the server and filtered by who is asking. The index holds only
// profiles their owners opened to approved companies, and only fields a company may see (no name,
// e-mail or CV). A recruiter must belong to an approved company; the office sees the same profiles and
// its reads are audited.
import type { Database } from "../../db/client";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { logPersonalDataRead } from "../auth/visibility.server";
import { searchIndex } from "../search/search.server";
import type { SearchContext } from "../../search/reindex";

export const TALENTS_PAGE_SIZE = 20;

export type TalentSearchAccess = { allowed: true } | { allowed: false; reason: "notPermitted" | "companyNotApproved" };

export function talentSearchAccess(viewer: Viewer): TalentSearchAccess {
  if (can(viewer.roles, "read:talent-profile:any")) return { allowed: true };
  if (!can(viewer.roles, "read:talent-profile:organisation")) return { allowed: false, reason: "notPermitted" };
  const approvedCompany = viewer.memberships.some((m) => m.kind === "company" && m.approval === "approved");
  return approvedCompany ? { allowed: true } : { allowed: false, reason: "companyNotApproved" };
}

export interface TalentQuery {
  q: string;
  skill?: string;
  highestEducation?: "high_school" | "college" | "master" | "phd";
  minYears?: number;
  page: number;
}

export interface TalentHit {
  id: string;
  headline: string;
  city: string | null;
  countryOfResidence: string | null;
  yearsExperience: number | null;
  highestEducation: string | null;
  skillsZh: string[];
  skillsEn: string[];
  educationFieldsZh: string[];
  educationFieldsEn: string[];
  educationFieldCodes: string[];
}

export async function searchTalents(db: Database, search: SearchContext, viewer: Viewer, query: TalentQuery, ip: string) {
  const access = talentSearchAccess(viewer);
  if (!access.allowed) throw new Error(`talent search not allowed: ${access.reason}`);
  const result = await searchIndex<TalentHit & Record<string, unknown>>(search, "talents", {
    q: query.q,
    filters: { skillKeys: query.skill, highestEducation: query.highestEducation },
    atLeast: { yearsExperience: query.minYears },
    facets: ["skillKeys", "highestEducation"],
    limit: TALENTS_PAGE_SIZE,
    offset: (query.page - 1) * TALENTS_PAGE_SIZE,
  });
  await logPersonalDataRead(db, viewer, "talent-profile", result.hits.map((hit) => hit.id), ip);
  return result;
}
