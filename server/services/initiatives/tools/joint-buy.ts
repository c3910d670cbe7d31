import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "../../../../db/client";
import { minorDigits } from "../../../../db/reference/currencies";
import { firm } from "../../../../db/schema/firms";
import { jointBuy, jointBuyCommitment } from "../../../../db/schema/initiatives";
import { parseDecimalToMinor } from "../../../domain/money";
import { poolSummary, validateBreaks, type PriceBreak } from "../../../domain/price-breaks";
import { AppError } from "../../../errors";
import type { jointBuyInputSchema } from "../../../schemas/initiative";

type JointBuyInput = z.output<typeof jointBuyInputSchema>;

/** Turns the typed quote into price breaks in minor units, or a 400 naming the bad row. */
function quoteToBreaks(input: JointBuyInput, field = "jointBuy"): PriceBreak[] {
  const digits = minorDigits(input.currency);
  const breaks = input.priceBreaks.map((b, index) => {
    const unitPriceMinor = parseDecimalToMinor(b.unitPrice, digits);
    if (unitPriceMinor === null || unitPriceMinor <= 0) {
      throw new AppError(
        "invalid_input",
        "Invalid input",
        { [`${field}.priceBreaks.${index}.unitPrice`]: [`A positive price with at most ${digits} decimals`] },
        { [`${field}.priceBreaks.${index}.unitPrice`]: "positive_price" },
      );
    }
    return { minQuantity: b.minQuantity, unitPriceMinor };
  });
  breaks.sort((a, b) => a.minQuantity - b.minQuantity);
  const problems = validateBreaks(breaks);
  if (problems.length > 0) {
    throw new AppError(
      "invalid_input",
      "Invalid input",
      { [`${field}.priceBreaks`]: problems.map((p) => p.message) },
      { [`${field}.priceBreaks`]: `breaks_${problems[0].code}` },
    );
  }
  return breaks;
}

export async function saveJointBuy(tx: Tx, initiativeId: string, input: JointBuyInput, now: Date) {
  const priceBreaks = quoteToBreaks(input);
  const values = {
    inputName: input.inputName,
    specification: input.specification,
    unit: input.unit,
    supplierName: input.supplierName,
    currency: input.currency,
    minimumQuantity: input.minimumQuantity,
    priceBreaks,
    updatedAt: now,
  };
  await tx
    .insert(jointBuy)
    .values({ initiativeId, ...values })
    .onConflictDoUpdate({ target: jointBuy.initiativeId, set: values });
}

/**
 * The live view of a joint purchase. Each participant's quantity and cost are shown to the
 * brokers; to co-participants only when the initiative shares quantities; otherwise a
 * participant sees its own line and the totals.
 */
export async function loadJointBuy(db: Db | Tx, initiativeId: string, viewer: { firmId: string | null; seesAll: boolean }) {
  const [quote] = await db.select().from(jointBuy).where(eq(jointBuy.initiativeId, initiativeId));
  if (!quote) return null;
  const commitments = await db
    .select({
      firmId: jointBuyCommitment.firmId,
      quantity: jointBuyCommitment.quantity,
      firmName: firm.name,
      updatedAt: jointBuyCommitment.updatedAt,
    })
    .from(jointBuyCommitment)
    .innerJoin(firm, eq(firm.id, jointBuyCommitment.firmId))
    .where(eq(jointBuyCommitment.initiativeId, initiativeId))
    .orderBy(asc(firm.name));
  const summary = poolSummary(
    quote.priceBreaks,
    commitments.map((c) => ({ id: c.firmId, quantity: c.quantity })),
    quote.minimumQuantity,
  );
  const names = new Map(commitments.map((c) => [c.firmId, c.firmName]));
  const lines = summary.participants
    .filter((p) => viewer.seesAll || p.id === viewer.firmId)
    .map((p) => ({ ...p, firmId: p.id, firmName: names.get(p.id) ?? "" }));
  return {
    quote: {
      inputName: quote.inputName,
      specification: quote.specification,
      unit: quote.unit,
      supplierName: quote.supplierName,
      currency: quote.currency,
      minimumQuantity: quote.minimumQuantity,
      priceBreaks: quote.priceBreaks,
    },
    total: summary.total,
    participantCount: summary.participants.length,
    reached: summary.reached,
    next: summary.next,
    neededForNext: summary.neededForNext,
    meetsMinimum: summary.meetsMinimum,
    neededForMinimum: summary.neededForMinimum,
    totalCostMinor: summary.totalCostMinor,
    totalSavingMinor: summary.totalSavingMinor,
    lines,
    own: summary.participants.find((p) => p.id === viewer.firmId) ?? null,
    seesAll: viewer.seesAll,
  };
}
