import { useRouteLoaderData } from "@remix-run/react";
import type { Role } from "../../server/domain/roles";
import type { Locale } from "../../server/domain/locale";

/**
 * The one-shot message's cookie. The browser clears it once the toast shows: a page load that
 * read it can be interrupted (a live revalidation restarts it), and must not take the toast along.
 */
export const TOAST_COOKIE = "jointly_toast";

/** What the root loader gives every page: the shell's language, toast, unread count and user. */
export interface RootData {
  locale: Locale;
  toast: { key: string; id: string } | null;
  unread: number;
  /** The id of this request, shown on an error page so a user can quote it. */
  requestId: string;
  user: { id: string; name: string; role: Role; hasFirm: boolean; pendingFirm: boolean } | null;
}

/** The root's data from any component, without importing the root route (which imports the shell). */
export function useRootData(): RootData | undefined {
  return useRouteLoaderData<RootData>("root");
}
