import { and, eq } from "drizzle-orm";
import { networkMember } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { respondToInvitationSchema } from "../../schemas/network";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { networkRoom } from "./helpers";
import { activateMembership } from "./join-network";

/** The invited firm accepts (consenting to its brokers' access) or declines. */
export async function respondToInvitation(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(respondToInvitationSchema, rawInput);
  if (!actor.firm || !can(actor, "network", "respondToInvitation", { firmId: actor.firm.id })) {
    throw new AppError("forbidden", "Only an invited firm's members answer its invitation");
  }
  const firmId = actor.firm.id;
  return inTransaction(deps, async (tx, after) => {
    const [invitation] = await tx
      .select()
      .from(networkMember)
      .where(and(eq(networkMember.networkId, input.networkId), eq(networkMember.firmId, firmId), eq(networkMember.status, "invited")))
      .for("update");
    if (!invitation) throw new AppError("not_found", "No pending invitation");
    if (input.decision === "accept") {
      await activateMembership(tx, after, actor, input.networkId, deps.now(), "invitation");
      return { networkId: input.networkId, status: "active" as const };
    }
    await tx.update(networkMember).set({ status: "declined", updatedAt: deps.now() }).where(eq(networkMember.id, invitation.id));
    await recordActivity(tx, actor, { networkId: input.networkId, firmId, action: "member.declined_invitation" });
    after.publish(networkRoom(input.networkId), "network:updated", { networkId: input.networkId });
    return { networkId: input.networkId, status: "declined" as const };
  });
}
