import { toSafeCsv } from "../../domain/csv-safe";
import { minorToDecimal } from "../../domain/money";
import { minorDigits } from "../../../db/reference/currencies";
import type { Actor } from "../../authz/actor";
import { AppError } from "../../errors";
import type { Deps } from "../deps";
import { getInitiative } from "./get-initiative";

/**
 * The purchase summary of a locked joint purchase, as CSV for the supplier's order and the
 * members' accounts: one line per participant (as far as the reader may see) and the totals.
 */
export async function purchaseSummaryCsv(deps: Deps, actor: Actor, rawInput: unknown) {
  const view = await getInitiative(deps, actor, rawInput);
  if (!view.permissions.purchaseSummary || !view.jointBuy)
    throw new AppError("conflict", "The summary exists once the joint purchase is locked");
  const jb = view.jointBuy;
  const digits = minorDigits(jb.quote.currency);
  const money = (minor: number) => minorToDecimal(minor, digits);
  const unitPrice = jb.reached ? money(jb.reached.unitPriceMinor) : "";
  const rows: string[][] = [
    ["initiative", view.initiative.title],
    ["network", view.initiative.networkName],
    ["input", jb.quote.inputName],
    ["specification", jb.quote.specification],
    ["supplier", jb.quote.supplierName],
    ["status", view.initiative.status],
    [],
    ["participant", "quantity", "unit", "unit_price", "cost", "alone_unit_price", "alone_cost", "saving", "currency"],
    ...jb.lines.map((l) => [
      l.firmName,
      String(l.quantity),
      jb.quote.unit,
      unitPrice,
      money(l.costMinor),
      l.aloneUnitPriceMinor === null ? "" : money(l.aloneUnitPriceMinor),
      money(l.aloneCostMinor),
      money(l.savingMinor),
      jb.quote.currency,
    ]),
    ["TOTAL", String(jb.total), jb.quote.unit, unitPrice, money(jb.totalCostMinor), "", "", money(jb.totalSavingMinor), jb.quote.currency],
  ];
  const slug =
    view.initiative.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "joint-purchase";
  return { filename: `${slug}-purchase-summary.csv`, csv: toSafeCsv(rows) };
}
