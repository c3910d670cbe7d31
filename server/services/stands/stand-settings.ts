import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { minorDigits } from "../../../db/reference/currencies";
import { fair, standSubsidy } from "../../../db/schema/stands";
import { parseDecimalToMinor } from "../../domain/money";
import { formatDm2AsM2, parseAreaM2 } from "../../domain/stand-space";
import { invalidField, invalidFields } from "../../errors";
import { parseLengthToDm, type CreateStandInput } from "../../schemas/stands";

type SettingsInput = Pick<
  CreateStandInput,
  "areaM2" | "frontageM" | "minAreaM2" | "totalCost" | "splitRule" | "fixedFee" | "subsidies" | "shareCosts" | "shareLeads" | "deadline"
>;

/**
 * The stand's typed settings as stored values: m² text to whole dm², decimal money to minor
 * units of the stand's currency; every invalid field is reported at once (400 with fields).
 */
export function standValues(input: SettingsInput) {
  const problems: Record<string, [string, string]> = {};
  const areaDm2 = parseAreaM2(input.areaM2);
  if (areaDm2 === null) problems.areaM2 = ["invalid_area", "An area above 0 m², at most two decimals"];
  const minAreaDm2 = parseAreaM2(input.minAreaM2);
  if (minAreaDm2 === null) problems.minAreaM2 = ["invalid_area", "An area above 0 m², at most two decimals"];
  else if (areaDm2 !== null && minAreaDm2 > areaDm2)
    problems.minAreaM2 = ["min_area_too_large", "The minimum area cannot exceed the stand's area"];
  let frontageDm: number | null = null;
  if (input.frontageM !== undefined) {
    frontageDm = parseLengthToDm(input.frontageM);
    if (frontageDm === null) problems.frontageM = ["invalid_length", "A length above 0 m, at most one decimal"];
    // At least 1 dm deep: the plan is drawn frontage wide and area / frontage deep.
    else if (areaDm2 !== null && frontageDm > areaDm2)
      problems.frontageM = ["frontage_too_wide", "The frontage is too wide for the stand's area"];
  }
  const currency = input.totalCost.currency;
  const digits = minorDigits(currency);
  const money = (text: string) => parseDecimalToMinor(text, digits);
  const totalCostMinor = money(input.totalCost.amount);
  if (totalCostMinor === null) problems["totalCost.amount"] = ["too_many_decimals", `At most ${digits} decimals`];
  let fixedFeeMinor: number | null = null;
  if (input.splitRule === "fee_plus_area") {
    if (input.fixedFee === undefined) problems.fixedFee = ["required", "A fixed fee per exhibitor is required for this rule"];
    else {
      fixedFeeMinor = money(input.fixedFee);
      if (fixedFeeMinor === null) problems.fixedFee = ["too_many_decimals", `At most ${digits} decimals`];
    }
  }
  const subsidies = input.subsidies.map((s, index) => {
    const capPerFirmMinor = s.capPerFirm === undefined ? null : money(s.capPerFirm);
    if (s.capPerFirm !== undefined && (capPerFirmMinor === null || capPerFirmMinor <= 0)) {
      problems[`subsidies.${index}.capPerFirm`] = ["positive_price", `A positive amount with at most ${digits} decimals`];
    }
    let amountMinor: number | null = null;
    if (s.kind === "fixed") {
      amountMinor = money(s.amount);
      if (amountMinor === null || amountMinor <= 0)
        problems[`subsidies.${index}.amount`] = ["positive_price", `A positive amount with at most ${digits} decimals`];
    }
    return {
      sponsor: s.sponsor,
      kind: s.kind,
      percentBasisPoints: s.kind === "percent" ? Math.round(s.percent * 100) : null,
      amountMinor,
      capPerFirmMinor,
      maxEmployees: s.maxEmployees ?? null,
      position: index,
    };
  });
  if (Object.keys(problems).length > 0) throw invalidFields(problems);
  return {
    stand: {
      areaDm2: areaDm2!,
      frontageDm,
      minAreaDm2: minAreaDm2!,
      totalCostMinor: totalCostMinor!,
      currency,
      splitRule: input.splitRule,
      fixedFeeMinor,
      shareCosts: input.shareCosts,
      shareLeads: input.shareLeads,
    },
    subsidies,
  };
}

/** The fair a stand is booked at; the booking deadline must not fall after the fair starts. */
export async function fairForStand(tx: Tx, fairId: string, deadline: string) {
  const [row] = await tx.select().from(fair).where(eq(fair.id, fairId));
  if (!row) throw invalidField("fairId", "no_such_fair", "No such fair");
  if (deadline > row.startsOn)
    throw invalidField("deadline", "deadline_after_fair", "The booking deadline must not fall after the fair starts");
  return row;
}

export async function replaceSubsidies(tx: Tx, initiativeId: string, subsidies: ReturnType<typeof standValues>["subsidies"]) {
  await tx.delete(standSubsidy).where(eq(standSubsidy.initiativeId, initiativeId));
  if (subsidies.length > 0) await tx.insert(standSubsidy).values(subsidies.map((s) => ({ initiativeId, ...s })));
}

export async function loadSubsidies(db: Db | Tx, initiativeId: string) {
  return db
    .select()
    .from(standSubsidy)
    .where(eq(standSubsidy.initiativeId, initiativeId))
    .orderBy(asc(standSubsidy.position), asc(standSubsidy.id));
}

/** "At least 36 m² are held" for the area-below-allocated check. */
export function belowAllocated(allocatedDm2: number) {
  return invalidField("areaM2", "area_below_allocated", `Exhibitors hold ${formatDm2AsM2(allocatedDm2)} m²: the stand cannot be smaller`);
}
