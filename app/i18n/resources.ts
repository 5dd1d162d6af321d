// One i18n mechanism for every string: i18next with bundled resources, the same on server and client.
import { createInstance, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import type { Widen } from "./messages/widen";
import { zhTW } from "./zh-TW";

export type Messages = Widen<typeof zhTW>;

export const locales = ["zh-TW", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-TW";

export const resources = { "zh-TW": { translation: zhTW }, en: { translation: en } } as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The BCP 47 tag for <html lang>. */
export const htmlLang = (locale: Locale) => (locale === "zh-TW" ? "zh-Hant-TW" : "en");

/**
 * One instance per language, shared by every render: the language is fixed at creation and nothing
 * calls changeLanguage, so sharing is safe, and creating one per server render cost ~0.5 ms a page.
 */
const instances = new Map<Locale, i18n>();

export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) instances.set(locale, (instance = createI18n(locale)));
  return instance;
}

function createI18n(locale: Locale): i18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** Picks the Chinese or English variant of a bilingual database field. */
export function pick(locale: Locale, zh: string, en: string): string {
  return locale === "en" ? en : zh;
}
