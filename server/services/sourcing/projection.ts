import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { minorDigits } from "../../../db/reference/currencies";
import { firm } from "../../../db/schema/firms";
import { exchangeRate, salesEntry } from "../../../db/schema/ledger";
import { network, networkMember } from "../../../db/schema/networks";
import { DEFAULT_THRESHOLDS, levelOf, measure, project, type Level, type SaleEntry, type Thresholds } from "../../domain/dependence";
import { comparePeriods, convertMinor, invertRate, parseRate, periodEnd } from "../../domain/exchange";
import { reportingCurrency } from "../ledger/dependence-figures";
import { inChunks } from "./candidates";
import { annualOrderValueMinor, type NeedRow } from "./need-access";

export interface DependenceWarning {
  /** The latest period of the ledger the projection starts from. */
  period: string | null;
  currentTopShareBp: number | null;
  currentHhi: number | null;
  currentLevel: Level | null;
  projectedTopShareBp: number | null;
  projectedHhi: number | null;
  projectedLevel: Level | null;
  /** The buyer of the need would become (or stay) the top buyer. */
  buyerBecomesTop: boolean;
  /** Why no projection: no target price, no ledger, or a missing exchange rate. */
  unavailable: null | "no_price" | "no_ledger" | "missing_rate";
}

const EMPTY: DependenceWarning = {
  period: null,
  currentTopShareBp: null,
  currentHhi: null,
  currentLevel: null,
  projectedTopShareBp: null,
  projectedHhi: null,
  projectedLevel: null,
  buyerBecomesTop: false,
  unavailable: null,
};

/**
 * What winning this need would do to an SME's dependence: the order's yearly value added to the
 * latest year of its ledger (DOMAIN.md "projected share and HHI if a match is won").
 */
export async function projectDependence(db: Db | Tx, need: NeedRow, firmId: string): Promise<DependenceWarning> {
  return (await projectDependenceOfFirms(db, need, [firmId])).get(firmId)!;
}

type EntryRow = typeof salesEntry.$inferSelect;
type RateRow = { currency: string; baseCurrency: string; rate: string; validFrom: string };

/**
 * `projectDependence` for many SMEs at once, with the same figures: one query each for their
 * ledgers, turnover currencies, networks' thresholds and the exchange rates they may need,
 * instead of several queries per SME.
 */
export async function projectDependenceOfFirms(
  db: Db | Tx,
  need: NeedRow,
  firmIds: readonly string[],
): Promise<Map<string, DependenceWarning>> {
  const result = new Map<string, DependenceWarning>();
  const ids = [...new Set(firmIds)];
  if (ids.length === 0) return result;
  const value = annualOrderValueMinor(need);
  if (value === null) {
    for (const id of ids) result.set(id, { ...EMPTY, unavailable: "no_price" });
    return result;
  }
  const [entries, firms, thresholdRows] = await Promise.all([
    inChunks(ids, (chunk) => db.select().from(salesEntry).where(inArray(salesEntry.firmId, chunk))),
    inChunks(ids, (chunk) => db.select({ id: firm.id, currency: firm.turnoverCurrency }).from(firm).where(inArray(firm.id, chunk))),
    inChunks(ids, (chunk) =>
      db
        .select({
          firmId: networkMember.firmId,
          notableShareBp: network.notableShareBp,
          warningShareBp: network.warningShareBp,
          criticalShareBp: network.criticalShareBp,
          hhiModerate: network.hhiModerate,
          hhiHigh: network.hhiHigh,
          systemicShareBp: network.systemicShareBp,
        })
        .from(networkMember)
        .innerJoin(network, eq(network.id, networkMember.networkId))
        .where(and(inArray(networkMember.firmId, chunk), eq(networkMember.status, "active"))),
    ),
  ]);
  const entriesOf = new Map<string, EntryRow[]>();
  for (const e of entries) {
    const own = entriesOf.get(e.firmId);
    if (own) own.push(e);
    else entriesOf.set(e.firmId, [e]);
  }
  const currencyOf = new Map(firms.map((f) => [f.id, f.currency]));
  // Every currency a conversion below may involve; rates between any two of them.
  const currencies = new Set<string>([need.currency, ...entries.map((e) => e.currency)]);
  for (const f of firms) if (f.currency) currencies.add(f.currency);
  const rates: RateRow[] =
    currencies.size > 1
      ? await db
          .select({
            currency: exchangeRate.currency,
            baseCurrency: exchangeRate.baseCurrency,
            rate: exchangeRate.rate,
            validFrom: exchangeRate.validFrom,
          })
          .from(exchangeRate)
          .where(and(inArray(exchangeRate.currency, [...currencies]), inArray(exchangeRate.baseCurrency, [...currencies])))
          .orderBy(asc(exchangeRate.validFrom))
      : [];
  const thresholdRowsOf = new Map<string, Thresholds[]>();
  for (const r of thresholdRows) {
    const own = thresholdRowsOf.get(r.firmId);
    if (own) own.push(r);
    else thresholdRowsOf.set(r.firmId, [r]);
  }
  for (const id of ids) {
    result.set(
      id,
      projectOne(need, value, entriesOf.get(id) ?? [], currencyOf.get(id) ?? null, thresholdsOf(thresholdRowsOf.get(id) ?? []), rates),
    );
  }
  return result;
}

