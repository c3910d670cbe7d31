import { inArray } from "drizzle-orm";
import { firm } from "../db/schema/firms";
import type { Actor } from "../server/authz/actor";
import type { Deps } from "../server/services/deps";
import { transitionInitiative } from "../server/services/initiatives/transition-initiative";
import { createFair } from "../server/services/stands/create-fair";
import { createStand } from "../server/services/stands/create-stand";
import { unique } from "./factories";

/** A shoe fair in March 2027 (the tests' clock is late November 2026). */
export async function shoeFair(deps: Deps, broker: Actor, extra: Record<string, unknown> = {}) {
  return createFair(deps, broker, {
    name: unique("GDS Düsseldorf"),
    venue: "Messe Düsseldorf, Hall 8",
    city: "Düsseldorf",
    country: "DE",
    startsOn: "2027-03-10",
    endsOn: "2027-03-12",
    organiser: "Messe Düsseldorf GmbH",
    website: "https://www.example.com/gds",
    ...extra,
  });
}

/** The hand-checked stand: 40 m², 20,000.00 BRL split by area, SEBRAE pays 50% for firms up to 99 employees. */
export function standInput(networkId: string, fairId: string, extra: Record<string, unknown> = {}) {
  return {
    networkId,
    fairId,
    title: unique("Joint stand at GDS"),
    description: "Shared stand for the valley's manufacturers.",
    deadline: "2027-01-31",
    areaM2: "40",
    frontageM: "8",
    minAreaM2: "2",
    totalCost: { amount: "20000.00", currency: "BRL" },
    splitRule: "by_area",
    subsidies: [{ kind: "percent", sponsor: "SEBRAE", percent: 50, maxEmployees: 99 }],
    ...extra,
  };
}

/** A stand created and opened by the network's broker. */
export async function openStand(deps: Deps, broker: Actor, networkId: string, extra: Record<string, unknown> = {}) {
  const fair = await shoeFair(deps, broker);
  const { id } = await createStand(deps, broker, standInput(networkId, fair.id, extra));
  await transitionInitiative(deps, broker, { initiativeId: id, to: "open" });
  return { initiativeId: id, fairId: fair.id };
}

/** Small firms (by default): eligible for the SEBRAE subsidy. */
export async function setEmployees(deps: Deps, firmIds: string[], employees: number | null) {
  if (firmIds.length === 0) return;
  await deps.db.update(firm).set({ employees }).where(inArray(firm.id, firmIds));
}
