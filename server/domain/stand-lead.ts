import type { BuyerType } from "./chain-position";

/**
 * The kind of buyer an exhibitor met at a fair, in the plain words of a fair floor. It is not
 * the chain-position `BuyerType` a buyer firm gives itself on signing up (the papers' typology):
 * an exhibitor cannot tell a branded marketer from a buying group across a stand counter.
 */
export const LEAD_BUYER_TYPES = ["retailer", "brand", "importer", "distributor", "manufacturer", "agent", "other"] as const;
export type LeadBuyerType = (typeof LEAD_BUYER_TYPES)[number];

/** The buyer type a sign-up form suggests for a lead's kind of buyer (the buyer may change it). */
export const SUGGESTED_BUYER_TYPE: Record<LeadBuyerType, BuyerType | null> = {
  retailer: "global_retailer",
  brand: "branded_marketer",
  manufacturer: "branded_manufacturer",
  importer: "trader_export_agent",
  distributor: "trader_export_agent",
  agent: "trader_export_agent",
  other: null,
};
