// Recruitment missions and matchmaking fairs: each side's interest in the other side's entries.
// A meeting is proposed only where both rows exist (mutual interest) for a position and a talent.
import { sql } from "drizzle-orm";
import { check, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { events } from "./events";
import { positions } from "./positions";
import { tz } from "./columns";

export const eventInterests = pgTable("event_interests", {
  id: uuid("id").primaryKey().defaultRandom(),
  eventId: uuid("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
  positionId: uuid("position_id").notNull().references(() => positions.id, { onDelete: "cascade" }),
  talentUserId: text("talent_user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  /** Who marked it: the company (in the talent) or the talent (in the position). */
  side: text("side").notNull(),
  markedBy: text("marked_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [
  unique("event_interests_once").on(t.eventId, t.positionId, t.talentUserId, t.side),
  check("event_interests_side", sql`${t.side} in ('company', 'talent')`),
  index("event_interests_event").on(t.eventId),
]);
