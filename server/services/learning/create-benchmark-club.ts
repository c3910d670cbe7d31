import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { initiative } from "../../../db/schema/initiatives";
import { benchmarkClub, benchmarkClubKpi, kpiDefinition } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, invalidField, parseInput } from "../../errors";
import { createBenchmarkClubSchema } from "../../schemas/learning";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { deadlineOf } from "../initiatives/deadline";
import { networkRoom } from "../networks/helpers";
import { networkFacts } from "../networks/network-facts";

/**
 * A network's broker starts a benchmarking club: a `learning_network` initiative (as a draft)
 * and its club, with the reporting period kind and the KPIs (shipped ones or the network's own),
 * in one transaction. Members join the initiative as for any other; the deadline is the date
 * to join by.
 */
export async function createBenchmarkClub(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(createBenchmarkClubSchema, rawInput);
  const kpiIds = [...new Set(input.kpiIds)];
  return inTransaction(deps, async (tx, after) => {
    const facts = await networkFacts(tx, input.networkId);
    if (!facts || !can(actor, "network", "read", facts)) throw new AppError("not_found", "Network not found");
    if (!can(actor, "club", "createClub", facts)) throw new AppError("forbidden", "Only the network's brokers start benchmarking clubs");
    const allowed = await tx
      .select({ id: kpiDefinition.id })
      .from(kpiDefinition)
      .where(and(inArray(kpiDefinition.id, kpiIds), or(isNull(kpiDefinition.networkId), eq(kpiDefinition.networkId, input.networkId))));
    if (allowed.length !== kpiIds.length) throw invalidField("kpiIds", "kpi_not_available", "Choose shipped KPIs or this network's own");
    const [created] = await tx
      .insert(initiative)
      .values({
        networkId: input.networkId,
        objective: "learning_network",
        title: input.title,
        description: input.description,
        deadline: deadlineOf(input.deadline),
        shareQuantities: false,
        status: "draft",
        createdBy: actor.userId,
      })
      .returning({ id: initiative.id });
    await tx.insert(benchmarkClub).values({ initiativeId: created.id, periodKind: input.periodKind, updatedAt: deps.now() });
    await tx.insert(benchmarkClubKpi).values(kpiIds.map((kpiId, position) => ({ initiativeId: created.id, kpiId, position })));
    await recordActivity(tx, actor, {
      networkId: input.networkId,
      initiativeId: created.id,
      action: "initiative.created",
      after: { title: input.title, objective: "learning_network", status: "draft", periodKind: input.periodKind, kpis: kpiIds.length },
    });
    after.publish(networkRoom(input.networkId), "network:updated", { networkId: input.networkId });
    return { id: created.id, status: "draft" as const };
  });
}
