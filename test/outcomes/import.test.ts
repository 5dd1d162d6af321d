// The CSV import against real Postgres: row-by-row checks with a reason per rejected row, nothing written
// when any row is rejected, a unit limited to its own completers, and the report as UTF-8 with a BOM.
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { importOutcomes } from "../../app/outcomes/import.server";
import { rejectedOutcomesCsv } from "../../app/outcomes/import-report";
import { useDatabase } from "../auth/support";
import { completer, IP, outcomeWorld, shortageCode } from "./world";

const db = useDatabase();

describe("importing outcomes", () => {
  it("writes every row or none, and reports each rejected row with its reason", async () => {
    const world = await outcomeWorld(db());
    const a = await completer(db(), world, 7);
    const b = await completer(db(), world);
    const other = await outcomeWorld(db());
    const stranger = await completer(db(), other);
    const code = await shortageCode(db());
    const good = [
      "completion,checkpoint,status,employer,occupation_code,salary_band",
      `enrolment:${a.enrolmentId},completion,industry,Import Pharma,${code},60k_80k`,
      `enrolment:${a.enrolmentId},six_months,academia,示範大學,,`,
      `${b.user.email},completion,seeking,,,`,
    ];
    const bad = [
      ...good,
      `enrolment:${b.enrolmentId},six_months,seeking,,,`,
      `enrolment:${stranger.enrolmentId},completion,seeking,,,`,
      `enrolment:${a.enrolmentId},completion,industry,,,`,
      `enrolment:${a.enrolmentId},completion,seeking,,999999,`,
      `nobody,completion,seeking,,,`,
      `enrolment:${b.enrolmentId},completion,other,,,`,
    ];
    const refused = await importOutcomes(db(), world.staff, bad.join("\n"), IP);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.rejected.map((r) => [r.line, r.reason])).toEqual([[5, "notDue"], [6, "notYourTrainee"], [7, "employer"], [8, "unknownOccupation"], [9, "completion"], [10, "duplicate"]]);
    const ids = [a.enrolmentId, b.enrolmentId];
    expect(await db().select().from(t.employmentOutcomes).where(inArray(t.employmentOutcomes.enrolmentId, ids))).toEqual([]);

    const report = rejectedOutcomesCsv(refused.rejected, ["行", "完成紀錄", "檢核點", "原因"], (reason) => `理由 ${reason}`);
    expect(report.startsWith("\ufeff\"行\",")).toBe(true);
    expect(report).toContain('"理由 notDue"');

    const accepted = await importOutcomes(db(), world.staff, good.join("\r\n"), IP);
    expect(accepted).toEqual({ ok: true, imported: 3 });
    const stored = await db().select().from(t.employmentOutcomes).where(inArray(t.employmentOutcomes.enrolmentId, ids));
    expect(stored.map((r) => [r.enrolmentId, r.checkpoint, r.status, r.isShortageOccupation, r.source]).sort()).toEqual(
      [
        [a.enrolmentId, "completion", "industry", true, "unit_report"],
        [a.enrolmentId, "six_months", "academia", false, "unit_report"],
        [b.enrolmentId, "completion", "seeking", false, "unit_report"],
      ].sort(),
    );
    // The same file again corrects in place rather than adding rows.
    expect(await importOutcomes(db(), world.staff, good.join("\n"), IP)).toEqual({ ok: true, imported: 3 });
    expect(await db().select().from(t.employmentOutcomes).where(inArray(t.employmentOutcomes.enrolmentId, ids))).toHaveLength(3);
  });

  it("refuses an empty file, an unreadable one, and extra columns", async () => {
    const world = await outcomeWorld(db());
    const a = await completer(db(), world);
    expect(await importOutcomes(db(), world.staff, "", IP)).toEqual({ ok: false, rejected: [{ line: 1, completion: "", checkpoint: "", reason: "empty" }] });
    const unreadable = await importOutcomes(db(), world.staff, `"unclosed,completion\n`, IP);
    expect(unreadable.ok || unreadable.rejected[0]!.reason).toBe("unreadable");
    const extra = await importOutcomes(db(), world.staff, `enrolment:${a.enrolmentId},completion,seeking,,,,surprise`, IP);
    expect(extra.ok || extra.rejected[0]!.reason).toBe("columns");
    expect(await db().select().from(t.employmentOutcomes).where(eq(t.employmentOutcomes.enrolmentId, a.enrolmentId))).toEqual([]);
  });
});
