import { kpiDefinition } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { createKpiSchema } from "../../schemas/learning";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { networkRoom } from "../networks/helpers";
import { networkFacts } from "../networks/network-facts";

/** A broker adds a KPI of the network's own: name, description, unit, direction, valid range and how to compute it. */
export async function createKpi(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(createKpiSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await networkFacts(tx, input.networkId);
    if (!facts || !can(actor, "network", "read", facts)) throw new AppError("not_found", "Network not found");
    if (!can(actor, "club", "createKpi", facts)) throw new AppError("forbidden", "Only the network's brokers add KPIs");
    const [created] = await tx
      .insert(kpiDefinition)
      .values({
        networkId: input.networkId,
        key: null,
        name: input.name,
        description: input.description,
        unit: input.unit,
        direction: input.direction,
        minValue: input.minValue,
        maxValue: input.maxValue,
        computation: input.computation,
        createdBy: actor.userId,
      })
      .returning({ id: kpiDefinition.id });
    await recordActivity(tx, actor, {
      networkId: input.networkId,
      action: "kpi.created",
      after: { name: input.name, unit: input.unit, direction: input.direction, minValue: input.minValue, maxValue: input.maxValue },
    });
    after.publish(networkRoom(input.networkId), "network:updated", { networkId: input.networkId });
    return { id: created.id };
  });
}
