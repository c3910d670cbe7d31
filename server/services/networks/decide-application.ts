import { and, eq } from "drizzle-orm";
import { firm } from "../../../db/schema/firms";
import { network, networkMember } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { decideApplicationSchema } from "../../schemas/network";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { notify } from "../notifications/notify";
import { firmUserIds, networkRoom } from "./helpers";
import { networkFacts } from "./network-facts";

/** A network's broker approves or declines a firm's application; the firm is notified. */
export async function decideApplication(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(decideApplicationSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await networkFacts(tx, input.networkId);
    if (!facts || !can(actor, "network", "read", facts)) throw new AppError("not_found", "Network not found");
    if (!can(actor, "network", "decideApplication", facts)) throw new AppError("forbidden", "Only the network's brokers decide");
    const [application] = await tx
      .select({ id: networkMember.id, firmName: firm.name })
      .from(networkMember)
      .innerJoin(firm, eq(firm.id, networkMember.firmId))
      .where(and(eq(networkMember.networkId, input.networkId), eq(networkMember.firmId, input.firmId), eq(networkMember.status, "applied")))
      .for("update");
    if (!application) throw new AppError("not_found", "No pending application");
    const status = input.decision === "approve" ? ("active" as const) : ("declined" as const);
    await tx
      .update(networkMember)
      .set({ status, decidedBy: actor.userId, updatedAt: deps.now() })
      .where(eq(networkMember.id, application.id));
    await recordActivity(tx, actor, {
      networkId: input.networkId,
      firmId: input.firmId,
      action: input.decision === "approve" ? "member.approved" : "member.declined",
      before: { status: "applied" },
      after: { status },
    });
    const [net] = await tx.select({ name: network.name }).from(network).where(eq(network.id, input.networkId));
    await notify(
      tx,
      after,
      (await firmUserIds(tx, input.firmId)).map((userId) => ({
        userId,
        type: input.decision === "approve" ? "network_application_approved" : "network_application_declined",
        params: { network: net.name },
        href: `/networks/${input.networkId}`,
      })),
    );
    after.publish(networkRoom(input.networkId), "network:updated", { networkId: input.networkId });
    return { networkId: input.networkId, firmId: input.firmId, status };
  });
}
