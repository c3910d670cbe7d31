import { createCookie, redirect } from "@remix-run/node";

/** A one-shot message shown after a redirect (an i18n key under `toast.`). */
const toastCookie = createCookie("jointly_toast", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 });

export async function redirectWithToast(to: string, key: string, init: { headers?: Headers } = {}) {
  const headers = init.headers ?? new Headers();
  headers.append("Set-Cookie", await toastCookie.serialize(key));
  return redirect(to, { headers });
}

export async function readToast(request: Request): Promise<{ key: string | null; clear: string | null }> {
  const key = (await toastCookie.parse(request.headers.get("Cookie"))) as string | null;
  if (!key) return { key: null, clear: null };
  return { key, clear: await toastCookie.serialize("", { maxAge: 0 }) };
}
