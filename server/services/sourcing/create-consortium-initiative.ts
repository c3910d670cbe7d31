import { and, eq, inArray } from "drizzle-orm";
import { initiative, initiativeParticipant } from "../../../db/schema/initiatives";
import { networkMember } from "../../../db/schema/networks";
import { needConsortium } from "../../../db/schema/sourcing";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { scoreMatch } from "../../domain/matching";
import { AppError, invalidField, parseInput } from "../../errors";
import { consortiumSchema } from "../../schemas/sourcing";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { usersOfFirms } from "../initiatives/recipients";
import { networkRoom } from "../networks/helpers";
import { networkFacts } from "../networks/network-facts";
import { notify } from "../notifications/notify";
import { criteriaOf, loadCandidates } from "./candidates";
import { visibleNeed, volumePerMonth } from "./need-access";
import { needRoom } from "./rooms";

/**
 * In one step, the broker turns a consortium proposal into an open joint_selling initiative of
 * its network, linked to the need, with the proposed firms as participants.
 */
export async function createConsortiumInitiative(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(consortiumSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const { need } = await visibleNeed(tx, actor, input.needId);
    if (need.status !== "open") throw new AppError("conflict", "Consortia answer open needs");
    const facts = await networkFacts(tx, input.networkId);
    if (!facts || !can(actor, "network", "read", facts)) throw new AppError("not_found", "Network not found");
    if (!can(actor, "need", "formConsortium", facts)) throw new AppError("forbidden", "Only the network's brokers form its consortia");
    const firmIds = [...new Set(input.firmIds)];
    const members = await tx
      .select({ firmId: networkMember.firmId })
      .from(networkMember)
      .where(and(eq(networkMember.networkId, input.networkId), eq(networkMember.status, "active"), inArray(networkMember.firmId, firmIds)));
    if (members.length !== firmIds.length)
      throw invalidField("firmIds", "not_member", "Every firm must be an active member of the network");
    const candidates = await loadCandidates(tx, need, { firmIds });
    const today = deps.now().toISOString().slice(0, 10);
    const criteria = criteriaOf(need, volumePerMonth(need));
    if (candidates.length !== firmIds.length || candidates.some((c) => scoreMatch(criteria, c, today).excluded)) {
      throw invalidField("firmIds", "not_eligible", "Every firm must meet the need's must-have requirements");
    }
    const deadline = new Date(`${need.closingDate}T23:59:59.000Z`);
    const [created] = await tx
      .insert(initiative)
      .values({
        networkId: input.networkId,
        objective: "joint_selling",
        title: input.title ?? `Consortium for ${need.product}`,
        description: `Joint offer for the sourcing need "${need.product}" (${need.volume} ${need.unit} per ${need.volumePeriod}).`,
        deadline,
        status: "open",
        createdBy: actor.userId,
      })
      .returning({ id: initiative.id, title: initiative.title });
    await tx.insert(initiativeParticipant).values(firmIds.map((firmId) => ({ initiativeId: created.id, firmId, joinedBy: actor.userId })));
    await tx.insert(needConsortium).values({ initiativeId: created.id, needId: need.id });
    await recordActivity(tx, actor, {
      networkId: input.networkId,
      initiativeId: created.id,
      action: "initiative.created",
      after: { title: created.title, objective: "joint_selling", status: "open", needId: need.id, consortium: firmIds.length },
    });
    await notify(
      tx,
      after,
      (await usersOfFirms(tx, firmIds)).map((userId) => ({
        userId,
        type: "consortium_formed",
        params: { product: need.product },
        href: `/initiatives/${created.id}`,
      })),
    );
    after.publish(networkRoom(input.networkId), "network:updated", { networkId: input.networkId });
    after.publish(needRoom(need.id), "need:updated", { needId: need.id });
    return { initiativeId: created.id, needId: need.id, firmIds };
  });
}
