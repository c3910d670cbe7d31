import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { firm } from "../../../db/schema/firms";
import { initiative, initiativeParticipant } from "../../../db/schema/initiatives";
import { network, networkBroker } from "../../../db/schema/networks";
import { needConsortium } from "../../../db/schema/sourcing";
import type { Actor } from "../../authz/actor";
import { roleMay } from "../../authz/permissions";
import { parseInput } from "../../errors";
import type { Deps } from "../deps";

const schema = z.object({ needId: z.uuid("Not a need id") });

/**
 * The consortia a broker already formed for a need: the open or locked joint_selling initiatives
 * of the broker's own networks linked to the need (need_consortium, written with the initiative),
 * with their members. Two queries, where reading each network's and initiative's page took ~25.
 */
export async function listFormedConsortia(deps: Deps, actor: Actor, rawInput: unknown) {
  const { needId } = parseInput(schema, rawInput);
  if (!roleMay(actor.role, ["need", "formConsortium"])) return [];
  const rows = await deps.db
    .select({ initiativeId: initiative.id, title: initiative.title, networkName: network.name })
    .from(needConsortium)
    .innerJoin(initiative, eq(initiative.id, needConsortium.initiativeId))
    .innerJoin(network, eq(network.id, initiative.networkId))
    .innerJoin(networkBroker, and(eq(networkBroker.networkId, network.id), eq(networkBroker.userId, actor.userId)))
    .where(
      and(eq(needConsortium.needId, needId), eq(initiative.objective, "joint_selling"), inArray(initiative.status, ["open", "locked"])),
    )
    .orderBy(asc(network.name), desc(initiative.createdAt));
  if (rows.length === 0) return [];
  const participants = await deps.db
    .select({ initiativeId: initiativeParticipant.initiativeId, name: firm.name })
    .from(initiativeParticipant)
    .innerJoin(firm, eq(firm.id, initiativeParticipant.firmId))
    .where(
      inArray(
        initiativeParticipant.initiativeId,
        rows.map((r) => r.initiativeId),
      ),
    )
    .orderBy(asc(firm.name));
  return rows.map((row) => ({
    ...row,
    members: participants.filter((p) => p.initiativeId === row.initiativeId).map((p) => p.name),
  }));
}
