import type { Actor } from "../server/authz/actor";
import { createNetwork } from "../server/services/networks/create-network";
import { inviteToNetwork } from "../server/services/networks/invite-to-network";
import { respondToInvitation } from "../server/services/networks/respond-to-invitation";
import { createInitiative } from "../server/services/initiatives/create-initiative";
import { transitionInitiative } from "../server/services/initiatives/transition-initiative";
import { joinInitiative } from "../server/services/initiatives/join-initiative";
import { actorOf, createFirmOwner, createUserWithRole, unique } from "./factories";
import type { Deps } from "../server/services/deps";

/** A network with a broker and `members` SMEs that accepted their invitation. */
export async function networkWithMembers(deps: Deps, members: number, links: string[] = ["assembly"]) {
  const broker = await createUserWithRole(deps, "broker");
  const { id: networkId } = await createNetwork(deps, broker.actor, {
    name: unique("Rede"),
    sector: "1520",
    region: "Vale dos Sinos, RS",
    currency: "BRL",
  });
  const smes: Array<Awaited<ReturnType<typeof createFirmOwner>>> = [];
  for (let i = 0; i < members; i++) {
    const sme = await createFirmOwner(deps, { link: links[i % links.length] });
    await inviteToNetwork(deps, broker.actor, { networkId, firmId: sme.firmId });
    await respondToInvitation(deps, sme.actor, { networkId, decision: "accept", consent: true });
    smes.push({ ...sme, actor: await actorOf(deps.db, sme.userId) });
  }
  return { broker, networkId, smes };
}

export const LEATHER_QUOTE = {
  inputName: "Finished leather",
  specification: "1.2-1.4 mm, black",
  unit: "m²",
  supplierName: "Curtume Teste",
  currency: "BRL",
  minimumQuantity: 50,
  priceBreaks: [
    { minQuantity: 1, unitPrice: "10.00" },
    { minQuantity: 100, unitPrice: "9.00" },
    { minQuantity: 500, unitPrice: "8.00" },
  ],
};

/** An open joint buy in the network, joined by the given SMEs. */
export async function openJointBuy(
  deps: Deps,
  broker: Actor,
  networkId: string,
  participants: Actor[],
  extra: Record<string, unknown> = {},
) {
  const { id } = await createInitiative(deps, broker, {
    networkId,
    objective: "joint_buying",
    title: unique("Joint leather"),
    deadline: "2026-12-31",
    jointBuy: LEATHER_QUOTE,
    ...extra,
  });
  await transitionInitiative(deps, broker, { initiativeId: id, to: "open" });
  for (const actor of participants) await joinInitiative(deps, actor, { initiativeId: id });
  return id;
}
