import type { AppLoadContext } from "@remix-run/node";
import { getI18n } from "../../i18n/i18n";
import { isLocale, negotiateLocale, type Locale } from "../../server/domain/locale";
import type { Actor } from "../../server/authz/actor";
import { localeCookie } from "./locale-cookie.server";

/** The user's stored language, else the one chosen before signing in, else Accept-Language. */
export async function localeFor(request: Request, actor: Actor | null): Promise<Locale> {
  if (actor?.locale && isLocale(actor.locale)) return actor.locale;
  const chosen: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(request.headers.get("accept-language"));
}

/** A translate function for actions and loaders, in the language the page is shown in. */
export async function serverT(request: Request, context: AppLoadContext, actor?: Actor | null) {
  const resolved = actor === undefined ? await context.currentActor() : actor;
  return getI18n(await localeFor(request, resolved)).t;
}
