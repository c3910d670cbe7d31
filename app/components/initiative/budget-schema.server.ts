import { z } from "zod";
import { SPLIT_RULES } from "../../../server/domain/cost-split";
import { OBJECTIVES } from "../../../server/domain/initiative";
import { currencySchema } from "../../../server/schemas/firm";
import { initiativeFieldsSchema, jointBuyInputSchema } from "../../../server/schemas/initiative";
import { FUNDING_KINDS } from "./budget-fields";

/**
 * The generic tool's budget form as the server reads it (shared by "new initiative" and the
 * initiative page): one row per funding source with a kind (percent or fixed amount) and one
 * value field, turned into the service's input shape by `toBudgetInput`. Kept apart from the
 * fields (budget-fields.tsx) so that a page showing the form does not ship zod to the browser.
 */
const decimal = z
  .string()
  .trim()
  .regex(/^\d{1,15}([.,]\d{1,3})?$/, "Must be a non-negative amount such as 12.50");

const fundingRowFormSchema = z
  .object({
    sponsor: z.string().trim().min(2, "At least 2 characters").max(120),
    kind: z.enum(FUNDING_KINDS),
    value: decimal,
  })
  .superRefine(
    (row, ctx) => {
      if (row.kind !== "percent") return;
      const percent = Number(row.value.replace(",", "."));
      if (percent < 0.01)
        ctx.addIssue({
          code: "too_small",
          minimum: 0.01,
          origin: "number",
          inclusive: true,
          input: percent,
          path: ["value"],
          message: "At least 0.01",
        });
      if (percent > 100)
        ctx.addIssue({
          code: "too_big",
          maximum: 100,
          origin: "number",
          inclusive: true,
          input: percent,
          path: ["value"],
          message: "At most 100",
        });
    },
    // Checked as soon as kind and value are readable, even when the sponsor is missing (one submit shows all).
    { when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "kind" || issue.path?.[0] === "value") },
  );

export const budgetFormSchema = z.object({
  amount: decimal,
  currency: currencySchema,
  splitRule: z.enum(SPLIT_RULES),
  fundingSources: z.array(fundingRowFormSchema).max(10).default([]),
});
export type BudgetFormValue = z.output<typeof budgetFormSchema>;

/** Form value -> the services' budget input (budgetInputSchema). */
export function toBudgetInput(value: BudgetFormValue, customWeights: Record<string, number> = {}) {
  return {
    budget: { amount: value.amount, currency: value.currency },
    splitRule: value.splitRule,
    fundingSources: value.fundingSources.map((row) =>
      row.kind === "percent"
        ? { kind: "percent" as const, sponsor: row.sponsor, percent: Number(row.value.replace(",", ".")) }
        : { kind: "fixed" as const, sponsor: row.sponsor, amount: row.value },
    ),
    customWeights,
  };
}

/**
 * The new-initiative page's form: the common fields plus both tool sections; the action drops the section the
 * objective does not use before parsing.
 */
export const newInitiativeFormSchema = initiativeFieldsSchema.extend({
  objective: z.enum(OBJECTIVES),
  jointBuy: jointBuyInputSchema.optional(),
  budget: budgetFormSchema.optional(),
});
