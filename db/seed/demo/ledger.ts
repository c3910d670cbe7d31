import type { Tx } from "../../client";
import { dependenceState, exchangeRate, salesEntry } from "../../schema/ledger";
import { DEFAULT_THRESHOLDS, levelOf, measure, type SaleEntry } from "../../../server/domain/dependence";
import { comparePeriods, convertMinor, parseRate, periodEnd } from "../../../server/domain/exchange";
import { minorDigits } from "../../reference/currencies";
import { USERS } from "./accounts";
import { DAY, dayAt, startOfDayUtc } from "./clock";
import { DEMO_BUYERS, DEMO_SMES, toMinor } from "./firms";
import { demoId, firmId } from "./ids";
import { DEMO_LEDGERS } from "./ledger-data";
import { DEMO_EXCHANGE_RATES, DEMO_LEDGER_YEARS } from "./ledger-lines";
import { DEMO_NETWORK, FOUNDING_MEMBERS, foundingJoinedAt } from "./network";

type SalesRow = typeof salesEntry.$inferInsert;

/** Every ledger line of every year as a sales entry, entered after the firm joined the network. */
function salesRows(now: Date, userIds: Map<string, string>): SalesRow[] {
  const buyerNames = new Map(DEMO_BUYERS.map((b) => [b.key, b.name]));
  const smeNames = new Map(DEMO_SMES.map((s) => [s.key, s.name]));
  const today = startOfDayUtc(now);
  const rows: SalesRow[] = [];
  for (const ledger of DEMO_LEDGERS) {
    const memberIndex = FOUNDING_MEMBERS.findIndex((s) => s.key === ledger.firmKey);
    if (memberIndex < 0) throw new Error(`demo seed: ${ledger.firmKey} keeps a ledger but is no active member`);
    const login = USERS.find((u) => u.firmKey === ledger.firmKey);
    const createdBy = login ? (userIds.get(login.email) ?? null) : null;
    // Past years entered the day after joining the network; this year's brought up to date lately.
    const enteredPast = new Date(foundingJoinedAt(memberIndex).getTime() + DAY);
    const enteredThisYear = dayAt(today, -30 + memberIndex, 10);
    ledger.lines.forEach((line, lineIndex) => {
      const customerName = line.buyerKey ? buyerNames.get(line.buyerKey) : line.customer;
      if (!customerName) throw new Error(`demo seed: no customer in a line of ${ledger.firmKey}`);
      const agentName = line.agentKey ? smeNames.get(line.agentKey) : null;
      if (line.agentKey && !agentName) throw new Error(`demo seed: no agent ${line.agentKey}`);
      DEMO_LEDGER_YEARS.forEach((year, yearIndex) => {
        const thousands = line.thousands[yearIndex];
        if (thousands === 0) return;
        rows.push({
          id: demoId(`sales:${ledger.firmKey}:${year}:${lineIndex}`),
          firmId: firmId(ledger.firmKey),
          period: year,
          customerFirmId: line.buyerKey ? firmId(line.buyerKey) : null,
          customerName,
          amountMinor: toMinor(thousands * 1_000, line.currency),
          currency: line.currency,
          market: line.market,
          channel: agentName ? "agent" : "direct",
          agentName: agentName ?? null,
          governance: line.governance,
          exclusivity: line.exclusiveFrom !== undefined && year >= line.exclusiveFrom,
          createdBy,
          createdAt: year === "2026" ? enteredThisYear : enteredPast,
        });
      });
    });
  }
  return rows;
}

/** The book rate of `currency` to reais at the end of `period`, as the ledger picks it. */
function rateAt(currency: string, period: string): bigint {
  const end = periodEnd(period);
  const valid = DEMO_EXCHANGE_RATES.filter((r) => r.currency === currency && r.validFrom <= end).sort((a, b) =>
    a.validFrom.localeCompare(b.validFrom),
  );
  const rate = valid.at(-1);
  if (!rate) throw new Error(`demo seed: no ${currency} rate for ${period}`);
  return parseRate(rate.rate)!;
}

/** A period's entries in reais, keyed by customer (or agent) as the dependence measures want them. */
function salesInReais(entries: SalesRow[], period: string): SaleEntry[] {
  const currency = DEMO_NETWORK.currency;
  return entries.map((e) => ({
    customerKey: e.customerFirmId ?? `name:${e.customerName.trim().toLowerCase()}`,
    customerName: e.customerName,
    amountMinor:
      e.currency === currency
        ? e.amountMinor
        : convertMinor(e.amountMinor, minorDigits(e.currency), minorDigits(currency), rateAt(e.currency, period)),
    ...(e.channel === "agent" && e.agentName
      ? { viaAgent: true, agentKey: `agent:${e.agentName.trim().toLowerCase()}`, agentName: e.agentName }
      : {}),
  }));
}

/**
 * The level last seen, as the ledger records it after an edit: the latest period's, in the
 * firm's currency (reais) and with its network's thresholds (the defaults), so a first edit in
 * the demo does not re-notify.
 */
function dependenceRows(rows: SalesRow[], now: Date): Array<typeof dependenceState.$inferInsert> {
  return DEMO_LEDGERS.map((ledger) => {
    const entries = rows.filter((r) => r.firmId === firmId(ledger.firmKey));
    const period = [...new Set(entries.map((e) => e.period))].sort(comparePeriods).at(-1);
    if (!period) throw new Error(`demo seed: no sales for ${ledger.firmKey}`);
    const figures = measure(
      salesInReais(
        entries.filter((e) => e.period === period),
        period,
      ),
    );
    return { firmId: firmId(ledger.firmKey), level: levelOf(figures, DEFAULT_THRESHOLDS), period, updatedAt: now };
  });
}

/** The exchange rates, the members' sales ledgers and the dependence level each has reached. */
export async function seedLedgers(tx: Tx, now: Date, userIds: Map<string, string>): Promise<void> {
  const adminId = userIds.get(USERS.find((u) => u.role === "admin")!.email)!;
  await tx
    .insert(exchangeRate)
    .values(
      DEMO_EXCHANGE_RATES.map((r) => ({
        id: demoId(`exchange-rate:${r.currency}:BRL:${r.validFrom}`),
        currency: r.currency,
        baseCurrency: DEMO_NETWORK.currency,
        rate: r.rate,
        validFrom: r.validFrom,
        setBy: adminId,
        createdAt: DEMO_NETWORK.createdAt,
      })),
    )
    .onConflictDoNothing();
  const rows = salesRows(now, userIds);
  await tx.insert(salesEntry).values(rows).onConflictDoNothing();
  await tx.insert(dependenceState).values(dependenceRows(rows, now)).onConflictDoNothing();
}
