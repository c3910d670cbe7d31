import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { initiative, initiativeParticipant } from "../../../db/schema/initiatives";
import type { Actor } from "../../authz/actor";
import { can, type ResourceFacts } from "../../authz/permissions";
import { AppError } from "../../errors";
import { networkFacts } from "../networks/network-facts";

export interface InitiativeFacts extends ResourceFacts {
  row: typeof initiative.$inferSelect;
  networkBrokerIds: string[];
  memberFirmIds: string[];
  participantFirmIds: string[];
}

/**
 * An initiative with what authorisation needs: its network's brokers and members and its own
 * participants. With `lock`, the initiative row is locked for the rest of the transaction, so
 * concurrent commitments and transitions of one initiative run one after another.
 */
export async function initiativeFacts(
  db: Db | Tx,
  initiativeId: string,
  options: { lock?: boolean } = {},
): Promise<InitiativeFacts | null> {
  const query = db.select().from(initiative).where(eq(initiative.id, initiativeId));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) return null;
  const network = (await networkFacts(db, row.networkId))!;
  const participants = await db
    .select({ firmId: initiativeParticipant.firmId })
    .from(initiativeParticipant)
    .where(eq(initiativeParticipant.initiativeId, initiativeId));
  return {
    row,
    networkBrokerIds: network.networkBrokerIds,
    memberFirmIds: network.memberFirmIds,
    participantFirmIds: participants.map((p) => p.firmId),
  };
}

/**
 * The initiative as the actor may see it, or a 404: outsiders do not learn it exists, and a
 * draft stays the brokers' own until it is opened.
 */
export async function visibleInitiative(
  db: Db | Tx,
  actor: Actor,
  initiativeId: string,
  options: { lock?: boolean } = {},
): Promise<InitiativeFacts> {
  const facts = await initiativeFacts(db, initiativeId, options);
  if (!facts || !mayReadInitiative(actor, facts)) throw new AppError("not_found", "Initiative not found");
  return facts;
}

/** initiative.read for a published initiative, initiative.readDraft for a draft. */
export function mayReadInitiative(actor: Actor, facts: InitiativeFacts): boolean {
  return can(actor, "initiative", facts.row.status === "draft" ? "readDraft" : "read", facts);
}
