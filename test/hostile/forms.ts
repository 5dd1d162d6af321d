// Reading the forms out of a rendered page, as a browser would submit them: each <form>'s action, method
// and encoding, its fields in document order with their current values, and the named submit buttons
// (each a way of submitting it). React's server output is regular enough for a small tokenizer: no
// nested forms, attributes always quoted, values entity-escaped.

export interface FormField {
  name: string;
  /** input type (text, hidden, number, date, file, checkbox, radio, …), or textarea / select. */
  kind: string;
  /** What the browser would send for it now; null when it sends nothing (unchecked, no option). */
  value: string | null;
  /** A select's option values, a checkbox's or radio's value. */
  options: string[];
}

export interface Submitter {
  name: string;
  value: string;
}

export interface HarvestedForm {
  /** The path the form posts to, without the origin. */
  action: string;
  method: "get" | "post";
  multipart: boolean;
  fields: FormField[];
  /** Named submit buttons; empty when the form is submitted without a name/value pair. */
  submitters: Submitter[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") return String.fromCodePoint(entity[1]?.toLowerCase() === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  const body = tag.replace(/^<[a-z]+/i, "").replace(/\/?>$/, "");
  for (const match of body.matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) found.set(match[1]!.toLowerCase(), decodeEntities(match[2] ?? ""));
  return found;
}

/** Every form on the page, with `pageUrl` resolving relative actions. */
export function harvestForms(html: string, pageUrl: string): HarvestedForm[] {
  const forms: HarvestedForm[] = [];
  for (const [, openTag, inner] of html.matchAll(/(<form\b[^>]*>)([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(openTag!);
    const base = new URL(pageUrl, "http://portal.test");
    const target = new URL(attrs.get("action") || base.pathname + base.search, base);
    const fields: FormField[] = [];
    const submitters: Submitter[] = [];
    for (const [tag, tagName, rest] of inner!.matchAll(/<(input|textarea|select|button)\b[^>]*>(?:([\s\S]*?)<\/\1>)?/gi)) {
      const a = attributes(tag.slice(0, tag.indexOf(">") + 1));
      const name = a.get("name");
      if (!name || a.has("disabled")) continue;
      const element = tagName!.toLowerCase();
      if (element === "button") {
        if ((a.get("type") ?? "submit") === "submit") submitters.push({ name, value: a.get("value") ?? "" });
      } else if (element === "textarea") {
        fields.push({ name, kind: "textarea", value: decodeEntities((rest ?? "").replace(/^\n/, "")), options: [] });
      } else if (element === "select") {
        const options = [...(rest ?? "").matchAll(/<option\b[^>]*>/gi)].map(([option]) => attributes(option));
        const chosen = options.find((o) => o.has("selected")) ?? options[0];
        fields.push({ name, kind: "select", value: chosen?.get("value") ?? null, options: options.map((o) => o.get("value") ?? "") });
      } else {
        const type = (a.get("type") ?? "text").toLowerCase();
        if (type === "submit" || type === "image") {
          submitters.push({ name, value: a.get("value") ?? "" });
        } else if (type === "checkbox" || type === "radio") {
          fields.push({ name, kind: type, value: a.has("checked") ? (a.get("value") ?? "on") : null, options: [a.get("value") ?? "on"] });
        } else {
          fields.push({ name, kind: type, value: type === "file" ? null : (a.get("value") ?? ""), options: [] });
        }
      }
    }
    forms.push({
      action: target.pathname + target.search,
      method: (attrs.get("method") ?? "get").toLowerCase() === "post" ? "post" : "get",
      multipart: (attrs.get("enctype") ?? "").toLowerCase() === "multipart/form-data",
      fields,
      submitters,
    });
  }
  return forms;
}

/** The name/value pairs the browser would send, in order, with one submitter. */
export function entriesOf(form: HarvestedForm, submitter: Submitter | null): Array<[string, string]> {
  const entries: Array<[string, string]> = form.fields.filter((f) => f.value !== null && f.kind !== "file").map((f) => [f.name, f.value!]);
  if (submitter) entries.push([submitter.name, submitter.value]);
  return entries;
}

/** The distinct names a form sends (fields, then the submitter's name). */
export function namesOf(form: HarvestedForm, submitter: Submitter | null): string[] {
  return [...new Set([...form.fields.filter((f) => f.kind !== "file").map((f) => f.name), ...(submitter ? [submitter.name] : [])])];
}
