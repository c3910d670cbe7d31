import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { standLead } from "../../../db/schema/stands";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { addLeadSchema, inviteLeadSchema } from "../../schemas/stands";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { exhibitorFirmIds, publishStand, visibleStand } from "./stand-access";

/**
 * An exhibitor (a participant holding space) logs a buyer it met at the fair, during and after
 * it. The activity log names no buyer: co-exhibitors see other firms' leads only when the
 * stand shares them.
 */
export async function addStandLead(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(addLeadSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleStand(tx, actor, input.initiativeId);
    if (!can(actor, "stand", "addLead", facts)) throw new AppError("forbidden", "Only the stand's exhibitors log leads");
    const firmId = actor.firm!.id;
    if (!(await exhibitorFirmIds(tx, facts.row.id)).includes(firmId))
      throw new AppError("forbidden", "Only firms holding space on the stand log leads");
    const { status } = facts.row;
    if (status !== "open" && status !== "locked" && status !== "completed")
      throw new AppError("conflict", `A ${status} stand takes no leads`);
    const now = deps.now();
    const [created] = await tx
      .insert(standLead)
      .values({
        initiativeId: facts.row.id,
        firmId,
        buyerName: input.buyerName,
        country: input.country,
        buyerType: input.buyerType,
        products: input.products,
        nextStep: input.nextStep,
        followUpOn: input.followUpOn ?? null,
        contactEmail: input.contactEmail ?? null,
        loggedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: standLead.id });
    await recordActivity(tx, actor, { networkId: facts.row.networkId, initiativeId: facts.row.id, firmId, action: "stand.lead_added" });
    publishStand(after, facts.row.id);
    return { initiativeId: facts.row.id, leadId: created.id };
  });
}

/**
 * Turns a lead into an invitation of that buyer to the platform: a secret token on the lead,
 * whose sign-up link (/signup?lead=<token>) prefills a buyer account with the buyer's name and
 * country; the buyer firm created through it is recorded on the lead. The exhibitor that
 * logged the lead or the network's brokers invite; asking again returns the same link.
 */
export async function inviteLeadBuyer(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(inviteLeadSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleStand(tx, actor, input.initiativeId);
    const [lead] = await tx
      .select()
      .from(standLead)
      .where(and(eq(standLead.id, input.leadId), eq(standLead.initiativeId, facts.row.id)))
      .for("update");
    const mine = lead && actor.firm !== null && lead.firmId === actor.firm.id;
    const broker = can(actor, "stand", "manage", facts);
    // Another exhibitor's lead is not this reader's to know about unless shared; 404 either way.
    if (!lead || (!mine && !broker && !(facts.stand.shareLeads && can(actor, "stand", "addLead", facts)))) {
      throw new AppError("not_found", "No such lead on this stand");
    }
    if (!mine && !broker) throw new AppError("forbidden", "Only the exhibitor that met the buyer, or the broker, invites it");
    if (lead.joinedFirmId) throw new AppError("conflict", "This buyer has already joined Jointly");
    let token = lead.invitationToken;
    let invitedAt = lead.invitedAt;
    if (!token) {
      token = randomBytes(24).toString("base64url");
      invitedAt = deps.now();
      await tx.update(standLead).set({ invitationToken: token, invitedAt, updatedAt: invitedAt }).where(eq(standLead.id, lead.id));
      await recordActivity(tx, actor, {
        networkId: facts.row.networkId,
        initiativeId: facts.row.id,
        firmId: lead.firmId,
        action: "stand.lead_invited",
      });
      publishStand(after, facts.row.id);
    }
    return { initiativeId: facts.row.id, leadId: lead.id, token, signUpPath: `/signup?lead=${token}`, invitedAt: invitedAt!.toISOString() };
  });
}
