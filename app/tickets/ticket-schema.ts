// The single window's forms, in the browser and on the server. Messages are i18n keys.
import { z } from "zod";

export const ticketCategories = ["phd_programme", "training", "positions", "overseas", "events", "account", "other"] as const;
export const ticketKinds = ["question", "complaint"] as const;
export type TicketCategory = (typeof ticketCategories)[number];

const text = (max: number) => z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");

/** Opening a ticket; `email` and `name` are asked only of visitors who are not signed in. */
export const openTicketSchema = z.object({
  kind: z.enum(ticketKinds, { error: "tickets.validation.kind" }),
  category: z.enum(ticketCategories, { error: "tickets.validation.category" }),
  subject: text(200),
  body: text(10_000),
  email: z.email({ error: "validation.email" }).max(254, "validation.tooLong").optional(),
  name: z.string().trim().max(120, "validation.tooLong").optional(),
});
export type OpenTicketValue = z.output<typeof openTicketSchema>;

export const replySchema = z.object({ intent: z.literal("reply"), body: text(10_000) });
export const assignSchema = z.object({ intent: z.literal("assign"), assigneeUserId: z.string({ error: "validation.choose" }).min(1, "validation.choose").max(64) });
export const statusSchema = z.object({ intent: z.literal("status"), status: z.enum(["open", "answered", "closed"], { error: "validation.choose" }) });
