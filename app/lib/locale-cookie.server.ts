import { createCookie } from "@remix-run/node";

/** The language chosen by someone not signed in; a signed-in user's choice lives on the account. */
export const localeCookie = createCookie("jointly_lng", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
