// Links mailed to whoever opened a ticket: each mail carries its own secret (stored as a SHA-256 hash),
// so every mailed link opens the thread without signing in, and none can be rebuilt from the database.
import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { inquiries } from "./events";
import { tz } from "./columns";

export const inquiryLinks = pgTable("inquiry_links", {
  id: uuid("id").primaryKey().defaultRandom(),
  inquiryId: uuid("inquiry_id").notNull().references(() => inquiries.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [index("inquiry_links_inquiry").on(t.inquiryId)]);
