import i18next, { type i18n as I18n } from "i18next";
import type { Locale } from "../server/domain/locale";
import { rememberTranslations } from "./remember";
import en from "./locales/en.json";
import enInitiatives from "./locales/en.initiatives.json";
import enNetworks from "./locales/en.networks.json";
import enDependence from "./locales/en.dependence.json";
import enSourcing from "./locales/en.sourcing.json";
import enCalendar from "./locales/en.calendar.json";
import enStandsNotifications from "./locales/en.stands-notifications.json";
import enLearningNotifications from "./locales/en.learning-notifications.json";
import enStands from "./locales/en.stands.json";
import enKpis from "./locales/en.kpis.json";
import enLearning from "./locales/en.learning.json";
import es from "./locales/es.json";
import esInitiatives from "./locales/es.initiatives.json";
import esNetworks from "./locales/es.networks.json";
import esDependence from "./locales/es.dependence.json";
import esSourcing from "./locales/es.sourcing.json";
import esCalendar from "./locales/es.calendar.json";
import esStandsNotifications from "./locales/es.stands-notifications.json";
import esLearningNotifications from "./locales/es.learning-notifications.json";
import esStands from "./locales/es.stands.json";
import esKpis from "./locales/es.kpis.json";
import esLearning from "./locales/es.learning.json";
import ptBR from "./locales/pt-BR.json";
import ptBRInitiatives from "./locales/pt-BR.initiatives.json";
import ptBRNetworks from "./locales/pt-BR.networks.json";
import ptBRDependence from "./locales/pt-BR.dependence.json";
import ptBRSourcing from "./locales/pt-BR.sourcing.json";
import ptBRCalendar from "./locales/pt-BR.calendar.json";
import ptBRStandsNotifications from "./locales/pt-BR.stands-notifications.json";
import ptBRLearningNotifications from "./locales/pt-BR.learning-notifications.json";
import ptBRStands from "./locales/pt-BR.stands.json";
import ptBRKpis from "./locales/pt-BR.kpis.json";
import ptBRLearning from "./locales/pt-BR.learning.json";

/**
 * The one translation layer. All three languages are bundled (they are small), so the server
 * render and the browser hydrate from the same synchronous instance.
 */

/** One translation per language, kept in a file per area (common, networks, initiatives, dependence, sourcing, kpis). */
export const translations = {
  en: {
    ...en,
    ...enNetworks,
    ...enInitiatives,
    ...enDependence,
    ...enSourcing,
    ...enStands,
    ...enKpis,
    ...enLearning,
    ...enCalendar,
    ...enStandsNotifications,
    notification: { ...en.notification, ...enStandsNotifications.notification, ...enLearningNotifications.notification },
    validation: { ...en.validation, ...enLearningNotifications.validation, ...enStands.validation },
    clubCalendar: enLearningNotifications.clubCalendar,
  },
  "pt-BR": {
    ...ptBR,
    ...ptBRNetworks,
    ...ptBRInitiatives,
    ...ptBRDependence,
    ...ptBRSourcing,
    ...ptBRStands,
    ...ptBRKpis,
    ...ptBRLearning,
    ...ptBRCalendar,
    ...ptBRStandsNotifications,
    notification: { ...ptBR.notification, ...ptBRStandsNotifications.notification, ...ptBRLearningNotifications.notification },
    validation: { ...ptBR.validation, ...ptBRLearningNotifications.validation, ...ptBRStands.validation },
    clubCalendar: ptBRLearningNotifications.clubCalendar,
  },
  es: {
    ...es,
    ...esNetworks,
    ...esInitiatives,
    ...esDependence,
    ...esSourcing,
    ...esStands,
    ...esKpis,
    ...esLearning,
    ...esCalendar,
    ...esStandsNotifications,
    notification: { ...es.notification, ...esStandsNotifications.notification, ...esLearningNotifications.notification },
    validation: { ...es.validation, ...esLearningNotifications.validation, ...esStands.validation },
    clubCalendar: esLearningNotifications.clubCalendar,
  },
} as const;

export const resources = {
  en: { translation: translations.en },
  "pt-BR": { translation: translations["pt-BR"] },
  es: { translation: translations.es },
} as const;

const instances = new Map<Locale, I18n>();

export function getI18n(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: false,
      resources,
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
