import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { firm, firmCapacity, firmCertification } from "../../../db/schema/firms";
import { networkMember } from "../../../db/schema/networks";
import type { SmeProfile } from "../../domain/matching";
import type { NeedRow } from "./need-access";

export interface Candidate extends SmeProfile {
  name: string;
  networkIds: string[];
}

const sameUnit = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The SMEs a need may be matched with (all SMEs, or the chosen networks' members), as matching
 * profiles. Capacity counts the SME's capacities in the need's unit; none in that unit is "not
 * said" (null), which matching scores as unknown rather than as zero.
 */
export async function loadCandidates(db: Db | Tx, need: NeedRow, options: { firmIds?: string[]; networkIds?: string[] } = {}): Promise<Candidate[]> {
  const scopeNetworks = options.networkIds ?? (need.visibility === "networks" ? need.networkIds : null);
  const memberships = await db
    .select({ firmId: networkMember.firmId, networkId: networkMember.networkId })
    .from(networkMember)
    .where(
      scopeNetworks
        ? and(eq(networkMember.status, "active"), inArray(networkMember.networkId, scopeNetworks.length ? scopeNetworks : ["none"]))
        : eq(networkMember.status, "active"),
    );
  const networksOf = new Map<string, string[]>();
  for (const m of memberships) networksOf.set(m.firmId, [...(networksOf.get(m.firmId) ?? []), m.networkId]);
  let ids = options.firmIds ?? (scopeNetworks ? [...networksOf.keys()] : null);
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select({
      id: firm.id,
      name: firm.name,
      link: firm.link,
      tier: firm.tier,
      functions: firm.functions,
      country: firm.country,
      region: firm.region,
      upgradingGoals: firm.upgradingGoals,
    })
    .from(firm)
    .where(ids ? and(eq(firm.kind, "sme"), inArray(firm.id, ids)) : eq(firm.kind, "sme"));
  const usable = rows.filter((r) => r.link !== null && r.tier !== null);
  ids = usable.map((r) => r.id);
  if (ids.length === 0) return [];
  const certs = await db
    .select({ firmId: firmCertification.firmId, code: firmCertification.code, expiresOn: firmCertification.expiresOn })
    .from(firmCertification)
    .where(inArray(firmCertification.firmId, ids));
  const caps = await db
    .select({ firmId: firmCapacity.firmId, unitsPerMonth: firmCapacity.unitsPerMonth, unit: firmCapacity.unit })
    .from(firmCapacity)
    .where(inArray(firmCapacity.firmId, ids));
  return usable.map((r) => {
    const own = caps.filter((c) => c.firmId === r.id && sameUnit(c.unit, need.unit));
    return {
      firmId: r.id,
      name: r.name,
      link: r.link!,
      tier: r.tier as SmeProfile["tier"],
      functions: r.functions,
      certifications: certs.filter((c) => c.firmId === r.id).map((c) => ({ code: c.code, expiresOn: c.expiresOn })),
      capacityPerMonth: own.length ? own.reduce((sum, c) => sum + c.unitsPerMonth, 0) : null,
      country: r.country,
      region: r.region,
      upgradingGoals: r.upgradingGoals,
      networkIds: networksOf.get(r.id) ?? [],
    };
  });
}

export function criteriaOf(need: NeedRow, volumePerMonth: number) {
  return {
    link: need.link,
    tier: need.tier as SmeProfile["tier"],
    functions: need.functions,
    certifications: need.certifications,
    volumePerMonth,
    country: need.deliveryCountry,
    governance: {
      specifies: need.specifies,
      supportOffered: need.supportOffered,
      exclusivity: need.exclusivity,
      jointDesign: need.designsJointly,
    },
  };
}
