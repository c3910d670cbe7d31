import { asc, inArray } from "drizzle-orm";
import { firm } from "../../../db/schema/firms";
import type { Deps } from "../deps";

/** Names of the SME and buyer firms one may ask to join at sign-up (names are public). */
export async function listFirmNames(deps: Deps) {
  return deps.db
    .select({ id: firm.id, name: firm.name, kind: firm.kind })
    .from(firm)
    .where(inArray(firm.kind, ["sme", "buyer"]))
    .orderBy(asc(firm.name));
}
