import { z } from "zod";
import { MIN_CONTRIBUTORS } from "../../../server/domain/disclosure";
import { disclosureMinContributorsSchema, networkInputSchema } from "../../../server/schemas/network";
import { withFieldNames } from "../field-names.server";

/**
 * The network form as people type it: shares in percent (25 = 25%), HHI in points. The service
 * stores shares in basis points under its own names; `BP_FIELD` is the one map between the two.
 */
const shape = networkInputSchema.shape;
const percent = z.number().min(0.01).max(100);
const hhi = z.number().int().min(1).max(10_000);

/** The form's percent field -> the service's basis-point field. */
const BP_FIELD = {
  notableShare: "notableShareBp",
  warningShare: "warningShareBp",
  criticalShare: "criticalShareBp",
  systemicShare: "systemicShareBp",
} as const;
type PercentField = keyof typeof BP_FIELD;
const PERCENT_FIELDS = Object.keys(BP_FIELD) as PercentField[];
const FORM_FIELD: Record<string, string> = Object.fromEntries(PERCENT_FIELDS.map((field) => [BP_FIELD[field], field]));

export const networkFormSchema = z
  .object({
    name: shape.name,
    sector: shape.sector,
    region: shape.region,
    description: shape.description,
    currency: shape.currency,
    notableShare: percent,
    warningShare: percent,
    criticalShare: percent,
    hhiModerate: hhi,
    hhiHigh: hhi,
    systemicShare: percent,
    disclosureMinContributors: disclosureMinContributorsSchema,
  })
  .superRefine((v, ctx) => {
    if (!(v.notableShare <= v.warningShare && v.warningShare <= v.criticalShare)) {
      ctx.addIssue({
        code: "custom",
        path: ["warningShare"],
        message: "Thresholds must rise",
        params: { key: "thresholds_order" },
      });
    }
    if (v.hhiModerate > v.hhiHigh) {
      ctx.addIssue({
        code: "custom",
        path: ["hhiHigh"],
        message: "Thresholds must rise",
        params: { key: "thresholds_order" },
      });
    }
  });
type NetworkFormValue = z.output<typeof networkFormSchema>;

/** Form value -> the service's input (percent -> basis points). */
export function toNetworkInput(v: NetworkFormValue) {
  const { notableShare, warningShare, criticalShare, systemicShare, ...rest } = v;
  const percents = { notableShare, warningShare, criticalShare, systemicShare };
  const bps = Object.fromEntries(PERCENT_FIELDS.map((field) => [BP_FIELD[field], Math.round(percents[field] * 100)]));
  return {
    ...rest,
    ...(bps as Record<(typeof BP_FIELD)[PercentField], number>),
  };
}

/** A stored network -> the form's initial values (basis points -> percent). */
export function toNetworkFormDefaults(
  n: z.output<typeof networkInputSchema> & {
    disclosureMinContributors: number;
  },
): Record<string, string> {
  return {
    name: n.name,
    sector: n.sector,
    region: n.region,
    description: n.description,
    currency: n.currency,
    ...Object.fromEntries(PERCENT_FIELDS.map((field) => [field, String(n[BP_FIELD[field]] / 100)])),
    hhiModerate: String(n.hhiModerate),
    hhiHigh: String(n.hhiHigh),
    disclosureMinContributors: String(n.disclosureMinContributors),
  };
}

/** The defaults of a new network (DOMAIN.md "Dependence on a single buyer"). */
export const NEW_NETWORK_DEFAULTS: Record<string, string> = {
  name: "",
  sector: "",
  region: "",
  description: "",
  currency: "BRL",
  notableShare: "10",
  warningShare: "25",
  criticalShare: "50",
  hhiModerate: "1500",
  hhiHigh: "2500",
  systemicShare: "20",
  disclosureMinContributors: String(MIN_CONTRIBUTORS),
};

/** Runs a network use case; a refusal about its basis-point fields names the form's percent fields. */
export function asNetworkForm<T>(work: Promise<T>): Promise<T> {
  return withFieldNames(work, (field) => FORM_FIELD[field] ?? field);
}
