// People, organisations and what each may do. Session and user shapes follow Lucia v3's drizzle adapter.
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { approvalState, authTokenPurpose, locale, organisationKind, outboxStatus, role, searchJobOp } from "./enums";
import { bytea, isDemo, timestamps, tz } from "./columns";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  emailVerifiedAt: tz("email_verified_at"),
  passwordHash: text("password_hash"),
  displayName: text("display_name").notNull(),
  locale: locale("locale").notNull().default("zh-TW"),
  ...isDemo,
  ...timestamps,
}, (t) => [check("users_email_lowercase", sql`${t.email} = lower(${t.email}) and position('@' in ${t.email}) > 1`)]);

export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  expiresAt: tz("expires_at").notNull(),
  /** Absolute expiry: a session is never extended past this, however active. */
  absoluteExpiresAt: tz("absolute_expires_at").notNull(),
  /** Shown on the account page so people can recognise their own sessions. */
  ipAddress: text("ip_address"),
  userAgent: text("user_agent"),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [index("sessions_user").on(t.userId)]);

/** Failed sign-ins, counted per address and per IP to lock out guessing for a while. */
export const loginFailures = pgTable("login_failures", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  email: text("email").notNull(),
  ip: text("ip").notNull(),
  at: tz("at").notNull().defaultNow(),
}, (t) => [index("login_failures_email").on(t.email, t.at), index("login_failures_ip").on(t.ip, t.at)]);

export const userRoles = pgTable("user_roles", {
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  role: role("role").notNull(),
  grantedAt: tz("granted_at").notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.role] })]);

/** Single-use tokens for e-mail confirmation and password reset; only their hash is stored. */
export const authTokens = pgTable("auth_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  purpose: authTokenPurpose("purpose").notNull(),
  expiresAt: tz("expires_at").notNull(),
  usedAt: tz("used_at"),
  createdAt: tz("created_at").notNull().defaultNow(),
});

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  kind: organisationKind("kind").notNull(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  approval: approvalState("approval").notNull().default("draft"),
  approvedBy: text("approved_by").references(() => users.id),
  approvedAt: tz("approved_at"),
  city: text("city"),
  website: text("website"),
  ...isDemo,
  ...timestamps,
}, (t) => [
  check("organisations_slug", sql`${t.slug} ~ '^[a-z0-9-]+$'`),
  check("organisations_approved_has_approver", sql`${t.approval} <> 'approved' or ${t.approvedAt} is not null`),
]);

export const memberships = pgTable("memberships", {
  organisationId: uuid("organisation_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  isOrgAdmin: boolean("is_org_admin").notNull().default(false),
  joinedAt: tz("joined_at").notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index("memberships_user").on(t.userId)]);

export const invitations = pgTable("invitations", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
  email: text("email").notNull(),
  role: role("role").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  invitedBy: text("invited_by").notNull().references(() => users.id),
  expiresAt: tz("expires_at").notNull(),
  acceptedAt: tz("accepted_at"),
  revokedAt: tz("revoked_at"),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [check("invitations_email_lowercase", sql`${t.email} = lower(${t.email})`)]);

/** E-mail waits here until the mail worker sends it, so a failing relay loses nothing. */
export const emailOutbox = pgTable("email_outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  toAddress: text("to_address").notNull(),
  subject: text("subject").notNull(),
  textBody: text("text_body").notNull(),
  htmlBody: text("html_body"),
  status: outboxStatus("status").notNull().default("pending"),
  attempts: integer("attempts").notNull().default(0),
  nextAttemptAt: tz("next_attempt_at").notNull().defaultNow(),
  lastError: text("last_error"),
  sentAt: tz("sent_at"),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [
  index("email_outbox_due").on(t.status, t.nextAttemptAt),
  check("email_outbox_attempts", sql`${t.attempts} >= 0`),
]);

/** Index jobs written in the same transaction as the change they mirror, drained by the search worker. */
export const searchJobs = pgTable("search_jobs", {
  id: uuid("id").primaryKey().defaultRandom(),
  indexName: text("index_name").notNull(),
  documentId: text("document_id").notNull(),
  op: searchJobOp("op").notNull(),
  attempts: integer("attempts").notNull().default(0),
  nextAttemptAt: tz("next_attempt_at").notNull().defaultNow(),
  lastError: text("last_error"),
  doneAt: tz("done_at"),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [index("search_jobs_due").on(t.doneAt, t.nextAttemptAt)]);

/** Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditLog = pgTable("audit_log", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  at: tz("at").notNull().defaultNow(),
  // No foreign key: the log must outlive the accounts it mentions (and is append-only, so it could not
  // null the column when a user is deleted).
  actorUserId: text("actor_user_id"),
  action: text("action").notNull(),
  entity: text("entity").notNull(),
  entityId: text("entity_id"),
  detail: text("detail"),
  ip: text("ip"),
}, (t) => [index("audit_log_entity").on(t.entity, t.entityId), index("audit_log_actor").on(t.actorUserId)]);

/** Small facts about this database, e.g. the hash of the seed data last loaded. */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: tz("updated_at").notNull().defaultNow(),
});

/** Uploaded documents (CVs, evidence). Bytes live in the database so backups carry them. */
export const files = pgTable("files", {
  id: uuid("id").primaryKey().defaultRandom(),
  ownerUserId: text("owner_user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  purpose: text("purpose").notNull(),
  fileName: text("file_name").notNull(),
  mimeType: text("mime_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  sha256: text("sha256").notNull(),
  content: bytea("content").notNull(),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [
  check("files_size", sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 5242880`),
  check("files_mime", sql`${t.mimeType} in ('application/pdf', 'image/png', 'image/jpeg')`),
]);