/** The strictest of the SME's networks' thresholds, or the defaults (as `thresholdsFor`). */
function thresholdsOf(rows: Array<Thresholds>): Thresholds {
  if (rows.length === 0) return { ...DEFAULT_THRESHOLDS };
  const min = (key: keyof Thresholds) => Math.min(...rows.map((r) => r[key]));
  return {
    notableShareBp: min("notableShareBp"),
    warningShareBp: min("warningShareBp"),
    criticalShareBp: min("criticalShareBp"),
    hhiModerate: min("hhiModerate"),
    hhiHigh: min("hhiHigh"),
    systemicShareBp: min("systemicShareBp"),
  };
}

function projectOne(
  need: NeedRow,
  value: number,
  entries: EntryRow[],
  firmCurrency: string | null,
  thresholds: Thresholds,
  rates: RateRow[],
): DependenceWarning {
  const currency = reportingCurrency(firmCurrency, entries) ?? need.currency;
  const years = [...new Set(entries.map((e) => e.period).filter((p) => /^\d{4}$/.test(p)))].sort(comparePeriods);
  const period = years.at(-1) ?? null;
  let sales: SaleEntry[] = [];
  if (period) {
    const converted = convertedSales(
      entries.filter((e) => e.period === period),
      period,
      currency,
      rates,
    );
    if (!converted) return { ...EMPTY, period, unavailable: "missing_rate" };
    sales = converted;
  }
  const orderValue = convertValue(value, need.currency, currency, period, rates);
  if (orderValue === null) return { ...EMPTY, period, unavailable: "missing_rate" };
  const order = { customerKey: need.buyerFirmId, customerName: "buyer", amountMinor: orderValue };
  const current = sales.length ? measure(sales) : null;
  const projected = project(sales, order);
  return {
    period,
    currentTopShareBp: current?.topShareBp ?? null,
    currentHhi: current?.hhi ?? null,
    currentLevel: current ? levelOf(current, thresholds) : null,
    projectedTopShareBp: projected.topShareBp,
    projectedHhi: projected.hhi,
    projectedLevel: levelOf(projected, thresholds),
    buyerBecomesTop: projected.topBuyer?.key === need.buyerFirmId,
    unavailable: sales.length ? null : "no_ledger",
  };
}

/**
 * A date as PostgreSQL prints it ("2026-12-31", "10000-01-01", "0044-03-15 BC", "infinity"), as a number
 * that orders like the date, so `validFrom <= end` here is the database's `lte` on dates.
 */
function dateOrder(date: string): number {
  if (date === "infinity") return Number.POSITIVE_INFINITY;
  if (date === "-infinity") return Number.NEGATIVE_INFINITY;
  const match = /^(\d+)-(\d{2})-(\d{2})( BC)?$/.exec(date);
  if (!match) return Number.NaN;
  const [, y, m, d, bc] = match;
  const year = bc ? 1 - Number(y) : Number(y);
  return year * 10_000 + Number(m) * 100 + Number(d);
}

/** The latest rate `from` -> `to` valid from on or before `end` (database date order), or null. */
function latestRate(rates: RateRow[], from: string, to: string, end: string): RateRow | null {
  const limit = dateOrder(end);
  let found: RateRow | null = null;
  // `rates` is ordered by validFrom ascending, like the per-firm query was.
  for (const r of rates) if (r.currency === from && r.baseCurrency === to && dateOrder(r.validFrom) <= limit) found = r;
  return found;
}

/** `convertedSales` of dependence-figures, on preloaded rates: null when a rate is missing. */
function convertedSales(entries: EntryRow[], period: string, currency: string, rates: RateRow[]): SaleEntry[] | null {
  const end = periodEnd(period);
  const foreign = [...new Set(entries.map((e) => e.currency).filter((c) => c !== currency))];
  const scaled = new Map<string, bigint>();
  for (const from of foreign) {
    const direct = latestRate(rates, from, currency, end);
    if (direct) {
      scaled.set(from, parseRate(direct.rate)!);
      continue;
    }
    const inverse = latestRate(rates, currency, from, end);
    if (inverse) scaled.set(from, invertRate(parseRate(inverse.rate)!));
    else return null;
  }
  return entries.map((e) => ({
    customerKey: e.customerFirmId ?? `name:${e.customerName.trim().toLowerCase()}`,
    customerName: e.customerName,
    amountMinor:
      e.currency === currency
        ? e.amountMinor
        : convertMinor(e.amountMinor, minorDigits(e.currency), minorDigits(currency), scaled.get(e.currency)!),
    ...(e.channel === "agent" && e.agentName
      ? { viaAgent: true, agentKey: `agent:${e.agentName.trim().toLowerCase()}`, agentName: e.agentName }
      : {}),
  }));
}

/** The order's value in the SME's currency with the rate valid at the end of `period` (by text, as before). */
function convertValue(amountMinor: number, from: string, to: string, period: string | null, rates: RateRow[]): number | null {
  if (from === to) return amountMinor;
  const end = period ? `${period}-12-31` : "9999-12-31";
  const usable = rates.filter((r) => r.currency === from && r.baseCurrency === to && r.validFrom <= end).at(-1);
  if (usable) return convertMinor(amountMinor, minorDigits(from), minorDigits(to), parseRate(usable.rate)!);
  const inv = rates.filter((r) => r.currency === to && r.baseCurrency === from && r.validFrom <= end).at(-1);
  if (inv) return convertMinor(amountMinor, minorDigits(from), minorDigits(to), invertRate(parseRate(inv.rate)!));
  return null;
}
