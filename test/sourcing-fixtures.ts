import type { Actor } from "../server/authz/actor";
import type { Deps } from "../server/services/deps";
import { updateMyFirm } from "../server/services/firms/update-my-firm";
import { unique } from "./factories";

/** A buyer's need for sandals: assembly, tier 1, ISO 9001 must-have, 30,000 pairs a month. */
export const needInput = (overrides: Record<string, unknown> = {}) => ({
  product: unique("Women's leather sandals"),
  sector: "1520",
  link: "assembly",
  functions: ["production", "quality_control"],
  tier: 1,
  volume: 30000,
  volumePeriod: "month",
  unit: "pairs",
  targetUnitPrice: "10.00",
  currency: "BRL",
  certifications: [{ code: "iso_9001", mustHave: true }],
  deliveryCountry: "DE",
  closingDate: "2027-03-31",
  specifies: "what",
  supportOffered: ["training"],
  exclusivity: false,
  ...overrides,
});

/** An SME profile with capacity in pairs and ISO 9001 valid until 2028. */
export async function smeProfile(deps: Deps, actor: Actor, capacity: number, extra: Record<string, unknown> = {}) {
  await updateMyFirm(deps, actor, {
    kind: "sme",
    name: unique("Calçados"),
    country: "BR",
    sector: "1520",
    link: "assembly",
    tier: 1,
    functions: ["production", "quality_control"],
    upgradingGoals: ["functional"],
    certifications: [{ code: "iso_9001", expiresOn: "2028-01-01" }],
    capacities: [{ product: "Sandals", unitsPerMonth: capacity, unit: "pairs", leadTimeDays: 30 }],
    ...extra,
  });
}
