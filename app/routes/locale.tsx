// The language switch: a plain form post, so it works without JavaScript.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { localeCookie } from "~/i18n/locale.server";
import { rememberLocale } from "~/i18n/preferred-locale.server";
import { locales } from "~/i18n/resources";

const schema = z.object({
  locale: z.enum(locales),
  // Only same-site paths, so the switch cannot be used as an open redirect.
  redirectTo: z.string().regex(/^\/(?!\/)/).max(2000).catch("/"),
});

export async function action({ request, context }: ActionFunctionArgs) {
  // Anyone may choose a language; a signed-in person's choice is also kept on their account.
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Unsupported language", { status: 400 });
  if (context.viewer && context.viewer.locale !== parsed.data.locale) await rememberLocale(context.services.db, context.viewer.id, parsed.data.locale);
  const target = new URL(parsed.data.redirectTo, "http://portal.local");
  target.searchParams.delete("lang");
  return redirect(target.pathname + target.search, {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
