import { eq } from "drizzle-orm";
import { initiative } from "../../../db/schema/initiatives";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { updateInitiativeSchema } from "../../schemas/initiative";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { deadlineDate, deadlineOf } from "./deadline";
import { visibleInitiative } from "./initiative-facts";
import { TOOL_OF } from "./tools/index";
import { saveJointBuy } from "./tools/joint-buy";

/** The network's brokers edit an initiative while it is a draft or open; frozen ones stay frozen. */
export async function updateInitiative(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(updateInitiativeSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleInitiative(tx, actor, input.initiativeId, { lock: true });
    if (!can(actor, "initiative", "update", facts)) throw new AppError("forbidden", "Only the network's brokers edit initiatives");
    const { row } = facts;
    if (row.status !== "draft" && row.status !== "open") throw new AppError("conflict", `A ${row.status} initiative cannot be edited`);
    const next = {
      title: input.title,
      description: input.description,
      deadline: deadlineOf(input.deadline),
      shareQuantities: input.shareQuantities,
    };
    await tx
      .update(initiative)
      .set({ ...next, deadlineNoticeAt: null, updatedAt: deps.now() })
      .where(eq(initiative.id, row.id));
    if (TOOL_OF[row.objective] === "joint_buy" && input.jointBuy) await saveJointBuy(tx, row.id, input.jointBuy, deps.now());
    await recordActivity(tx, actor, {
      networkId: row.networkId,
      initiativeId: row.id,
      action: "initiative.updated",
      before: { title: row.title, deadline: deadlineDate(row.deadline), shareQuantities: row.shareQuantities },
      after: { title: next.title, deadline: input.deadline, shareQuantities: next.shareQuantities, quoteChanged: Boolean(input.jointBuy) },
    });
    after.publish(initiativeRoom(row.id), "initiative:updated", { initiativeId: row.id });
    return { id: row.id };
  });
}
