import { asc, eq, isNull, or } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { kpiDefinition } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { KPI_CATALOGUE } from "../../domain/benchmark";
import { AppError, parseInput } from "../../errors";
import { networkKpisSchema } from "../../schemas/learning";
import type { Deps } from "../deps";
import { networkFacts } from "../networks/network-facts";

const catalogueOrder = (key: string | null) => {
  const index = KPI_CATALOGUE.findIndex((kpi) => kpi.key === key);
  return index < 0 ? KPI_CATALOGUE.length : index;
};

/** The KPIs a club of this network may choose: the shipped ones (catalogue order), then the network's own (by name). */
async function kpisOfNetwork(db: Db | Tx, networkId: string) {
  const rows = await db
    .select()
    .from(kpiDefinition)
    .where(or(isNull(kpiDefinition.networkId), eq(kpiDefinition.networkId, networkId)))
    .orderBy(asc(kpiDefinition.name));
  return rows
    .map((row) => ({
      id: row.id,
      key: row.key,
      shipped: row.networkId === null,
      name: row.name,
      description: row.description,
      unit: row.unit,
      direction: row.direction,
      minValue: row.minValue,
      maxValue: row.maxValue,
      computation: row.computation,
    }))
    .sort(
      (a, b) => Number(a.shipped ? 0 : 1) - Number(b.shipped ? 0 : 1) || (a.shipped ? catalogueOrder(a.key) - catalogueOrder(b.key) : 0),
    );
}

/** The KPI catalogue of a network: shipped KPIs and the ones its brokers added (readers of the network). */
export async function listKpis(deps: Deps, actor: Actor, rawInput: unknown) {
  const { networkId } = parseInput(networkKpisSchema, rawInput);
  const facts = await networkFacts(deps.db, networkId);
  if (!facts || !can(actor, "network", "read", facts)) throw new AppError("not_found", "Network not found");
  return {
    networkId,
    kpis: await kpisOfNetwork(deps.db, networkId),
    permissions: { create: can(actor, "club", "createKpi", facts) },
  };
}
