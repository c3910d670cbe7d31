import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { network, networkMember } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { recordActivity } from "../activity";
import type { AfterCommit } from "../deps";
import { notify } from "../notifications/notify";
import { brokerUserIds, networkRoom } from "./helpers";

/**
 * Makes the actor's firm an active member, recording its consent that the network's brokers
 * see its confidential data. Shared by accepting an invitation (in the app or by link).
 */
export async function activateMembership(tx: Tx, after: AfterCommit, actor: Actor, networkId: string, now: Date, how: string) {
  const firmId = actor.firm!.id;
  const [existing] = await tx
    .select()
    .from(networkMember)
    .where(and(eq(networkMember.networkId, networkId), eq(networkMember.firmId, firmId)));
  const values = { status: "active" as const, consentedAt: now, consentedBy: actor.userId, updatedAt: now };
  if (existing) await tx.update(networkMember).set(values).where(eq(networkMember.id, existing.id));
  else await tx.insert(networkMember).values({ networkId, firmId, requestedBy: actor.userId, ...values });
  await recordActivity(tx, actor, {
    networkId,
    firmId,
    action: "member.joined",
    before: existing ? { status: existing.status } : null,
    after: { status: "active", consent: true, via: how },
  });
  const [net] = await tx.select({ name: network.name }).from(network).where(eq(network.id, networkId));
  await notify(
    tx,
    after,
    (await brokerUserIds(tx, networkId)).map((userId) => ({
      userId,
      type: "network_member_joined",
      params: { network: net.name, person: actor.name },
      href: `/networks/${networkId}`,
    })),
  );
  after.publish(networkRoom(networkId), "network:updated", { networkId });
}
