import { z } from "zod";
import { SUBSIDY_KINDS } from "./form";
import { createStandSchema, standSubsidyInputSchema } from "../../../server/schemas/stands";

/**
 * The stand form's schema, from the services' own: the stand's fields without the network id,
 * and subsidies as form rows whose one value field means a percent or an amount after the
 * row's kind. `toStandInput` turns the form's value into what createStand / updateStand take.
 */

const [percentRow, fixedRow] = standSubsidyInputSchema.options;

const subsidyRowFormSchema = z
  .object({
    sponsor: percentRow.shape.sponsor,
    kind: z.enum(SUBSIDY_KINDS),
    // A percent is typed like an amount; its bounds are checked below.
    value: fixedRow.shape.amount,
    capPerFirm: percentRow.shape.capPerFirm,
    maxEmployees: percentRow.shape.maxEmployees,
  })
  .superRefine((row, ctx) => {
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
  });

/** The form's schema: the service's fields (without the ids) with subsidies as form rows. */
export const standFormSchema = createStandSchema.omit({ networkId: true, subsidies: true }).extend({
  subsidies: z.array(subsidyRowFormSchema).max(10).default([]),
});
type StandFormValue = z.output<typeof standFormSchema>;

/** The form's value -> the fields createStand / updateStand take (without the ids). */
export function toStandInput(value: StandFormValue) {
  const { subsidies, fixedFee, ...rest } = value;
  return {
    ...rest,
    // A fee only means something for "fee plus area"; a leftover value from another rule is dropped.
    fixedFee: value.splitRule === "fee_plus_area" ? fixedFee : undefined,
    subsidies: subsidies.map((row) => {
      const limits = { capPerFirm: row.capPerFirm, maxEmployees: row.maxEmployees };
      return row.kind === "percent"
        ? { kind: "percent" as const, sponsor: row.sponsor, percent: Number(row.value.replace(",", ".")), ...limits }
        : { kind: "fixed" as const, sponsor: row.sponsor, amount: row.value, ...limits };
    }),
  };
}

/** A service's field path ("subsidies.0.percent", "totalCost.amount") -> the form's path ("subsidies.0.value"). */
export function standFieldPath(path: string): string {
  const row = /^subsidies\.(\d+)\.(percent|amount)$/.exec(path);
  return row ? `subsidies.${row[1]}.value` : path;
}
