import type { Tx } from "../../../db/client";
import { notification } from "../../../db/schema/notifications";
import { userRoom } from "../../realtime/events";
import type { AfterCommit } from "../deps";

export interface NotificationDraft {
  userId: string;
  /** i18n key under `notification.` (i18n/locales). */
  type: string;
  params?: Record<string, string | number>;
  href?: string;
}

/**
 * Stores notifications inside the caller's transaction and pushes each to its user's room
 * after commit. Every other use case notifies through here.
 */
export async function notify(tx: Tx, after: AfterCommit, drafts: NotificationDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  const rows = await tx
    .insert(notification)
    .values(drafts.map((d) => ({ userId: d.userId, type: d.type, params: d.params ?? {}, href: d.href ?? null })))
    .returning({ id: notification.id, userId: notification.userId });
  for (const row of rows) after.publish(userRoom(row.userId), "notification:created", { id: row.id });
}
