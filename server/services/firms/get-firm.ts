import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { firmIdSchema } from "../../schemas/firm";
import type { Deps } from "../deps";
import { firmFacts } from "./firm-facts";
import { isoToday, loadFirmRows, privateFirm, publicFirm } from "./firm-views";

/**
 * One firm as the actor may see it: the private view for its own members (and later its
 * networks' brokers), the public view for everyone else.
 */
export async function getFirm(deps: Deps, actor: Actor, rawInput: unknown) {
  const { firmId } = parseInput(firmIdSchema, rawInput);
  if (!can(actor, "firm", "readPublic")) throw new AppError("forbidden", "Not allowed");
  const loaded = await loadFirmRows(deps.db, firmId);
  if (!loaded) throw new AppError("not_found", "Firm not found");
  const today = isoToday(deps.now());
  const facts = await firmFacts(deps.db, firmId);
  if (can(actor, "firm", "readPrivate", facts)) {
    return { visibility: "private" as const, firm: privateFirm(loaded.row, loaded.certifications, loaded.capacities, today) };
  }
  return { visibility: "public" as const, firm: publicFirm(loaded.row, loaded.certifications, today) };
}
