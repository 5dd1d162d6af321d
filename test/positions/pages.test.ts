// The position pages through the built app, as a browser posts to them: refusals come back as messages
// with a 4xx (never a 500), a stale edit keeps what was typed, and a talent applies once.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Viewer } from "../../app/auth/session.server";
import { todayInTaipei } from "../../app/positions/dates";
import { createPosition, publishPosition, type PositionInput } from "../../app/positions/positions.server";
import { useApiServices } from "../api/support";
import { makeUser, signedIn, unique } from "../auth/support";

const services = useApiServices("position_pages");
let build: ServerBuild;
let occupationId: string;

beforeAll(async () => {
  build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const [occupation] = await services().db.select().from(t.occupations).where(eq(t.occupations.code, "070207"));
  occupationId = occupation!.id;
});

async function request(viewer: Viewer | null, url: string, form?: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form ?? {})) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  const response = await createRequestHandler(build, "production")(
    new Request(`http://portal.test${url}`, {
      method: form ? "POST" : "GET",
      headers: { Host: "portal.test", ...(form ? { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://portal.test" } : {}) },
      body: form ? body : undefined,
      redirect: "manual",
    }),
    {
      services: { ...services(), env: { PUBLIC_URL: "http://portal.test", NODE_ENV: "production" }, mail: { wake: () => {}, devInbox: true }, searchSync: { wake: () => {} } },
      cspNonce: "",
      clientIp: "127.0.0.1",
      viewer,
    } as never,
  );
  return { status: response.status, location: response.headers.get("Location"), html: (await response.text()).replace(/<!-- -->/g, "") };
}

async function company(approval: "draft" | "approved") {
  const [organisation] = await services().db
    .insert(t.organisations)
    .values({ slug: `pages-${unique()}`, kind: "company", nameZh: "頁面測試公司", nameEn: "Pages Test Co", approval, approvedAt: approval === "approved" ? new Date() : null })
    .returning();
  const user = await makeUser(services().db, { label: "pages-recruiter", roles: ["company_recruiter"] });
  await services().db.insert(t.memberships).values({ organisationId: organisation!.id, userId: user.id, isOrgAdmin: true });
  return { organisation: organisation!, viewer: (await signedIn(services().db, user.id)).viewer };
}

const input = (): PositionInput => ({
  occupationId, title: "頁面測試職缺", description: "內容", city: "台南市", salaryMinNtd: 50000, salaryMaxNtd: 70000, headcount: 2,
  applicationDeadline: null, minEducation: "master", experience: "none", workingLanguages: ["zh"], openToOverseas: false,
  supportsWorkPermit: false, skillKeys: ["rd"], educationFieldCodes: [],
});

/** The edit form as the browser would post it, from the values on the page. */
const editForm = (version: number, changes: Record<string, string> = {}) => ({
  version: String(version), title: "頁面測試職缺", description: "內容", city: "台南市", salaryMinNtd: "50000", salaryMaxNtd: "70000",
  headcount: "2", applicationDeadline: "", minEducation: "master", experience: "none", workingLanguages: "zh", "skillKeys[0]": "rd", ...changes,
});

describe("position pages", () => {
  it("a draft company's recruiter saves a draft from the form, and publishing it is refused with a link to the company", async () => {
    const { organisation, viewer } = await company("draft");
    const form = await request(viewer, `/positions/new?occupation=${occupationId}`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="skillKeys[0]"');
    const saved = await request(viewer, `/positions/new?occupation=${occupationId}`, { organisationId: organisation.id, ...editForm(1), version: "" });
    expect(saved.status).toBe(302);
    const positionPath = saved.location!;
    const page = await request(viewer, positionPath);
    expect(page.status).toBe(200);
    expect(page.html).toContain("草稿");
    expect(page.html).toContain("第 1 版");
    const refused = await request(viewer, positionPath, { intent: "publish" });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain("公司尚未經計畫辦公室核准");
    expect(refused.html).toContain(`href="/organisations/${organisation.slug}"`);
    // Someone else's draft is not there at all.
    expect((await request((await company("approved")).viewer, positionPath)).status).toBe(404);
    expect((await request(null, positionPath)).status).toBe(404);
  });

  it("a stale edit is refused with 409 and the typed values kept; a past deadline and a headcount of 0 are refused beside their fields", async () => {
    const { organisation, viewer } = await company("approved");
    const position = await createPosition(services().db, viewer, organisation.id, input(), "127.0.0.1");
    const editPath = `/positions/${position.id}/edit`;
    expect((await request(viewer, editPath)).status).toBe(200);
    const first = await request(viewer, editPath, editForm(1, { title: "同事先存的名稱" }));
    expect(first.status).toBe(302);
    const stale = await request(viewer, editPath, editForm(1, { title: "我後來打的名稱" }));
    expect(stale.status).toBe(409);
    expect(stale.html).toContain("在您編輯期間，有人已儲存了這個職缺");
    expect(stale.html).toContain('value="我後來打的名稱"');
    const yesterday = new Date(Date.parse(`${todayInTaipei()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const past = await request(viewer, editPath, editForm(2, { applicationDeadline: yesterday }));
    expect(past.status).toBe(400);
    expect(past.html).toContain("截止日不可早於今天");
    const none = await request(viewer, editPath, editForm(2, { headcount: "0" }));
    expect(none.status).toBe(400);
    expect(none.html).toContain("招募人數請輸入 1 到 999 之間的整數");
    // To another company a draft does not exist, not even its editor.
    expect((await request((await company("approved")).viewer, editPath)).status).toBe(404);
  });

  it("a talent applies once to a published position; visitors are asked to log in", async () => {
    const { organisation, viewer } = await company("approved");
    const draft = await createPosition(services().db, viewer, organisation.id, input(), "127.0.0.1");
    await publishPosition(services().db, viewer, draft.id, "127.0.0.1");
    const positionPath = `/positions/${draft.id}`;
    const visitor = await request(null, positionPath);
    expect(visitor.status).toBe(200);
    expect(visitor.html).toContain(`href="/login?redirectTo=${encodeURIComponent(positionPath)}"`);
    expect(visitor.html).toContain("尚餘 2 名（共 2 名）");

    const talentUser = await makeUser(services().db, { label: "pages-talent", roles: ["talent"] });
    const talent = (await signedIn(services().db, talentUser.id)).viewer;
    const tooLong = await request(talent, positionPath, { intent: "apply", coverNote: "字".repeat(4001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.html).toContain("最多 4000 字");
    const applied = await request(talent, positionPath, { intent: "apply", coverNote: "您好" });
    expect(applied.status).toBe(200);
    expect(applied.html).toContain("已送出應徵");
    const [application] = await services().db.select().from(t.applications).where(eq(t.applications.positionId, draft.id));
    const again = await request(talent, positionPath);
    expect(again.html).toContain("目前階段：已應徵");
    expect(again.html).toContain(`href="/applications/${application!.id}"`);
    const twice = await request(talent, positionPath, { intent: "apply", coverNote: "" });
    expect(twice.status).toBe(409);
    expect(twice.html).toContain("您已經應徵過這個職缺了");
    // A recruiter of the company cannot apply to it, and nobody may publish it without being a member.
    expect((await request(viewer, positionPath, { intent: "apply" })).status).toBe(403);
    expect((await request(talent, positionPath, { intent: "close" })).status).toBe(403);

    const occupation = await request(null, "/occupations/precision-health-2025/070207");
    expect(occupation.html).toContain(`href="${positionPath}"`);
  });
});
