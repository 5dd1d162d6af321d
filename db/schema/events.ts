// Info sessions, matchmaking fairs, recruitment missions and demo days; meetings; the hotline.
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { eventKind, eventParticipantRole, inquiryKind, inquiryStatus, meetingStatus } from "./enums";
import { organisations, users } from "./accounts";
import { sparkTeams } from "./spark";
import { positions } from "./positions";
import { isDemo, timestamps, tz } from "./columns";

export const events = pgTable("events", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: eventKind("kind").notNull(),
  titleZh: text("title_zh").notNull(),
  titleEn: text("title_en").notNull(),
  descriptionZh: text("description_zh").notNull().default(""),
  descriptionEn: text("description_en").notNull().default(""),
  startsAt: tz("starts_at").notNull(),
  endsAt: tz("ends_at").notNull(),
  /** IANA time zone of the venue, e.g. Asia/Taipei or America/Los_Angeles. */
  timeZone: text("time_zone").notNull().default("Asia/Taipei"),
  online: boolean("online").notNull().default(false),
  venue: text("venue"),
  city: text("city"),
  country: text("country"),
  capacity: integer("capacity"),
  meetingMinutes: integer("meeting_minutes").notNull().default(20),
  organiserOrganisationId: uuid("organiser_organisation_id").references(() => organisations.id),
  ...isDemo,
  ...timestamps,
}, (t) => [
  check("events_times", sql`${t.endsAt} > ${t.startsAt}`),
  check("events_capacity", sql`${t.capacity} is null or ${t.capacity} >= 0`),
  check("events_meeting_minutes", sql`${t.meetingMinutes} between 5 and 240`),
  check("events_venue", sql`${t.online} or ${t.venue} is not null`),
]);

export const eventRegistrations = pgTable("event_registrations", {
  id: uuid("id").primaryKey().defaultRandom(),
  eventId: uuid("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  role: eventParticipantRole("role").notNull(),
  userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
  sparkTeamId: uuid("spark_team_id").references(() => sparkTeams.id, { onDelete: "cascade" }),
  positionId: uuid("position_id").references(() => positions.id, { onDelete: "cascade" }),
  attended: boolean("attended"),
  registeredAt: tz("registered_at").notNull().defaultNow(),
}, (t) => [
  unique("event_registrations_once").on(t.eventId, t.role, t.userId, t.organisationId, t.sparkTeamId, t.positionId).nullsNotDistinct(),
  check("event_registrations_who", sql`num_nonnulls(${t.userId}, ${t.organisationId}, ${t.sparkTeamId}) >= 1`),
]);

/**
 * A 1:1 meeting at an event. The unique slots keep anyone from being double-booked; a cancelled
 * meeting holds no slot, so its time can be booked again (held and no-show meetings keep theirs).
 */
export const meetings = pgTable("meetings", {
  id: uuid("id").primaryKey().defaultRandom(),
  eventId: uuid("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  startsAt: tz("starts_at").notNull(),
  endsAt: tz("ends_at").notNull(),
  hostOrganisationId: uuid("host_organisation_id").notNull().references(() => organisations.id),
  guestUserId: text("guest_user_id").references(() => users.id),
  guestSparkTeamId: uuid("guest_spark_team_id").references(() => sparkTeams.id),
  positionId: uuid("position_id").references(() => positions.id),
  status: meetingStatus("status").notNull().default("proposed"),
  followUp: text("follow_up"),
  ...timestamps,
}, (t) => [
  check("meetings_times", sql`${t.endsAt} > ${t.startsAt}`),
  check("meetings_guest", sql`num_nonnulls(${t.guestUserId}, ${t.guestSparkTeamId}) = 1`),
  uniqueIndex("meetings_host_slot").on(t.eventId, t.hostOrganisationId, t.startsAt).where(sql`${t.status} <> 'cancelled'`),
  uniqueIndex("meetings_guest_slot").on(t.eventId, t.guestUserId, t.startsAt).where(sql`${t.status} <> 'cancelled'`),
  uniqueIndex("meetings_team_slot").on(t.eventId, t.guestSparkTeamId, t.startsAt).where(sql`${t.status} <> 'cancelled'`),
]);

/** An approved company's interest in a team shown at a demo day (an events row of kind demo_day). */
export const sparkTeamInterests = pgTable("spark_team_interests", {
  id: uuid("id").primaryKey().defaultRandom(),
  eventId: uuid("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  teamId: uuid("team_id").notNull().references(() => sparkTeams.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
  registeredBy: text("registered_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [unique("spark_team_interests_once").on(t.eventId, t.teamId, t.organisationId)]);

export const inquiries = pgTable("inquiries", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: inquiryKind("kind").notNull(),
  subject: text("subject").notNull(),
  requesterUserId: text("requester_user_id").references(() => users.id, { onDelete: "set null" }),
  requesterEmail: text("requester_email").notNull(),
  status: inquiryStatus("status").notNull().default("open"),
  assigneeUserId: text("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
  /** The topic the requester chose (app/tickets/ticket-schema.ts). */
  category: text("category").notNull().default("other"),
  requesterName: text("requester_name").notNull().default(""),
  requesterLocale: text("requester_locale").notNull().default("zh-TW"),
  /** SHA-256 of the secret in the requester's mailed link (the thread without signing in). */
  accessTokenHash: text("access_token_hash").unique(),
  /** The service level: the office's first reply is due by then (2 working days). */
  firstReplyDueAt: tz("first_reply_due_at"),
  firstRepliedAt: tz("first_replied_at"),
  ...timestamps,
}, (t) => [
  index("inquiries_status").on(t.status, t.createdAt),
  check("inquiries_category", sql`${t.category} in ('phd_programme', 'training', 'positions', 'overseas', 'events', 'account', 'other')`),
  check("inquiries_subject", sql`length(${t.subject}) between 1 and 200`),
]);

export const inquiryMessages = pgTable("inquiry_messages", {
  id: uuid("id").primaryKey().defaultRandom(),
  inquiryId: uuid("inquiry_id").notNull().references(() => inquiries.id, { onDelete: "cascade" }),
  authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
  fromOffice: boolean("from_office").notNull(),
  body: text("body").notNull(),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [check("inquiry_messages_body", sql`length(${t.body}) between 1 and 20000`)]);
