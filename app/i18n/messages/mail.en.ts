import type { Widen } from "./widen";
import type { mailZhTW } from "./mail.zh-TW";

export const mailEn: Widen<typeof mailZhTW> = {
  devMail: {
    title: "Development inbox",
    lead: "SMTP_URL is not set, so the portal's e-mail is not sent: it is written to the log and listed here. Only this machine can see this page.",
    filter: "Filter messages",
    to: "Recipient",
    apply: "Filter",
    clear: "Clear",
    resultCount_one: "{{count}} message",
    resultCount_other: "{{count}} messages",
    empty: "No e-mail yet.",
    emptyFor: "No e-mail to {{to}}.",
    messages: "Messages",
    status: "Status",
    statuses: { pending: "Waiting", sent: "Sent", failed: "Failed" },
    attempts: "Attempts",
    created: "Created",
    sent: "Sent",
    lastError: "Last error",
    body: "Text",
    attachments: "Attachments ({{count}})",
    characters: "{{count}} characters",
  },
};
