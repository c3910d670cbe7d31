import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { user } from "../../../db/schema/auth";
import { firm, firmMember } from "../../../db/schema/firms";
import { network, networkInvitation, networkMember } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, invalidField, parseInput } from "../../errors";
import { inviteSchema } from "../../schemas/network";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { notify } from "../notifications/notify";
import { firmUserIds, networkRoom } from "./helpers";
import { networkFacts } from "./network-facts";

const INVITATION_DAYS = 30;

/**
 * A broker invites an SME already on Jointly, or anyone by email: the email gets a link that
 * works once its owner has signed up with a firm (the broker passes the link on).
 */
export async function inviteToNetwork(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(inviteSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await networkFacts(tx, input.networkId);
    if (!facts || !can(actor, "network", "read", facts)) throw new AppError("not_found", "Network not found");
    if (!can(actor, "network", "invite", facts)) throw new AppError("forbidden", "Only the network's brokers invite");
    const [net] = await tx.select({ name: network.name }).from(network).where(eq(network.id, input.networkId));

    if (input.firmId) {
      const [target] = await tx.select({ id: firm.id, kind: firm.kind, name: firm.name }).from(firm).where(eq(firm.id, input.firmId));
      if (!target || target.kind !== "sme") throw invalidField("firmId", "no_such_firm", "No such SME");
      const [existing] = await tx
        .select()
        .from(networkMember)
        .where(and(eq(networkMember.networkId, input.networkId), eq(networkMember.firmId, target.id)));
      if (existing && ["active", "invited"].includes(existing.status)) {
        throw invalidField("firmId", "already_member", "This firm is already a member or invited", "conflict");
      }
      if (existing?.status === "applied") {
        throw invalidField("firmId", "already_applied", "This firm has applied: decide its application instead", "conflict");
      }
      if (existing) {
        await tx
          .update(networkMember)
          .set({
            status: "invited",
            requestedBy: actor.userId,
            consentedAt: null,
            consentedBy: null,
            decidedBy: null,
            updatedAt: deps.now(),
          })
          .where(eq(networkMember.id, existing.id));
      } else {
        await tx
          .insert(networkMember)
          .values({ networkId: input.networkId, firmId: target.id, status: "invited", requestedBy: actor.userId });
      }
      await recordActivity(tx, actor, {
        networkId: input.networkId,
        firmId: target.id,
        action: "member.invited",
        after: { firm: target.name },
      });
      await notify(
        tx,
        after,
        (await firmUserIds(tx, target.id)).map((userId) => ({
          userId,
          type: "network_invited",
          params: { network: net.name },
          href: `/networks/${input.networkId}`,
        })),
      );
      after.publish(networkRoom(input.networkId), "network:updated", { networkId: input.networkId });
      return { kind: "firm" as const, firmId: target.id };
    }

    const token = randomBytes(24).toString("base64url");
    const expiresAt = new Date(deps.now().getTime() + INVITATION_DAYS * 86_400_000);
    const email = input.email!;
    await tx.insert(networkInvitation).values({ networkId: input.networkId, email, token, invitedBy: actor.userId, expiresAt });
    await recordActivity(tx, actor, { networkId: input.networkId, action: "member.invited_by_email", after: { email } });
    // Someone already on Jointly with this email is told in the app as well.
    const [existingUser] = await tx
      .select({ id: user.id })
      .from(user)
      .innerJoin(firmMember, and(eq(firmMember.userId, user.id), eq(firmMember.status, "active")))
      .where(eq(user.email, email));
    if (existingUser) {
      await notify(tx, after, [
        { userId: existingUser.id, type: "network_invited", params: { network: net.name }, href: `/invitations/${token}` },
      ]);
    }
    after.publish(networkRoom(input.networkId), "network:updated", { networkId: input.networkId });
    return { kind: "email" as const, token, path: `/invitations/${token}`, expiresAt: expiresAt.toISOString() };
  });
}
