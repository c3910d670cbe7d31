import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { initiative } from "../../../db/schema/initiatives";
import { fair, stand, standLead } from "../../../db/schema/stands";
import { SUGGESTED_BUYER_TYPE } from "../../domain/stand-lead";
import { leadTokenSchema } from "../../schemas/stands";
import { initiativeRoom } from "../../realtime/events";
import { recordActivity } from "../activity";
import type { AfterCommit, Deps } from "../deps";
import { usersOfFirms } from "../initiatives/recipients";
import { notify } from "../notifications/notify";
import { standHref } from "./space-queue";

/**
 * What the sign-up page prefills from an invitation link (/signup?lead=<token>), for anyone
 * holding the link: the buyer's name, country and kind, and the fair where they met. Null for
 * an unknown token or a buyer that already joined (the page then shows the plain form).
 */
export async function getLeadInvitation(deps: Deps, rawInput: unknown) {
  const parsed = leadTokenSchema.safeParse(rawInput);
  if (!parsed.success) return null;
  const [row] = await deps.db
    .select({ lead: standLead, fairName: fair.name })
    .from(standLead)
    .innerJoin(stand, eq(stand.initiativeId, standLead.initiativeId))
    .innerJoin(fair, eq(fair.id, stand.fairId))
    .where(and(eq(standLead.invitationToken, parsed.data.token), isNull(standLead.joinedFirmId)));
  if (!row) return null;
  return {
    token: parsed.data.token,
    buyerName: row.lead.buyerName,
    country: row.lead.country,
    buyerType: SUGGESTED_BUYER_TYPE[row.lead.buyerType] ?? null,
    fairName: row.fairName,
  };
}

/**
 * Inside the sign-up transaction: the buyer firm just created through an invitation link is
 * recorded on the lead (once: a used or unknown token links nothing, and does not stop the
 * sign-up), the exhibitor that met the buyer is told and the stand's page follows. Returns
 * whether a lead was linked.
 */
export async function linkLeadToFirm(tx: Tx, after: AfterCommit, token: string, firmId: string, now: Date): Promise<boolean> {
  if (!leadTokenSchema.safeParse({ token }).success) return false;
  const [linked] = await tx
    .update(standLead)
    .set({ joinedFirmId: firmId, updatedAt: now })
    .where(and(eq(standLead.invitationToken, token), isNull(standLead.joinedFirmId)))
    .returning({ initiativeId: standLead.initiativeId, firmId: standLead.firmId, buyerName: standLead.buyerName });
  if (!linked) return false;
  const [row] = await tx.select({ networkId: initiative.networkId }).from(initiative).where(eq(initiative.id, linked.initiativeId));
  await recordActivity(tx, null, {
    networkId: row.networkId,
    initiativeId: linked.initiativeId,
    firmId: linked.firmId,
    action: "stand.lead_joined",
  });
  await notify(
    tx,
    after,
    (await usersOfFirms(tx, [linked.firmId])).map((userId) => ({
      userId,
      type: "stand_lead_joined",
      params: { buyer: linked.buyerName },
      href: standHref(linked.initiativeId),
    })),
  );
  after.publish(initiativeRoom(linked.initiativeId), "stand:updated", { initiativeId: linked.initiativeId });
  return true;
}
