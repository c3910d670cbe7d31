import { z } from "zod";
import { MIN_CONTRIBUTORS } from "../../server/domain/disclosure";
import { disclosureMinContributorsSchema, networkInputSchema } from "../../server/schemas/network";

/**
 * The network form as people type it: shares in percent (25 = 25%), HHI in points. The action
 * converts percents to the basis points the service stores (x100) and back for editing.
 */
const shape = networkInputSchema.shape;
const percent = z.number().min(0.01).max(100);
const hhi = z.number().int().min(1).max(10_000);

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
      ctx.addIssue({ code: "custom", path: ["warningShare"], message: "Thresholds must rise", params: { key: "thresholds_order" } });
    }
    if (v.hhiModerate > v.hhiHigh) {
      ctx.addIssue({ code: "custom", path: ["hhiHigh"], message: "Thresholds must rise", params: { key: "thresholds_order" } });
    }
  });
export type NetworkFormValue = z.output<typeof networkFormSchema>;

const toBp = (pct: number) => Math.round(pct * 100);

/** Form value -> the service's input (percent -> basis points). */
export function toNetworkInput(v: NetworkFormValue) {
  return {
    name: v.name,
    sector: v.sector,
    region: v.region,
    description: v.description,
    currency: v.currency,
    notableShareBp: toBp(v.notableShare),
    warningShareBp: toBp(v.warningShare),
    criticalShareBp: toBp(v.criticalShare),
    hhiModerate: v.hhiModerate,
    hhiHigh: v.hhiHigh,
    systemicShareBp: toBp(v.systemicShare),
    disclosureMinContributors: v.disclosureMinContributors,
  };
}

/** A stored network -> the form's initial values (basis points -> percent). */
export function toNetworkFormDefaults(n: {
  name: string;
  sector: string;
  region: string;
  description: string;
  currency: string;
  notableShareBp: number;
  warningShareBp: number;
  criticalShareBp: number;
  hhiModerate: number;
  hhiHigh: number;
  systemicShareBp: number;
  disclosureMinContributors: number;
}) {
  return {
    name: n.name,
    sector: n.sector,
    region: n.region,
    description: n.description,
    currency: n.currency,
    notableShare: String(n.notableShareBp / 100),
    warningShare: String(n.warningShareBp / 100),
    criticalShare: String(n.criticalShareBp / 100),
    hhiModerate: String(n.hhiModerate),
    hhiHigh: String(n.hhiHigh),
    systemicShare: String(n.systemicShareBp / 100),
    disclosureMinContributors: String(n.disclosureMinContributors),
  };
}

/** The defaults of a new network (DOMAIN.md "Dependence on a single buyer"). */
export const NEW_NETWORK_DEFAULTS = {
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

/** The service names its threshold fields in basis points; the form in percent. */
export function toFormFieldErrors(fields: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).map(([key, messages]) => [key.replace(/ShareBp$/, "Share"), messages]));
}
