/**
 * Joint buying (DOMAIN.md "Joint buying", 003:1105): a supplier quote with price breaks
 * ("quantity >= q -> unit price p"), the pooled total of members' commitments, the break it
 * reaches and what each member saves against buying alone. Quantities are integer units of the
 * input; prices and costs are integer minor units, multiplied exactly.
 */

export interface PriceBreak {
  minQuantity: number;
  unitPriceMinor: number;
}

type BreakProblemCode = "no_breaks" | "not_positive_integer" | "lowest_not_one" | "quantity_not_increasing" | "price_not_decreasing";

export interface BreakProblem {
  code: BreakProblemCode;
  /** Index of the offending break, when the problem is about one break. */
  index?: number;
  message: string;
}

function isPositiveSafeInteger(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0;
}

/**
 * Problems with a quote, empty when it is usable. The lowest break must start at 1 so every
 * quantity a member commits has a price; a higher break must be strictly cheaper, otherwise it is
 * not a break and "saving against buying alone" could go negative.
 */
export function validateBreaks(breaks: ReadonlyArray<PriceBreak>): BreakProblem[] {
  if (breaks.length === 0) return [{ code: "no_breaks", message: "A quote needs at least one price break" }];
  const problems: BreakProblem[] = [];
  breaks.forEach((b, index) => {
    if (!isPositiveSafeInteger(b.minQuantity) || !isPositiveSafeInteger(b.unitPriceMinor)) {
      problems.push({
        code: "not_positive_integer",
        index,
        message: `Break ${index + 1}: quantity and unit price must be whole numbers above zero`,
      });
    }
  });
  if (breaks[0].minQuantity !== 1) {
    problems.push({ code: "lowest_not_one", index: 0, message: "The first break must start at quantity 1" });
  }
  for (let index = 1; index < breaks.length; index++) {
    const previous = breaks[index - 1];
    const current = breaks[index];
    if (!(current.minQuantity > previous.minQuantity)) {
      problems.push({
        code: "quantity_not_increasing",
        index,
        message: `Break ${index + 1}: minimum quantity must be above the previous break's`,
      });
    }
    if (!(current.unitPriceMinor < previous.unitPriceMinor)) {
      problems.push({
        code: "price_not_decreasing",
        index,
        message: `Break ${index + 1}: unit price must be below the previous break's`,
      });
    }
  }
  return problems;
}

function assertValid(breaks: ReadonlyArray<PriceBreak>): void {
  const problems = validateBreaks(breaks);
  if (problems.length > 0) {
    throw new RangeError(`invalid price breaks: ${problems.map((p) => p.message).join("; ")}`);
  }
}

function assertQuantity(quantity: number, what: string): void {
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${quantity}`);
  }
}

/** The break in force at `quantity`: the highest one whose minimum it meets. */
function breakAt(breaks: ReadonlyArray<PriceBreak>, quantity: number): PriceBreak | null {
  let found: PriceBreak | null = null;
  for (const b of breaks) {
    if (b.minQuantity <= quantity && (found === null || b.minQuantity > found.minQuantity)) found = b;
  }
  return found;
}

/** Unit price at `quantity`; null when nothing is bought (or below the lowest break). */
export function priceAt(breaks: ReadonlyArray<PriceBreak>, quantity: number): number | null {
  assertQuantity(quantity, "quantity");
  return breakAt(breaks, quantity)?.unitPriceMinor ?? null;
}

/** quantity * price, refusing a result that a JS number would round. */
export function costOf(quantity: number, unitPriceMinor: number): number {
  const cost = BigInt(quantity) * BigInt(unitPriceMinor);
  if (cost > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`cost of ${quantity} x ${unitPriceMinor} exceeds the safe integer range`);
  }
  return Number(cost);
}

function safeSum(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError("total exceeds the safe integer range");
  return sum;
}

export interface Commitment {
  id: string;
  quantity: number;
}

interface PoolParticipant {
  id: string;
  quantity: number;
  /** What the member pays at the pooled price. */
  costMinor: number;
  aloneUnitPriceMinor: number;
  aloneCostMinor: number;
  /** aloneCost - cost; never negative because higher breaks are cheaper. */
  savingMinor: number;
}

export interface PoolSummary {
  total: number;
  reached: PriceBreak | null;
  next: PriceBreak | null;
  neededForNext: number | null;
  meetsMinimum: boolean;
  neededForMinimum: number;
  participants: PoolParticipant[];
  totalCostMinor: number;
  totalSavingMinor: number;
}

/**
 * What every member sees live on a joint purchase: the pooled total, the break reached, how far
 * the next break and the minimum to proceed are, and each member's cost and saving. Members who
 * committed 0 are left out; the rest keep the order they were given in.
 */
export function poolSummary(
  breaks: ReadonlyArray<PriceBreak>,
  commitments: ReadonlyArray<Commitment>,
  minimumToProceed: number,
): PoolSummary {
  assertValid(breaks);
  assertQuantity(minimumToProceed, "minimumToProceed");
  const seen = new Set<string>();
  for (const { id, quantity } of commitments) {
    if (seen.has(id)) throw new RangeError(`more than one commitment from ${id}`);
    seen.add(id);
    assertQuantity(quantity, `quantity of ${id}`);
  }

  const committed = commitments.filter((c) => c.quantity > 0);
  const total = committed.reduce((sum, c) => safeSum(sum, c.quantity), 0);
  const reached = breakAt(breaks, total);
  const next = breaks.find((b) => b.minQuantity > total) ?? null;

  const participants = committed.map(({ id, quantity }) => {
    // Validated breaks start at 1, so any positive quantity has a price.
    const pooledPrice = (reached as PriceBreak).unitPriceMinor;
    const aloneUnitPriceMinor = (breakAt(breaks, quantity) as PriceBreak).unitPriceMinor;
    const costMinor = costOf(quantity, pooledPrice);
    const aloneCostMinor = costOf(quantity, aloneUnitPriceMinor);
    return { id, quantity, costMinor, aloneUnitPriceMinor, aloneCostMinor, savingMinor: aloneCostMinor - costMinor };
  });

  return {
    total,
    reached,
    next,
    neededForNext: next === null ? null : next.minQuantity - total,
    meetsMinimum: total >= minimumToProceed,
    neededForMinimum: Math.max(0, minimumToProceed - total),
    participants,
    totalCostMinor: participants.reduce((sum, p) => safeSum(sum, p.costMinor), 0),
    totalSavingMinor: participants.reduce((sum, p) => safeSum(sum, p.savingMinor), 0),
  };
}

/**
 * The highest break newly reached when the pooled total goes from `before` to `after`, for the
 * "price break reached" notice; null when no break was crossed or the total fell. The lowest
 * break (quantity 1) is the list price, not a discount, so reaching it is not news.
 */
export function crossedBreak(before: number, after: number, breaks: ReadonlyArray<PriceBreak>): PriceBreak | null {
  assertQuantity(before, "before");
  assertQuantity(after, "after");
  if (after <= before) return null;
  const lowest = breaks.reduce<number>((min, b) => Math.min(min, b.minQuantity), Infinity);
  const reached = breakAt(breaks, after);
  if (reached === null || reached.minQuantity <= before || reached.minQuantity === lowest) return null;
  return reached;
}
