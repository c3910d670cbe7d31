import { z } from "zod";
import { GOVERNANCE } from "../domain/chain-position";
import { HHI_LEVELS, LEVELS } from "../domain/dependence";

/**
 * Shapes of what the sales ledger, dependence and exchange-rate endpoints return, for the
 * OpenAPI document (confidential: the firm, its brokers, admins).
 */

const governance = z.enum(GOVERNANCE);
const period = z.string().describe("A year (2026) or a quarter (2026-Q3)");

const salesEntryView = z.object({
  id: z.string(),
  period,
  /** A buyer firm on Jointly, or null for a named outside customer. */
  customerFirmId: z.string().nullable(),
  customerName: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  market: z.enum(["export", "domestic"]),
  channel: z.enum(["direct", "agent"]),
  agentName: z.string().nullable(),
  governance: governance.nullable(),
  exclusivity: z.boolean(),
  /** Expected sales recorded from an award. */
  expected: z.boolean(),
  createdAt: z.string(),
});

export const salesEntriesResponse = z.object({
  firm: z.object({ id: z.string(), name: z.string() }),
  entries: z.array(salesEntryView),
});

export const addedSalesEntriesResponse = z.object({ firmId: z.string(), added: z.number().int(), ids: z.array(z.string()) });
export const importedSalesResponse = z.object({ firmId: z.string(), imported: z.number().int() });

const dependenceLevel = z.enum(LEVELS);
const hhiLevelEnum = z.enum(HHI_LEVELS);
const direction = z.enum(["rising", "falling", "stable"]);

const thresholdsView = z.object({
  notableShareBp: z.number().int(),
  warningShareBp: z.number().int(),
  criticalShareBp: z.number().int(),
  hhiModerate: z.number().int(),
  hhiHigh: z.number().int(),
  systemicShareBp: z.number().int(),
});

const topBuyer = z.object({
  key: z.string(),
  name: z.string(),
  shareBp: z.number().int(),
  amountMinor: z.number().int(),
  viaAgent: z.boolean(),
});

const measureView = z.object({
  /** In the figures' currency, minor units. */
  totalMinor: z.number().int(),
  buyers: z.number().int(),
  topBuyer: topBuyer.nullable(),
  /** Basis points: 10,000 = 100%. */
  topShareBp: z.number().int(),
  top3ShareBp: z.number().int(),
  /** Sum of squared percentage shares, 0..10,000. */
  hhi: z.number().int(),
  shares: z.array(
    z.object({
      /** The customer's firm id or "name:<customer>", or "agent:<agent>" for sales through an agent. */
      key: z.string(),
      name: z.string(),
      amountMinor: z.number().int(),
      shareBp: z.number().int(),
      viaAgent: z.boolean(),
      /** End customers reached through the agent. */
      endCustomers: z.array(z.string()),
    }),
  ),
});

const periodFigures = z.object({
  period,
  /** Null when a rate is missing: the period then has no figures. */
  measure: measureView.nullable(),
  level: dependenceLevel.nullable(),
  hhiLevel: hhiLevelEnum.nullable(),
  /** Currencies of the period without a rate into the figures' currency. */
  missingRates: z.array(z.string()),
  expectedIncluded: z.boolean(),
});

export const firmDependenceResponse = z.object({
  firm: z.object({ id: z.string(), name: z.string() }),
  /** The currency of the figures: the firm's turnover currency, else its ledger's most used; null with no ledger. */
  currency: z.string().nullable(),
  /** The strictest thresholds of the firm's networks, or the defaults. */
  thresholds: thresholdsView,
  /** Oldest first. */
  periods: z.array(periodFigures),
  latest: periodFigures.extend({ measure: measureView }).nullable(),
  trend: z.object({
    steps: z.array(z.object({ from: period, to: period, topShareChangeBp: z.number().int(), hhiChange: z.number().int(), direction })),
    topShareChangeBp: z.number().int(),
    hhiChange: z.number().int(),
    direction: direction.nullable(),
    hhiDirection: direction.nullable(),
  }),
});

export const networkDependenceResponse = z.object({
  networkId: z.string(),
  /** The network's currency; members' sales are converted into it. */
  currency: z.string(),
  period: period.nullable(),
  periods: z.array(period),
  thresholds: thresholdsView,
  /** The network's disclosure rule: member firms needed before a buyer's combined figures are shown. */
  disclosure: z.object({ minContributors: z.number().int() }),
  /** Members with figures in the period, most at risk first. */
  members: z.array(
    z.object({
      firmId: z.string(),
      name: z.string(),
      topShareBp: z.number().int(),
      top3ShareBp: z.number().int(),
      hhi: z.number().int(),
      buyers: z.number().int(),
      topBuyer: topBuyer.nullable(),
      totalMinor: z.number().int(),
      level: dependenceLevel,
    }),
  ),
  /**
   * Buyers at or over the systemic share of the members' combined sales. The combined amount and
   * share are sums of several firms' figures: null (with `withheld` saying why) when fewer than
   * `disclosure.minContributors` members sell to the buyer or one of them makes up over 85%.
   */
  systemicBuyers: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      /** Members selling to this buyer. */
      contributors: z.number().int(),
      amountMinor: z.number().int().nullable(),
      shareBp: z.number().int().nullable(),
      withheld: z.enum(["too_few", "dominated"]).nullable(),
      viaAgent: z.boolean(),
      /** Each member selling to it, with the buyer's share of that member's sales. */
      members: z.array(z.object({ firmId: z.string(), name: z.string(), amountMinor: z.number().int(), shareBp: z.number().int() })),
    }),
  ),
  /** Members left out because a rate into the network's currency is missing. */
  missingRates: z.array(z.object({ firmId: z.string(), name: z.string(), currencies: z.array(z.string()) })),
});

export const exchangeRateResponse = z.object({
  currency: z.string(),
  baseCurrency: z.string(),
  /** 1 currency = rate baseCurrency, as a decimal string. */
  rate: z.string(),
  validFrom: z.string(),
  setBy: z.string(),
});

export const exchangeRateListResponse = z.object({
  rates: z.array(
    z.object({
      id: z.string(),
      currency: z.string(),
      baseCurrency: z.string(),
      rate: z.string(),
      validFrom: z.string(),
      setByName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
