import { z } from "zod";
import type { Actor } from "../../authz/actor";
import { parseInput } from "../../errors";
import type { Deps } from "../deps";
import { dependenceFigures } from "./dependence-figures";
import { requireLedgerAccess } from "./ledger-access";

const schema = z.object({ firmId: z.uuid("Not a firm id") });

/**
 * An SME's dependence on its buyers, period by period: top-buyer and top-3 shares, number of
 * buyers, HHI, the level against its networks' thresholds, and the trend. Confidential like the
 * ledger it comes from.
 */
export async function getFirmDependence(deps: Deps, actor: Actor, rawInput: unknown) {
  const { firmId } = parseInput(schema, rawInput);
  await requireLedgerAccess(deps.db, actor, firmId, "read");
  return dependenceFigures(deps.db, firmId);
}
