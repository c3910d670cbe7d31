import { initiative } from "../../../db/schema/initiatives";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, invalidField, parseInput } from "../../errors";
import { createInitiativeSchema } from "../../schemas/initiative";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { networkRoom } from "../networks/helpers";
import { networkFacts } from "../networks/network-facts";
import { deadlineOf } from "./deadline";
import { saveBudget } from "./tools/generic";
import { TOOL_OF } from "./tools/index";
import { saveJointBuy } from "./tools/joint-buy";

/** A network's broker starts an initiative (as a draft) with its objective's tool configured. */
export async function createInitiative(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(createInitiativeSchema, rawInput);
  const tool = TOOL_OF[input.objective];
  if (tool === "joint_buy" && !input.jointBuy) throw invalidField("jointBuy", "required", "A joint purchase needs the supplier's quote");
  // A trade-fair stand needs its fair, area and costs: it is created with its stand.
  if (tool === "stand") {
    throw invalidField(
      "objective",
      "use_stand_operation",
      "Joint trade-fair stands are created with their stand: use the stand form or createStand (POST /stands)",
    );
  }
  // A club needs its KPIs and reporting periods: it has its own operation.
  if (tool === "benchmark_club") {
    throw invalidField(
      "objective",
      "use_club_operation",
      "Learning networks are benchmarking clubs: create them with createBenchmarkClub (POST /networks/{networkId}/benchmark-clubs)",
    );
  }
  return inTransaction(deps, async (tx, after) => {
    const facts = await networkFacts(tx, input.networkId);
    if (!facts || !can(actor, "network", "read", facts)) throw new AppError("not_found", "Network not found");
    if (!can(actor, "initiative", "create", facts)) throw new AppError("forbidden", "Only the network's brokers start initiatives");
    const [created] = await tx
      .insert(initiative)
      .values({
        networkId: input.networkId,
        objective: input.objective,
        title: input.title,
        description: input.description,
        deadline: deadlineOf(input.deadline),
        shareQuantities: input.shareQuantities,
        status: "draft",
        createdBy: actor.userId,
      })
      .returning({ id: initiative.id });
    if (tool === "joint_buy") await saveJointBuy(tx, created.id, input.jointBuy!, deps.now());
    if (tool === "generic" && input.budget) await saveBudget(tx, created.id, input.budget, deps.now());
    await recordActivity(tx, actor, {
      networkId: input.networkId,
      initiativeId: created.id,
      action: "initiative.created",
      after: { title: input.title, objective: input.objective, status: "draft" },
    });
    after.publish(networkRoom(input.networkId), "network:updated", { networkId: input.networkId });
    return { id: created.id, status: "draft" as const };
  });
}
