import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { minorDigits } from "../../../db/reference/currencies";
import { firm } from "../../../db/schema/firms";
import { exchangeRate, salesEntry } from "../../../db/schema/ledger";
import { network, networkMember } from "../../../db/schema/networks";
import { DEFAULT_THRESHOLDS, hhiLevel, levelOf, measure, type Measure, type SaleEntry, type Thresholds } from "../../domain/dependence";
import { trend } from "../../domain/dependence-trend";
import { comparePeriods, convertMinor, invertRate, parseRate, periodEnd } from "../../domain/exchange";

type EntryRow = typeof salesEntry.$inferSelect;

/**
 * The thresholds that apply to a firm: the strictest of its networks' settings (the lowest
 * threshold of each kind), or DOMAIN.md's defaults when it belongs to no network.
 */
export async function thresholdsFor(db: Db | Tx, firmId: string): Promise<Thresholds> {
  const rows = await db
    .select({
      notableShareBp: network.notableShareBp,
      warningShareBp: network.warningShareBp,
      criticalShareBp: network.criticalShareBp,
      hhiModerate: network.hhiModerate,
      hhiHigh: network.hhiHigh,
      systemicShareBp: network.systemicShareBp,
    })
    .from(networkMember)
    .innerJoin(network, eq(network.id, networkMember.networkId))
    .where(and(eq(networkMember.firmId, firmId), eq(networkMember.status, "active")));
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

/** The currency a firm's figures are shown in: its turnover currency, else its ledger's most used. */
export function reportingCurrency(firmCurrency: string | null, entries: EntryRow[]): string | null {
  if (firmCurrency) return firmCurrency;
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.currency, (counts.get(e.currency) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/**
 * Converts a period's entries into one currency with the rates valid at the period's end (a
 * direct rate, or the inverse of one recorded the other way round). A missing rate is reported,
 * never guessed: the period then has no figures.
 */
export async function convertedSales(db: Db | Tx, entries: EntryRow[], period: string, currency: string) {
  const end = periodEnd(period);
  const foreign = [...new Set(entries.map((e) => e.currency).filter((c) => c !== currency))];
  const rates = new Map<string, bigint>();
  const missing: string[] = [];
  for (const from of foreign) {
    const [direct] = await db
      .select({ rate: exchangeRate.rate })
      .from(exchangeRate)
      .where(and(eq(exchangeRate.currency, from), eq(exchangeRate.baseCurrency, currency), lte(exchangeRate.validFrom, end)))
      .orderBy(asc(exchangeRate.validFrom))
      .then((rows) => rows.slice(-1));
    if (direct) {
      rates.set(from, parseRate(direct.rate)!);
      continue;
    }
    const [inverse] = await db
      .select({ rate: exchangeRate.rate })
      .from(exchangeRate)
      .where(and(eq(exchangeRate.currency, currency), eq(exchangeRate.baseCurrency, from), lte(exchangeRate.validFrom, end)))
      .orderBy(asc(exchangeRate.validFrom))
      .then((rows) => rows.slice(-1));
    if (inverse) rates.set(from, invertRate(parseRate(inverse.rate)!));
    else missing.push(from);
  }
  if (missing.length > 0) return { sales: null, missingRates: missing.sort() };
  const sales: SaleEntry[] = entries.map((e) => ({
    customerKey: e.customerFirmId ?? `name:${e.customerName.trim().toLowerCase()}`,
    customerName: e.customerName,
    amountMinor:
      e.currency === currency
        ? e.amountMinor
        : convertMinor(e.amountMinor, minorDigits(e.currency), minorDigits(currency), rates.get(e.currency)!),
    ...(e.channel === "agent" && e.agentName
      ? { viaAgent: true, agentKey: `agent:${e.agentName.trim().toLowerCase()}`, agentName: e.agentName }
      : {}),
  }));
  return { sales, missingRates: [] as string[] };
}

export interface PeriodFigures {
  period: string;
  measure: Measure | null;
  level: ReturnType<typeof levelOf> | null;
  hhiLevel: ReturnType<typeof hhiLevel> | null;
  missingRates: string[];
  expectedIncluded: boolean;
}

/** Every period's measures for one SME, oldest first, with levels and the trend. */
export async function dependenceFigures(db: Db | Tx, firmId: string) {
  const [target] = await db
    .select({ id: firm.id, name: firm.name, turnoverCurrency: firm.turnoverCurrency })
    .from(firm)
    .where(eq(firm.id, firmId));
  const entries = await db.select().from(salesEntry).where(eq(salesEntry.firmId, firmId));
  const thresholds = await thresholdsFor(db, firmId);
  const currency = reportingCurrency(target?.turnoverCurrency ?? null, entries);
  const periods = [...new Set(entries.map((e) => e.period))].sort(comparePeriods);
  const figures: PeriodFigures[] = [];
  for (const period of periods) {
    const inPeriod = entries.filter((e) => e.period === period);
    const converted = await convertedSales(db, inPeriod, period, currency!);
    const m = converted.sales ? measure(converted.sales) : null;
    figures.push({
      period,
      measure: m,
      level: m ? levelOf(m, thresholds) : null,
      hhiLevel: m ? hhiLevel(m.hhi, thresholds) : null,
      missingRates: converted.missingRates,
      expectedIncluded: inPeriod.some((e) => e.expected),
    });
  }
  const measured = figures.filter((f): f is PeriodFigures & { measure: Measure } => f.measure !== null);
  return {
    firm: { id: firmId, name: target?.name ?? "" },
    currency,
    thresholds,
    periods: figures,
    latest: measured.at(-1) ?? null,
    trend: trend(measured.map((f) => ({ period: f.period, measure: f.measure }))),
  };
}

/** Sales of several SMEs in one period, converted to one currency (for network-level figures). */
export async function salesOfFirms(db: Db | Tx, firmIds: string[], period: string, currency: string) {
  if (firmIds.length === 0) return { members: [], missing: [] as Array<{ firmId: string; currencies: string[] }> };
  const entries = await db
    .select()
    .from(salesEntry)
    .where(and(inArray(salesEntry.firmId, firmIds), eq(salesEntry.period, period)));
  const members: Array<{ firmId: string; sales: SaleEntry[] }> = [];
  const missing: Array<{ firmId: string; currencies: string[] }> = [];
  for (const firmId of firmIds) {
    const own = entries.filter((e) => e.firmId === firmId);
    if (own.length === 0) continue;
    const converted = await convertedSales(db, own, period, currency);
    if (converted.sales) members.push({ firmId, sales: converted.sales });
    else missing.push({ firmId, currencies: converted.missingRates });
  }
  return { members, missing };
}
