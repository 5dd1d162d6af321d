// The audit log: who did what to which record, when and from where. Append-only in the database
// (migration 0001 refuses UPDATE and DELETE), written in the same transaction as the change.
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  detail?: Record<string, unknown> | string | null;
  ip?: string | null;
}

export async function recordAudit(db: Pick<Database, "insert">, entry: AuditEntry): Promise<void> {
  await db.insert(t.auditLog).values({
    actorUserId: entry.actorUserId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    detail: typeof entry.detail === "object" && entry.detail !== null ? JSON.stringify(entry.detail) : (entry.detail ?? null),
    ip: entry.ip ?? null,
  });
}
