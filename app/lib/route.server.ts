import type { AppLoadContext } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import type { TFunction } from "i18next";
import { z } from "zod";
import { getI18n } from "../../i18n/i18n";
import type { Actor } from "../../server/authz/actor";
import { roleMay, type Permission } from "../../server/authz/permissions";
import type { Locale } from "../../server/domain/locale";
import { requireActor } from "./auth.server";
import { isAppError } from "./errors.server";
import { localeFor } from "./i18n.server";

/**
 * The route toolkit's reading half (ARCHITECTURE.md, "Writing a page"): who reads the page, in
 * which language and at what time, the ids in its address, and a use case's refusal as the
 * status a page answers with. Forms use `form-action.server.ts`.
 */

/** What a loader or action is given, as far as the toolkit needs it. */
export interface RouteArgs {
  request: Request;
  context: AppLoadContext;
  params: Params;
}

/** The signed-in reader of a page. */
export interface Reader {
  actor: Actor;
  locale: Locale;
  t: TFunction;
  /** The services' clock, so a page's "today" is the one the rules use. */
  now: Date;
}

/**
 * The signed-in reader, or a redirect to sign-in that comes back here. `may` names the permission
 * a page exists for (a broker's "new network"): a role that never holds it gets a 403; the
 * resource's own facts are checked by the use case the page calls.
 */
export async function signedIn({ request, context }: Pick<RouteArgs, "request" | "context">, may?: Permission): Promise<Reader> {
  const actor = await requireActor(request, context);
  if (may && !roleMay(actor.role, may)) throw new Response("Forbidden", { status: 403 });
  const locale = await localeFor(request, actor);
  return { actor, locale, t: getI18n(locale).t, now: context.now() };
}

const uuid = z.uuid();

/** An id from the address; a malformed one is a page that does not exist. */
export function idParam(params: Params, name: string): string {
  const parsed = uuid.safeParse(params[name]);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}

/**
 * A use case's answer, or its refusal as the page's status. Invalid input here came from the
 * address (an id that names nothing), so it is a 404 like a missing resource.
 */
export async function loaded<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!isAppError(error)) throw error;
    const status = error.code === "invalid_input" ? 404 : error.status;
    throw new Response(status === 404 ? "Not found" : error.message, { status });
  }
}

/** A file to save (CSV, iCalendar): private, never cached, with a name no header can break out of. */
export function download(body: string, file: { filename: string; type: "text/csv" | "text/calendar" }): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": `${file.type}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${file.filename.replace(/["\\\r\n]/g, "")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
