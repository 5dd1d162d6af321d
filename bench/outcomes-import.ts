// npm run bench:outcomes-import — a training unit imports a CSV of 10,000 employment outcomes (3,334
// course completers, each at completion, +6 and +12 months) into a fresh database, and the time of
// importOutcomes is printed: reading, checking every row and writing them in one transaction. Target:
// under 10 s. Uses DATABASE_URL's server when set (a new database on it, dropped afterwards), else PGlite.
import { randomUUID } from "node:crypto";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import * as t from "../db/schema";
import { importOutcomes } from "../app/outcomes/import.server";
import type { Viewer } from "../app/auth/session.server";
import { loadSurveyData } from "../seeds/load";
import { readSurveyData } from "../seeds/read";
import { createFreshDatabase } from "../test/support/fresh-database";

const ROWS = 10_000;
const TARGET_MS = 10_000;
const statuses = ["industry", "academia", "seeking", "further_study", "medical_institution"] as const;
const say = (line: string) => process.stdout.write(`${line}\n`);

const fresh = await createFreshDatabase("bench_outcomes");
const handle = await openDatabase(fresh.env.DATABASE_URL ? { url: fresh.env.DATABASE_URL } : { dataDir: fresh.env.DATA_DIR });
try {
  await migrateDatabase(handle);
  const db = handle.db;
  await loadSurveyData(db, readSurveyData());
  const codes = (await db.select({ code: t.occupationCodes.code }).from(t.occupationCodes)).map((r) => r.code);

  const staffId = randomUUID();
  await db.insert(t.users).values({ id: staffId, email: "bench-staff@example.test", displayName: "Bench staff" });
  const [unit] = await db.insert(t.organisations).values({ slug: "bench-unit", kind: "training_unit", nameZh: "壓測培訓單位", nameEn: "Bench Unit", approval: "approved", approvedAt: new Date() }).returning();
  const [programme] = await db.insert(t.programmes).values({ key: "bench-course", type: "industry_course", providerOrganisationId: unit!.id, providerZh: "壓測", providerEn: "Bench", titleZh: "壓測課程", titleEn: "Bench course", summaryZh: "壓測", summaryEn: "Bench", status: "published" }).returning();
  const [cohort] = await db.insert(t.cohorts).values({ programmeId: programme!.id, name: "2024", startsOn: "2024-01-01", endsOn: "2024-06-30", capacity: 10_000 }).returning();
  const completers = Math.ceil(ROWS / 3);
  const completedAt = new Date(Date.now() - 400 * 24 * 60 * 60 * 1000);
  const enrolmentIds: string[] = [];
  for (let i = 0; i < completers; i += 1000) {
    const users = Array.from({ length: Math.min(1000, completers - i) }, (_, j) => ({ id: randomUUID(), email: `bench-${i + j}@example.test`, displayName: `Completer ${i + j}` }));
    await db.insert(t.users).values(users);
    const rows = await db.insert(t.enrolments).values(users.map((u) => ({ cohortId: cohort!.id, userId: u.id, status: "completed" as const, completedAt }))).returning({ id: t.enrolments.id });
    enrolmentIds.push(...rows.map((r) => r.id));
  }
  const checkpoints = ["completion", "six_months", "twelve_months"] as const;
  const lines = ["completion,checkpoint,status,employer,occupation_code,salary_band"];
  for (let i = 0; i < ROWS; i += 1) {
    const status = statuses[i % statuses.length]!;
    const employed = status === "industry" || status === "academia" || status === "medical_institution";
    lines.push([`enrolment:${enrolmentIds[Math.floor(i / 3)]}`, checkpoints[i % 3], status, employed ? `Employer ${i % 97}` : "", employed ? codes[i % codes.length] : "", "60k_80k"].join(","));
  }
  const csv = lines.join("\n");
  const viewer: Viewer = {
    id: staffId, email: "bench-staff@example.test", displayName: "Bench staff", locale: "en", roles: ["training_unit_staff"], sessionId: "bench",
    memberships: [{ organisationId: unit!.id, slug: "bench-unit", kind: "training_unit", nameZh: "壓測培訓單位", nameEn: "Bench Unit", approval: "approved", isOrgAdmin: true }],
  };
  say(`${handle.describe}: ${ROWS.toLocaleString("en")} rows, ${(csv.length / 1024).toFixed(0)} KiB of CSV, ${completers.toLocaleString("en")} completers`);
  const started = performance.now();
  const result = await importOutcomes(db, viewer, csv, "127.0.0.1");
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`the import was refused: ${JSON.stringify(result.rejected.slice(0, 5))}`);
  say(`imported ${result.imported.toLocaleString("en")} outcomes in ${(ms / 1000).toFixed(2)} s (target < ${TARGET_MS / 1000} s): ${ms < TARGET_MS ? "ok" : "TOO SLOW"}`);
  const again = performance.now();
  await importOutcomes(db, viewer, csv, "127.0.0.1");
  say(`the same file again (every row corrects an existing outcome): ${((performance.now() - again) / 1000).toFixed(2)} s`);
  if (ms >= TARGET_MS) process.exitCode = 1;
} finally {
  await handle.close();
  await fresh.drop();
}
