import type { LoaderFunctionArgs } from "@remix-run/node";
import { translations } from "../../i18n/i18n";
import { isLocale } from "../../server/domain/locale";

/** One language's messages, for a browser switching to it (the page itself carries only its own). */
export function loader({ params }: LoaderFunctionArgs) {
  if (!isLocale(params.locale)) throw new Response("Not found", { status: 404 });
  return Response.json(translations[params.locale], { headers: { "Cache-Control": "public, max-age=300" } });
}
