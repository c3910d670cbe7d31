import { createUser } from "./accounts/create-user";
import { listUsers } from "./accounts/list-users";
import { loadActor } from "./accounts/load-actor";
import { setLocale } from "./accounts/set-locale";
import { signUp } from "./accounts/sign-up";
import type { Deps } from "./deps";
import { decideMemberRequest } from "./firms/decide-member-request";
import { getFirm } from "./firms/get-firm";
import { getMyFirm } from "./firms/get-my-firm";
import { listFirmNames } from "./firms/list-firm-names";
import { searchFirms } from "./firms/search-firms";
import { updateMyFirm } from "./firms/update-my-firm";
import { countUnread, listNotifications } from "./notifications/list-notifications";
import { markNotificationRead } from "./notifications/mark-notification-read";

/**
 * Every use case bound to the process's dependencies. Routes, the JSON API and sockets reach
 * them through the load context, so the Remix build never holds a second database handle.
 */
export function createServices(deps: Deps) {
  const bind =
    <A extends unknown[], R>(fn: (d: Deps, ...args: A) => R) =>
    (...args: A) =>
      fn(deps, ...args);
  return {
    accounts: {
      signUp: bind(signUp),
      createUser: bind(createUser),
      listUsers: bind(listUsers),
      setLocale: bind(setLocale),
      loadActor: (userId: string) => loadActor(deps.db, userId),
    },
    firms: {
      getMyFirm: bind(getMyFirm),
      updateMyFirm: bind(updateMyFirm),
      getFirm: bind(getFirm),
      searchFirms: bind(searchFirms),
      decideMemberRequest: bind(decideMemberRequest),
      listFirmNames: bind(listFirmNames),
    },
    notifications: {
      list: bind(listNotifications),
      markRead: bind(markNotificationRead),
      countUnread: (userId: string) => countUnread(deps, userId),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
