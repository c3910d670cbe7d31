import { z } from "zod";
import { MAX_CONTRIBUTORS_SETTING, MIN_CONTRIBUTORS } from "../domain/disclosure";
import { emailSchema } from "./accounts";
import { currencySchema, sectorSchema } from "./firm";

const bp = z.number().int().min(1).max(10_000);
const hhi = z.number().int().min(1).max(10_000);

/**
 * How many firms must contribute before an aggregate of members' confidential figures is shown
 * (server/domain/disclosure.ts): a network may raise the floor, never lower it.
 */
export const disclosureMinContributorsSchema = z
  .number()
  .int()
  .max(MAX_CONTRIBUTORS_SETTING)
  .refine((v) => v >= MIN_CONTRIBUTORS, {
    message: `At least ${MIN_CONTRIBUTORS}: a network may raise the threshold, never lower it`,
    params: { key: "disclosure_floor" },
  })
  // The floor as a refinement keeps the translated message; the document still states it.
  .meta({
    minimum: MIN_CONTRIBUTORS,
    description: "Firms needed before an aggregate of members' confidential figures is shown; at least 5, a network may raise it",
  });

/** A network and its dependence thresholds (defaults from DOMAIN.md). */
export const networkInputSchema = z
  .object({
    name: z.string().trim().min(3, "At least 3 characters").max(120),
    sector: sectorSchema,
    region: z.string().trim().max(120).default(""),
    description: z.string().trim().max(4000).default(""),
    currency: currencySchema,
    notableShareBp: bp.default(1000),
    warningShareBp: bp.default(2500),
    criticalShareBp: bp.default(5000),
    hhiModerate: hhi.default(1500),
    hhiHigh: hhi.default(2500),
    systemicShareBp: bp.default(2000),
    /** Absent: a new network gets the floor, an edited one keeps its own (an older client never lowers it). */
    disclosureMinContributors: disclosureMinContributorsSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (!(v.notableShareBp <= v.warningShareBp && v.warningShareBp <= v.criticalShareBp)) {
      ctx.addIssue({
        code: "custom",
        path: ["warningShareBp"],
        message: "Thresholds must rise: notable <= warning <= critical",
        params: { key: "thresholds_order" },
      });
    }
    if (v.hhiModerate > v.hhiHigh) {
      ctx.addIssue({
        code: "custom",
        path: ["hhiHigh"],
        message: "High HHI must be at least the moderate one",
        params: { key: "thresholds_order" },
      });
    }
  });

export const networkIdSchema = z.object({ networkId: z.uuid("Not a network id") });

/** Invite a firm on Jointly (firmId) or anyone by email: exactly one of the two. */
export const inviteSchema = z
  .object({ networkId: z.uuid(), firmId: z.uuid("Choose a firm").optional(), email: emailSchema.optional() })
  .superRefine((v, ctx) => {
    if (Boolean(v.firmId) === Boolean(v.email)) {
      ctx.addIssue({
        code: "custom",
        path: [v.firmId ? "email" : "firmId"],
        message: "Choose a firm or give an email, not both",
        params: { key: "firm_or_email" },
      });
    }
  });

/** Joining records the firm's consent that the network's brokers see its confidential data. */
export const consentSchema = z
  .boolean({ message: "Consent is required to join" })
  .refine((v) => v === true, { message: "Consent is required to join", params: { key: "consent_required" } });

export const respondToInvitationSchema = z.discriminatedUnion("decision", [
  z.object({ networkId: z.uuid(), decision: z.literal("accept"), consent: consentSchema }),
  z.object({ networkId: z.uuid(), decision: z.literal("decline") }),
]);

export const acceptTokenSchema = z.object({ token: z.string().min(20).max(100), consent: consentSchema });

export const applySchema = z.object({ networkId: z.uuid(), consent: consentSchema });

export const decideApplicationSchema = z.object({
  networkId: z.uuid(),
  firmId: z.uuid(),
  decision: z.enum(["approve", "decline"]),
});

export const addBrokerSchema = z.object({ networkId: z.uuid(), email: emailSchema });
