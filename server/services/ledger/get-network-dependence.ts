import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { firm } from "../../../db/schema/firms";
import { salesEntry } from "../../../db/schema/ledger";
import { network, networkMember } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { compareByRisk, levelOf, measure, systemicBuyers } from "../../domain/dependence";
import { disclosureRule } from "../../domain/disclosure";
import { comparePeriods } from "../../domain/exchange";
import { AppError, parseInput } from "../../errors";
import { periodSchema } from "../../schemas/ledger";
import type { Deps } from "../deps";
import { networkFacts } from "../networks/network-facts";
import { salesOfFirms } from "./dependence-figures";

const schema = z.object({ networkId: z.uuid("Not a network id"), period: periodSchema.optional() });

/**
 * A broker's view of its network for one period (the latest by default): members sorted by risk
 * and the systemic buyers, each with the members depending on it. In the network's currency.
 * Each member's own figures are the broker's by the member's consent; a buyer's combined sales
 * and share of the network are sums of several firms' figures and follow the network's
 * disclosure rule (withheld below its threshold of member firms, or when one dominates).
 */
export async function getNetworkDependence(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(schema, rawInput);
  const facts = await networkFacts(deps.db, input.networkId);
  if (!facts || !can(actor, "network", "read", facts)) throw new AppError("not_found", "Network not found");
  if (!can(actor, "network", "update", facts)) throw new AppError("forbidden", "Only the network's brokers see its members' dependence");
  const [net] = await deps.db.select().from(network).where(eq(network.id, input.networkId));
  const members = await deps.db
    .select({ firmId: firm.id, name: firm.name })
    .from(networkMember)
    .innerJoin(firm, eq(firm.id, networkMember.firmId))
    .where(and(eq(networkMember.networkId, input.networkId), eq(networkMember.status, "active"), eq(firm.kind, "sme")));
  const firmIds = members.map((m) => m.firmId);
  const periods = firmIds.length
    ? [
        ...new Set(
          (await deps.db.selectDistinct({ period: salesEntry.period }).from(salesEntry).where(inArray(salesEntry.firmId, firmIds))).map(
            (r) => r.period,
          ),
        ),
      ].sort(comparePeriods)
    : [];
  const period = input.period ?? periods.at(-1) ?? null;
  const thresholds = {
    notableShareBp: net.notableShareBp,
    warningShareBp: net.warningShareBp,
    criticalShareBp: net.criticalShareBp,
    hhiModerate: net.hhiModerate,
    hhiHigh: net.hhiHigh,
    systemicShareBp: net.systemicShareBp,
  };
  const rule = disclosureRule(net.disclosureMinContributors);
  const disclosure = { minContributors: rule.minContributors };
  if (!period)
    return {
      networkId: net.id,
      currency: net.currency,
      period: null,
      periods,
      thresholds,
      disclosure,
      members: [],
      systemicBuyers: [],
      missingRates: [],
    };
  const { members: sales, missing } = await salesOfFirms(deps.db, firmIds, period, net.currency);
  const names = new Map(members.map((m) => [m.firmId, m.name]));
  const rows = sales.map(({ firmId, sales: s }) => {
    const m = measure(s);
    return {
      firmId,
      name: names.get(firmId) ?? "",
      topShareBp: m.topShareBp,
      top3ShareBp: m.top3ShareBp,
      hhi: m.hhi,
      buyers: m.buyers,
      topBuyer: m.topBuyer,
      totalMinor: m.totalMinor,
      level: levelOf(m, thresholds),
    };
  });
  rows.sort((a, b) => compareByRisk(a, b, thresholds) || a.name.localeCompare(b.name));
  const systemic = systemicBuyers(sales, thresholds, rule).map((b) => ({
    ...b,
    members: b.members.map((m) => ({ ...m, name: names.get(m.firmId) ?? "" })),
  }));
  return {
    networkId: net.id,
    currency: net.currency,
    period,
    periods,
    thresholds,
    disclosure,
    members: rows,
    systemicBuyers: systemic,
    missingRates: missing.map((m) => ({ ...m, name: names.get(m.firmId) ?? "" })),
  };
}
