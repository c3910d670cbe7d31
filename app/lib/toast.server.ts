import { createCookie, redirect } from "@remix-run/node";

/** A one-shot message shown after a redirect (an i18n key under `toast.`). */
const toastCookie = createCookie("jointly_toast", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 });

export async function redirectWithToast(to: string, key: string, init: { headers?: Headers } = {}) {
  const headers = init.headers ?? new Headers();
  // A fresh id per toast, so the page can tell a repeated message from the one already shown.
  headers.append("Set-Cookie", await toastCookie.serialize(`${key}|${crypto.randomUUID().slice(0, 8)}`));
  return redirect(to, { headers });
}

export async function readToast(request: Request): Promise<{ toast: { key: string; id: string } | null; clear: string | null }> {
  const value = (await toastCookie.parse(request.headers.get("Cookie"))) as string | null;
  if (!value) return { toast: null, clear: null };
  const [key, id = ""] = value.split("|");
  return { toast: { key, id }, clear: await toastCookie.serialize("", { maxAge: 0 }) };
}
