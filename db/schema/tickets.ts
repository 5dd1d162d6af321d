// Links mailed to whoever opened a ticket: each mail carries its own secret (stored as a SHA-256 hash),
// so every mailed link opens the thread without signing in, and none can be rebuilt from the database.
// The office calendar: Taiwan's public holidays on weekdays and its make-up working Saturdays (補班日),
// which the single window's first-reply deadline skips or counts (app/tickets/sla.ts).
import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { inquiries } from "./events";
import { timestamps, tz } from "./columns";

export const inquiryLinks = pgTable("inquiry_links", {
  id: uuid("id").primaryKey().defaultRandom(),
  inquiryId: uuid("inquiry_id").notNull().references(() => inquiries.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [index("inquiry_links_inquiry").on(t.inquiryId)]);

export const officeCalendarDays = pgTable("office_calendar_days", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** The day in Taiwan (Asia/Taipei). */
  day: date("day", { mode: "string" }).notNull(),
  /** `holiday`: a weekday the office is closed; `workday`: a Saturday or Sunday it works (補班日). */
  kind: text("kind").notNull(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  ...timestamps,
}, (t) => [
  unique("office_calendar_days_day").on(t.day),
  check("office_calendar_days_kind", sql`${t.kind} in ('holiday', 'workday')`),
  // Only exceptions are stored: a weekend is already a day off and a weekday already a working day.
  check("office_calendar_days_weekday", sql`(${t.kind} = 'holiday') = (extract(isodow from ${t.day}) < 6)`),
  check("office_calendar_days_name_zh", sql`length(${t.nameZh}) between 1 and 100`),
  check("office_calendar_days_name_en", sql`length(${t.nameEn}) between 1 and 100`),
]);
