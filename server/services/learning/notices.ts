import type { Tx } from "../../../db/client";
import type { AfterCommit } from "../deps";
import { usersOfFirms } from "../initiatives/recipients";
import { notify } from "../notifications/notify";

/** Notifies the users of the club's member firms (its participants). */
export async function notifyMembers(
  tx: Tx,
  after: AfterCommit,
  participantFirmIds: readonly string[],
  draft: { type: string; params: Record<string, string | number>; href: string },
  options: { exceptUserIds?: readonly string[] } = {},
): Promise<number> {
  const except = new Set(options.exceptUserIds ?? []);
  const users = (await usersOfFirms(tx, participantFirmIds)).filter((id) => !except.has(id));
  await notify(
    tx,
    after,
    users.map((userId) => ({ userId, ...draft })),
  );
  return users.length;
}

export const clubPage = (initiativeId: string) => `/initiatives/${initiativeId}/club`;
export const reportPage = (initiativeId: string, periodId: string) => `/initiatives/${initiativeId}/benchmark?period=${periodId}`;
