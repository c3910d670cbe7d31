import i18next, { type i18n as I18n } from "i18next";
import type { Locale } from "../server/domain/locale";
import type { translations } from "./i18n";
import { rememberTranslations } from "./remember";

/** One language's messages (every area merged), as i18n.ts builds them. */
export type Messages = (typeof translations)[Locale];

const instances = new Map<Locale, I18n>();

/**
 * The i18next instance of one language, initialised synchronously from its messages and kept.
 * The server passes every language's messages in turn; the browser only the one it has loaded.
 */
export function i18nFor(locale: Locale, messages: Messages): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: false,
      resources: { [locale]: { translation: messages } },
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
    rememberTranslations(instance);
    instances.set(locale, instance);
  }
  return instance;
}
