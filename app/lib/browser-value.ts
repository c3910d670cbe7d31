import { useSyncExternalStore } from "react";

// These values never change while the page runs, so there is nothing to subscribe to.
const unchanging = () => () => {};

/**
 * A value only the browser knows (its time zone, whether it can copy): `onServer` in the server
 * render and while the page hydrates, so both renders agree, then the browser's own.
 */
export function useBrowserValue<T extends string | number | boolean>(inBrowser: () => T, onServer: T): T {
  return useSyncExternalStore(unchanging, inBrowser, () => onServer);
}

/** False in the server render and while hydrating, true once JavaScript runs the page. */
export function useHydrated(): boolean {
  return useBrowserValue(() => true, false);
}
