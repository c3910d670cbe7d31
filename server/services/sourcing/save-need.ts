import { inArray } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { minorDigits } from "../../../db/reference/currencies";
import { network } from "../../../db/schema/networks";
import { parseDecimalToMinor } from "../../domain/money";
import { invalidField } from "../../errors";
import type { NeedInput } from "../../schemas/sourcing";

/** The columns of a need from its validated input (price in minor units, networks checked). */
export async function needValues(tx: Tx, input: NeedInput) {
  let targetUnitPriceMinor: number | null = null;
  if (input.targetUnitPrice) {
    targetUnitPriceMinor = parseDecimalToMinor(input.targetUnitPrice, minorDigits(input.currency));
    if (targetUnitPriceMinor === null || targetUnitPriceMinor <= 0) {
      throw invalidField("targetUnitPrice", "positive_price", `A positive price with at most ${minorDigits(input.currency)} decimals`);
    }
  }
  const networkIds = input.visibility === "networks" ? [...new Set(input.networkIds)] : [];
  if (networkIds.length) {
    const found = await tx.select({ id: network.id }).from(network).where(inArray(network.id, networkIds));
    if (found.length !== networkIds.length) throw invalidField("networkIds", "choose_network", "Unknown network");
  }
  return {
    product: input.product,
    description: input.description,
    sector: input.sector,
    link: input.link,
    functions: input.functions,
    tier: input.tier,
    volume: input.volume,
    volumePeriod: input.volumePeriod,
    unit: input.unit,
    targetUnitPriceMinor,
    currency: input.currency,
    certifications: input.certifications,
    deliveryPlace: input.deliveryPlace,
    deliveryCountry: input.deliveryCountry,
    windowStart: input.windowStart ?? null,
    windowEnd: input.windowEnd ?? null,
    closingDate: input.closingDate,
    specifies: input.specifies,
    designsJointly: input.designsJointly,
    supportOffered: input.supportOffered,
    exclusivity: input.exclusivity,
    visibility: input.visibility,
    networkIds,
  };
}
