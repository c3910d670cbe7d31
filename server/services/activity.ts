import type { Tx } from "../../db/client";
import { activity } from "../../db/schema/initiatives";
import type { Actor } from "../authz/actor";

/** Appends one entry to the activity log inside the caller's transaction. */
export async function recordActivity(
  tx: Tx,
  actor: Actor | null,
  entry: {
    networkId: string;
    initiativeId?: string | null;
    firmId?: string | null;
    action: string;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
): Promise<void> {
  await tx.insert(activity).values({
    networkId: entry.networkId,
    initiativeId: entry.initiativeId ?? null,
    actorUserId: actor?.userId ?? null,
    actorName: actor?.name ?? "Jointly",
    firmId: entry.firmId ?? actor?.firm?.id ?? null,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
