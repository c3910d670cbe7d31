import { asc } from "drizzle-orm";
import { network } from "../../../db/schema/networks";
import type { Deps } from "../deps";

/**
 * Ids and names of every network, for a buyer choosing which networks may see its sourcing need.
 * Network names are public (they appear on invitations and in the directory); nothing else is read.
 */
export async function listNetworkNames(deps: Deps) {
  return deps.db.select({ id: network.id, name: network.name }).from(network).orderBy(asc(network.name));
}
