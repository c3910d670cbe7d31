import { and, eq } from "drizzle-orm";
import { network, networkMember } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { applySchema } from "../../schemas/network";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { notify } from "../notifications/notify";
import { activateMembership } from "./join-network";
import { brokerUserIds, networkRoom } from "./helpers";

/**
 * An SME applies to a network, consenting in advance; its brokers approve or decline. A firm
 * that was invited joins at once instead.
 */
export async function applyToNetwork(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(applySchema, rawInput);
  if (!actor.firm || !can(actor, "network", "apply")) throw new AppError("forbidden", "Only SMEs with a firm apply to networks");
  const firmId = actor.firm.id;
  return inTransaction(deps, async (tx, after) => {
    const [net] = await tx.select({ id: network.id, name: network.name }).from(network).where(eq(network.id, input.networkId));
    if (!net) throw new AppError("not_found", "Network not found");
    const [existing] = await tx
      .select()
      .from(networkMember)
      .where(and(eq(networkMember.networkId, net.id), eq(networkMember.firmId, firmId)))
      .for("update");
    if (existing?.status === "active" || existing?.status === "applied") {
      throw new AppError("conflict", existing.status === "active" ? "Already a member" : "Already applied");
    }
    if (existing?.status === "invited") {
      await activateMembership(tx, after, actor, net.id, deps.now(), "invitation");
      return { networkId: net.id, status: "active" as const };
    }
    const values = {
      status: "applied" as const,
      consentedAt: deps.now(),
      consentedBy: actor.userId,
      requestedBy: actor.userId,
      updatedAt: deps.now(),
    };
    if (existing) await tx.update(networkMember).set(values).where(eq(networkMember.id, existing.id));
    else await tx.insert(networkMember).values({ networkId: net.id, firmId, ...values });
    await recordActivity(tx, actor, { networkId: net.id, firmId, action: "member.applied", after: { consent: true } });
    await notify(
      tx,
      after,
      (await brokerUserIds(tx, net.id)).map((userId) => ({
        userId,
        type: "network_application_received",
        params: { network: net.name, person: actor.name },
        href: `/networks/${net.id}`,
      })),
    );
    after.publish(networkRoom(net.id), "network:updated", { networkId: net.id });
    return { networkId: net.id, status: "applied" as const };
  });
}
