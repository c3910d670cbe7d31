import { createCookie, redirect } from "@remix-run/node";
import { TOAST_COOKIE } from "./root-data";

/**
 * A one-shot message shown after a redirect (an i18n key under `toast.`). Not httpOnly: it holds
 * only a message key, and the page's script clears it once shown.
 */
const toastCookie = createCookie(TOAST_COOKIE, { httpOnly: false, sameSite: "lax", path: "/", maxAge: 60 });

export async function redirectWithToast(to: string, key: string, init: { headers?: Headers } = {}) {
  const headers = init.headers ?? new Headers();
  // A fresh id per toast, so the page can tell a repeated message from the one already shown.
  headers.append("Set-Cookie", await toastCookie.serialize(`${key}|${crypto.randomUUID().slice(0, 8)}`));
  return redirect(to, { headers });
}

/**
 * The pending toast, and the header that clears it. A page load (a document request) clears it
 * here, so it works without JavaScript; a script's data request leaves it for the page to clear
 * once shown, because that request may be aborted after the server answered, and its clearing
 * would lose the message.
 */
export async function readToast(request: Request): Promise<{ toast: { key: string; id: string } | null; clear: string | null }> {
  const value = (await toastCookie.parse(request.headers.get("Cookie"))) as string | null;
  if (!value) return { toast: null, clear: null };
  const [key, id = ""] = value.split("|");
  const fromScript = request.headers.get("Sec-Fetch-Dest") === "empty";
  return { toast: { key, id }, clear: fromScript ? null : await toastCookie.serialize("", { maxAge: 0 }) };
}
