import type { Db, Tx } from "../../../db/client";
import { minorDigits } from "../../../db/reference/currencies";
import { salesEntry } from "../../../db/schema/ledger";
import { eq } from "drizzle-orm";
import { levelOf, project, type Level } from "../../domain/dependence";
import { comparePeriods, convertMinor } from "../../domain/exchange";
import { convertedSales, reportingCurrency, thresholdsFor } from "../ledger/dependence-figures";
import { annualOrderValueMinor, type NeedRow } from "./need-access";
import { firm } from "../../../db/schema/firms";
import { exchangeRate } from "../../../db/schema/ledger";
import { and, asc } from "drizzle-orm";
import { invertRate, parseRate } from "../../domain/exchange";

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

/**
 * What winning this need would do to an SME's dependence: the order's yearly value added to the
 * latest year of its ledger (DOMAIN.md "projected share and HHI if a match is won").
 */
export async function projectDependence(db: Db | Tx, need: NeedRow, firmId: string): Promise<DependenceWarning> {
  const empty: DependenceWarning = {
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
  const value = annualOrderValueMinor(need);
  if (value === null) return { ...empty, unavailable: "no_price" };
  const entries = await db.select().from(salesEntry).where(eq(salesEntry.firmId, firmId));
  const [own] = await db.select({ currency: firm.turnoverCurrency }).from(firm).where(eq(firm.id, firmId));
  const currency = reportingCurrency(own?.currency ?? null, entries) ?? need.currency;
  const years = [...new Set(entries.map((e) => e.period).filter((p) => /^\d{4}$/.test(p)))].sort(comparePeriods);
  const period = years.at(-1) ?? null;
  const thresholds = await thresholdsFor(db, firmId);
  let sales: Awaited<ReturnType<typeof convertedSales>>["sales"] = [];
  if (period) {
    const converted = await convertedSales(db, entries.filter((e) => e.period === period), period, currency);
    if (!converted.sales) return { ...empty, period, unavailable: "missing_rate" };
    sales = converted.sales;
  }
  const orderValue = await convertValue(db, value, need.currency, currency, period);
  if (orderValue === null) return { ...empty, period, unavailable: "missing_rate" };
  const order = { customerKey: need.buyerFirmId, customerName: "buyer", amountMinor: orderValue };
  const current = sales.length ? (await import("../../domain/dependence")).measure(sales) : null;
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

async function convertValue(db: Db | Tx, amountMinor: number, from: string, to: string, period: string | null): Promise<number | null> {
  if (from === to) return amountMinor;
  const end = period ? `${period}-12-31` : "9999-12-31";
  const direct = await db
    .select({ rate: exchangeRate.rate, validFrom: exchangeRate.validFrom })
    .from(exchangeRate)
    .where(and(eq(exchangeRate.currency, from), eq(exchangeRate.baseCurrency, to)))
    .orderBy(asc(exchangeRate.validFrom));
  const usable = direct.filter((r) => r.validFrom <= end).at(-1);
  if (usable) return convertMinor(amountMinor, minorDigits(from), minorDigits(to), parseRate(usable.rate)!);
  const inverse = await db
    .select({ rate: exchangeRate.rate, validFrom: exchangeRate.validFrom })
    .from(exchangeRate)
    .where(and(eq(exchangeRate.currency, to), eq(exchangeRate.baseCurrency, from)))
    .orderBy(asc(exchangeRate.validFrom));
  const inv = inverse.filter((r) => r.validFrom <= end).at(-1);
  if (inv) return convertMinor(amountMinor, minorDigits(from), minorDigits(to), invertRate(parseRate(inv.rate)!));
  return null;
}
