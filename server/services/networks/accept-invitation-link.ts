import { and, eq, gt, isNull } from "drizzle-orm";
import { network, networkInvitation, networkMember } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { AppError, parseInput } from "../../errors";
import { acceptTokenSchema } from "../../schemas/network";
import { inTransaction, type Deps } from "../deps";
import { activateMembership } from "./join-network";

/** What an invitation link shows before accepting: the network, and whether it still works. */
export async function getInvitationLink(deps: Deps, token: string) {
  const [row] = await deps.db
    .select({
      networkId: network.id,
      name: network.name,
      region: network.region,
      acceptedAt: networkInvitation.acceptedAt,
      expiresAt: networkInvitation.expiresAt,
    })
    .from(networkInvitation)
    .innerJoin(network, eq(network.id, networkInvitation.networkId))
    .where(eq(networkInvitation.token, token));
  if (!row) throw new AppError("not_found", "Invitation not found");
  return {
    networkId: row.networkId,
    network: row.name,
    region: row.region,
    usable: !row.acceptedAt && row.expiresAt > deps.now(),
  };
}

/** An SME signed up after an invitation by email accepts it through the link. */
export async function acceptInvitationLink(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(acceptTokenSchema, rawInput);
  if (actor.role !== "sme" || !actor.firm) throw new AppError("forbidden", "Sign up as an SME with a firm to accept");
  return inTransaction(deps, async (tx, after) => {
    const now = deps.now();
    const [invitation] = await tx
      .select()
      .from(networkInvitation)
      .where(and(eq(networkInvitation.token, input.token), isNull(networkInvitation.acceptedAt), gt(networkInvitation.expiresAt, now)))
      .for("update");
    if (!invitation) throw new AppError("not_found", "This invitation is used or expired");
    // The link is personal: it works for the account of the email it was sent to.
    if (invitation.email !== actor.email.toLowerCase())
      throw new AppError("forbidden", "This invitation was sent to another email address");
    const [already] = await tx
      .select({ status: networkMember.status })
      .from(networkMember)
      .where(and(eq(networkMember.networkId, invitation.networkId), eq(networkMember.firmId, actor.firm!.id)));
    if (already?.status === "active") throw new AppError("conflict", "Your firm is already a member of this network");
    await tx
      .update(networkInvitation)
      .set({ acceptedAt: now, acceptedByFirm: actor.firm!.id })
      .where(eq(networkInvitation.id, invitation.id));
    await activateMembership(tx, after, actor, invitation.networkId, now, "link");
    return { networkId: invitation.networkId, status: "active" as const };
  });
}
