import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "../../../../db/client";
import { minorDigits } from "../../../../db/reference/currencies";
import { firm } from "../../../../db/schema/firms";
import { fundingSource, initiativeBudget, initiativeParticipant } from "../../../../db/schema/initiatives";
import { applyFunding, costShares, MissingFigureError } from "../../../domain/cost-split";
import { parseDecimalToMinor } from "../../../domain/money";
import { invalidField } from "../../../errors";
import type { budgetInputSchema } from "../../../schemas/initiative";

type BudgetInput = z.output<typeof budgetInputSchema>;

/**
 * The generic tool of the objectives without a dedicated one: a budget, funding sources
 * (sponsor, percent or fixed amount) and a split rule; each participant's share follows.
 */
export async function saveBudget(tx: Tx, initiativeId: string, input: BudgetInput, now: Date) {
  const digits = minorDigits(input.budget.currency);
  const budgetMinor = parseDecimalToMinor(input.budget.amount, digits);
  if (budgetMinor === null) throw invalidField("budget.amount", "too_many_decimals", `At most ${digits} decimals`);
  const sources = input.fundingSources.map((source, index) => {
    if (source.kind === "percent") {
      return {
        sponsor: source.sponsor,
        kind: "percent" as const,
        percentBasisPoints: Math.round(source.percent * 100),
        amountMinor: null,
        position: index,
      };
    }
    const amountMinor = parseDecimalToMinor(source.amount, digits);
    if (amountMinor === null || amountMinor <= 0) {
      throw invalidField(`fundingSources.${index}.amount`, "positive_price", `A positive amount with at most ${digits} decimals`);
    }
    return { sponsor: source.sponsor, kind: "fixed" as const, percentBasisPoints: null, amountMinor, position: index };
  });
  const values = { budgetMinor, currency: input.budget.currency, splitRule: input.splitRule, updatedAt: now };
  await tx
    .insert(initiativeBudget)
    .values({ initiativeId, ...values })
    .onConflictDoUpdate({ target: initiativeBudget.initiativeId, set: values });
  await tx.delete(fundingSource).where(eq(fundingSource.initiativeId, initiativeId));
  if (sources.length > 0) await tx.insert(fundingSource).values(sources.map((s) => ({ initiativeId, ...s })));
  const participants = await tx
    .select({ id: initiativeParticipant.id, firmId: initiativeParticipant.firmId })
    .from(initiativeParticipant)
    .where(eq(initiativeParticipant.initiativeId, initiativeId));
  const idOf = new Map(participants.map((p) => [p.firmId, p.id]));
  for (const firmId of Object.keys(input.customWeights)) {
    if (!idOf.has(firmId)) throw invalidField(`customWeights.${firmId}`, "not_participant", "This firm does not take part");
  }
  for (const [firmId, weight] of Object.entries(input.customWeights)) {
    await tx
      .update(initiativeParticipant)
      .set({ customWeight: weight })
      .where(eq(initiativeParticipant.id, idOf.get(firmId)!));
  }
  return { budgetMinor, fundedSources: sources.length };
}

/** Budget, funding and each participant's share; shares add up exactly to what is left to split. */
export async function loadCostShares(db: Db | Tx, initiativeId: string) {
  const [budget] = await db.select().from(initiativeBudget).where(eq(initiativeBudget.initiativeId, initiativeId));
  if (!budget) return null;
  const sources = await db
    .select()
    .from(fundingSource)
    .where(eq(fundingSource.initiativeId, initiativeId))
    .orderBy(asc(fundingSource.position));
  const participants = await db
    .select({
      firmId: initiativeParticipant.firmId,
      name: firm.name,
      employees: firm.employees,
      turnoverMinor: firm.turnoverMinor,
      turnoverCurrency: firm.turnoverCurrency,
      customWeight: initiativeParticipant.customWeight,
    })
    .from(initiativeParticipant)
    .innerJoin(firm, eq(firm.id, initiativeParticipant.firmId))
    .where(eq(initiativeParticipant.initiativeId, initiativeId))
    .orderBy(asc(firm.name));
  const fundingInput = sources.map((s) => ({
    id: s.id,
    sponsor: s.sponsor,
    kind: s.kind,
    percentBasisPoints: s.percentBasisPoints ?? undefined,
    amountMinor: s.amountMinor ?? undefined,
  }));
  // Turnover weights only compare like with like: a turnover in another currency counts as missing.
  const splitInput = participants.map((p) => ({
    id: p.firmId,
    employees: p.employees,
    turnoverMinor: p.turnoverCurrency === budget.currency ? p.turnoverMinor : null,
    customWeight: p.customWeight,
  }));
  let result: ReturnType<typeof costShares> | null = null;
  let missingFigures: string[] = [];
  if (participants.length > 0) {
    try {
      result = costShares(budget.budgetMinor, fundingInput, budget.splitRule, splitInput);
    } catch (error) {
      if (!(error instanceof MissingFigureError) && !(error instanceof RangeError)) throw error;
      missingFigures = error instanceof MissingFigureError ? error.ids : participants.map((p) => p.firmId);
    }
  }
  const names = new Map(participants.map((p) => [p.firmId, p.name]));
  const { funded: funding, fundedTotal } = applyFunding(budget.budgetMinor, fundingInput);
  return {
    budgetMinor: budget.budgetMinor,
    currency: budget.currency,
    splitRule: budget.splitRule,
    funding: funding.map((f) => {
      const source = sources.find((s) => s.id === f.id)!;
      return { sponsor: f.sponsor, kind: source.kind, percentBasisPoints: source.percentBasisPoints, amountMinor: f.amountMinor };
    }),
    fundedTotal,
    toSplit: budget.budgetMinor - fundedTotal,
    shares: (result?.shares ?? []).map((s) => ({ firmId: s.id, firmName: names.get(s.id) ?? "", amountMinor: s.amountMinor })),
    missingFigures: missingFigures.map((id) => ({ firmId: id, firmName: names.get(id) ?? "" })),
  };
}
