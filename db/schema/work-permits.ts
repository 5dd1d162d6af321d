// The work-permit tracker: a hire of an overseas talent opens one case, whose fixed steps the company
// and the talent complete; the office watches where cases stall. See docs/decisions/0016-work-permit-cases.md.
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { workPermitStepKind, workPermitStepOwner, workPermitStepStatus } from "./enums";
import { files, organisations, users } from "./accounts";
import { applications } from "./positions";
import { timestamps, tz } from "./columns";

export const workPermitCases = pgTable("work_permit_cases", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Unique: a hire opens exactly one case, however often the move is retried. */
  applicationId: uuid("application_id").notNull().unique().references(() => applications.id, { onDelete: "cascade" }),
  talentUserId: text("talent_user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
  closedAt: tz("closed_at"),
  ...timestamps,
}, (t) => [index("work_permit_cases_talent").on(t.talentUserId), index("work_permit_cases_org").on(t.organisationId)]);

export const workPermitSteps = pgTable("work_permit_steps", {
  id: uuid("id").primaryKey().defaultRandom(),
  caseId: uuid("case_id").notNull().references(() => workPermitCases.id, { onDelete: "cascade" }),
  kind: workPermitStepKind("kind").notNull(),
  /** 1 … 6, the order the steps are done in. */
  position: integer("position").notNull(),
  owner: workPermitStepOwner("owner").notNull(),
  status: workPermitStepStatus("status").notNull().default("pending"),
  dueOn: date("due_on"),
  /** When the status, due date or documents last changed: how long a case has stalled is counted from it. */
  changedAt: tz("changed_at").notNull().defaultNow(),
  changedBy: text("changed_by").references(() => users.id, { onDelete: "set null" }),
  note: text("note").notNull().default(""),
}, (t) => [
  unique("work_permit_steps_once").on(t.caseId, t.kind),
  unique("work_permit_steps_order").on(t.caseId, t.position),
  check("work_permit_steps_position", sql`${t.position} between 1 and 6`),
  check("work_permit_steps_note", sql`length(${t.note}) <= 2000`),
]);

export const workPermitDocuments = pgTable("work_permit_documents", {
  id: uuid("id").primaryKey().defaultRandom(),
  stepId: uuid("step_id").notNull().references(() => workPermitSteps.id, { onDelete: "cascade" }),
  fileId: uuid("file_id").notNull().unique().references(() => files.id, { onDelete: "cascade" }),
  uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  uploadedAt: tz("uploaded_at").notNull().defaultNow(),
}, (t) => [index("work_permit_documents_step").on(t.stepId)]);
