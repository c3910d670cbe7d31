import { eq } from "drizzle-orm";
import { firm, firmCapacity, firmCertification } from "../../../db/schema/firms";
import { minorDigits } from "../../../db/reference/currencies";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { parseDecimalToMinor } from "../../domain/money";
import { AppError, invalidField, parseInput } from "../../errors";
import { firmRoom, needsRoom } from "../../realtime/events";
import { firmProfileSchema } from "../../schemas/firm";
import { inTransaction, type Deps } from "../deps";
import { isoToday, loadFirmRows, privateFirm } from "./firm-views";

/**
 * Replaces the actor's firm profile (fields, certifications, capacities) in one transaction.
 * The profile's kind must be the firm's kind: a firm does not change kind by editing.
 */
export async function updateMyFirm(deps: Deps, actor: Actor, rawInput: unknown) {
  if (!actor.firm) throw new AppError("not_found", "You belong to no firm");
  const firmId = actor.firm.id;
  if (!can(actor, "firm", "update", { firmId })) throw new AppError("forbidden", "Only the firm's members edit it");
  const input = parseInput(firmProfileSchema, rawInput);
  if (input.kind !== actor.firm.kind) {
    throw invalidField("kind", "kind_mismatch", `This firm is of kind ${actor.firm.kind}`);
  }
  let turnoverMinor: number | null = null;
  if (input.turnover) {
    turnoverMinor = parseDecimalToMinor(input.turnover.amount, minorDigits(input.turnover.currency));
    if (turnoverMinor === null) {
      throw invalidField(
        "turnover.amount",
        "too_many_decimals",
        `At most ${minorDigits(input.turnover.currency)} decimals in ${input.turnover.currency}`,
      );
    }
  }

  return inTransaction(deps, async (tx, after) => {
    await tx
      .update(firm)
      .set({
        name: input.name,
        description: input.description,
        website: input.website ?? null,
        country: input.country,
        region: input.region,
        sector: input.sector,
        employees: input.employees ?? null,
        turnoverMinor,
        turnoverCurrency: input.turnover?.currency ?? null,
        link: input.kind === "sme" ? input.link : null,
        tier: input.kind === "sme" ? input.tier : null,
        functions: input.kind === "sme" ? input.functions : [],
        roleLadder: input.kind === "sme" ? (input.roleLadder ?? null) : null,
        upgradingGoals: input.kind === "sme" ? input.upgradingGoals : [],
        buyerType: input.kind === "buyer" ? input.buyerType : null,
        usualGovernance: input.kind === "buyer" ? (input.usualGovernance ?? null) : null,
        updatedAt: deps.now(),
      })
      .where(eq(firm.id, firmId));

    await tx.delete(firmCertification).where(eq(firmCertification.firmId, firmId));
    await tx.delete(firmCapacity).where(eq(firmCapacity.firmId, firmId));
    if (input.kind === "sme") {
      if (input.certifications.length > 0) {
        await tx
          .insert(firmCertification)
          .values(input.certifications.map((c) => ({ firmId, code: c.code, expiresOn: c.expiresOn ?? null })));
      }
      if (input.capacities.length > 0) {
        await tx.insert(firmCapacity).values(input.capacities.map((c) => ({ firmId, ...c })));
      }
    }
    after.publish(firmRoom(firmId), "firm:updated", { firmId });
    if (input.kind === "sme") after.publish(needsRoom(), "matches:changed", {});
    const loaded = await loadFirmRows(tx, firmId);
    return privateFirm(loaded!.row, loaded!.certifications, loaded!.capacities, isoToday(deps.now()));
  });
}
