import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { localeSchema } from "../lib/schemas.server";
import { getActor, safeRedirect } from "../lib/auth.server";
import { localeCookie } from "../lib/locale-cookie.server";

/** The header's language switcher: stored on the account when signed in, in a cookie otherwise. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = localeSchema.safeParse({ locale: form.get("locale") });
  const back = safeRedirect(form.get("redirectTo"), "/");
  if (!parsed.success) return redirect(back, { status: 303 });
  const actor = await getActor(context);
  if (actor) await context.services.accounts.setLocale(actor, parsed.data);
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) } });
}

export function loader() {
  return redirect("/");
}
