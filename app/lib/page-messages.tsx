import type { i18n as I18n } from "i18next";
import { createContext, useContext, useEffect, useMemo, useState } from "react";
import { i18nFor, type Messages } from "../../i18n/instance";
import type { Locale } from "../../server/domain/locale";

/**
 * Where the page's translations come from. The server has every language; the browser only the
 * page's, read from the document (rendered by `PageMessages`), and fetches another from
 * /locales/<locale> when the language changes (switcher, sign-in, settings), so a first visit
 * downloads one language's messages, not all three.
 */
export interface MessagesSource {
  /** The language the document came in (the browser has its messages from the start). */
  pageLocale: Locale;
  /** The language's messages if at hand. */
  get(locale: Locale): Messages | undefined;
  /** Fetches a language's messages; resolves when `get` has them. */
  load(locale: Locale): Promise<void>;
}

const ELEMENT_ID = "page-messages";

const MessagesContext = createContext<MessagesSource>({ pageLocale: "en", get: () => undefined, load: () => Promise.resolve() });
export const MessagesProvider = MessagesContext.Provider;

/** The browser's source: the language the document carries, others fetched on demand. */
export function browserMessages(): MessagesSource {
  const loaded = new Map<Locale, Messages>();
  const text = document.getElementById(ELEMENT_ID)?.textContent;
  const page = text ? (JSON.parse(text) as { locale: Locale; messages: Messages }) : null;
  if (page) loaded.set(page.locale, page.messages);
  const pending = new Map<Locale, Promise<void>>();
  return {
    pageLocale: page?.locale ?? "en",
    get: (locale) => loaded.get(locale),
    load(locale) {
      let request = pending.get(locale);
      if (!request) {
        request = fetch(`/locales/${locale}`)
          .then((res) => (res.ok ? (res.json() as Promise<Messages>) : Promise.reject(new Error(`messages ${locale}: ${res.status}`))))
          .then((messages) => void loaded.set(locale, messages))
          .finally(() => pending.delete(locale));
        pending.set(locale, request);
      }
      return request;
    },
  };
}

/**
 * The i18next instance for the page's language. While another language is being fetched, the
 * one already shown stays (a moment in the old language rather than untranslated keys).
 */
export function usePageI18n(locale: Locale): { i18n: I18n; locale: Locale; messages: Messages } | null {
  const source = useContext(MessagesContext);
  // The language last fetched (at first the document's), shown while another one loads.
  const [shown, setShown] = useState<Locale>(source.pageLocale);
  const messages = source.get(locale);
  useEffect(() => {
    if (messages) return;
    let current = true;
    source.load(locale).then(
      () => current && setShown(locale),
      // Offline or refused: the page stays in the language it has.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [locale, messages, source]);
  const showing = messages ? locale : shown;
  const showingMessages = source.get(showing);
  return useMemo(
    () => (showingMessages ? { i18n: i18nFor(showing, showingMessages), locale: showing, messages: showingMessages } : null),
    [showing, showingMessages],
  );
}

const serialized = new WeakMap<Messages, string>();

/** A language's messages as the document carries them, serialised once per language (not per page). */
function serialize(locale: Locale, messages: Messages): string {
  let json = serialized.get(messages);
  if (json === undefined) {
    json = JSON.stringify({ locale, messages }).replace(/</g, "\\u003c");
    serialized.set(messages, json);
  }
  return json;
}

/** The page's messages in the document, for the browser's i18next (JSON, not a script: nothing runs). */
export function PageMessages({ locale, messages }: { locale: Locale; messages: Messages }) {
  const json = serialize(locale, messages);
  return <script id={ELEMENT_ID} type="application/json" dangerouslySetInnerHTML={{ __html: json }} />;
}
