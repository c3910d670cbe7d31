import { initiative } from "../../../db/schema/initiatives";
import { stand } from "../../../db/schema/stands";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { createStandSchema } from "../../schemas/stands";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { deadlineOf } from "../initiatives/deadline";
import { networkRoom } from "../networks/helpers";
import { networkFacts } from "../networks/network-facts";
import { fairForStand, replaceSubsidies, standValues } from "./stand-settings";

/**
 * A network's broker starts a joint trade-fair stand: a joint_selling initiative (draft) and
 * its stand, subsidies included, in one transaction. The booking deadline is the initiative's
 * deadline; opening the initiative opens the booking to the network's members.
 */
export async function createStand(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(createStandSchema, rawInput);
  const values = standValues(input);
  return inTransaction(deps, async (tx, after) => {
    const facts = await networkFacts(tx, input.networkId);
    if (!facts || !can(actor, "network", "read", facts)) throw new AppError("not_found", "Network not found");
    if (!can(actor, "stand", "manage", facts)) throw new AppError("forbidden", "Only the network's brokers create stands");
    await fairForStand(tx, input.fairId, input.deadline);
    const now = deps.now();
    const [created] = await tx
      .insert(initiative)
      .values({
        networkId: input.networkId,
        objective: "joint_selling",
        title: input.title,
        description: input.description,
        deadline: deadlineOf(input.deadline),
        status: "draft",
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: initiative.id });
    await tx.insert(stand).values({ initiativeId: created.id, fairId: input.fairId, ...values.stand, updatedAt: now });
    await replaceSubsidies(tx, created.id, values.subsidies);
    await recordActivity(tx, actor, {
      networkId: input.networkId,
      initiativeId: created.id,
      action: "initiative.created",
      after: { title: input.title, objective: "joint_selling", status: "draft", areaDm2: values.stand.areaDm2 },
    });
    after.publish(networkRoom(input.networkId), "network:updated", { networkId: input.networkId });
    return { id: created.id, status: "draft" as const };
  });
}
