import { z } from "zod";
import { LEAD_BUYER_TYPES } from "../domain/stand-lead";
import { STAND_SPLIT_RULES } from "../domain/stand-costs";
import { SPACE_DECISIONS } from "../domain/stand-space";
import { STAND_TASK_CATEGORIES, STAND_TASK_STATUSES } from "../domain/stand-tasks";
import { emailSchema } from "./accounts";
import { countrySchema, moneyInputSchema } from "./firm";
import { initiativeFieldsSchema } from "./initiative";
import { calendarDateSchema } from "./dates";

/**
 * Joint trade-fair stands (issue 5), validated alike for the forms and /api/v1. Areas are typed
 * in m² as decimal text ("12.5") and stored as whole dm² by the services; money is typed as
 * decimal text in the stand's currency and stored in minor units. Cross-field rules (the fair
 * ends after it starts, the minimum area fits the stand, a fee for fee_plus_area) are checked
 * by the services so these objects stay plain (zod's omit/pick refuse refined objects).
 */

const isoDate = calendarDateSchema;
const decimal = z
  .string()
  .trim()
  .regex(/^\d{1,15}([.,]\d{1,3})?$/, "Must be a non-negative amount such as 12.50");

/**
 * Text matching `pattern`; a mismatch carries the message key forms translate (a regex check
 * keeps no `params`, so this is a refinement, with the pattern kept for the API's JSON Schema).
 */
function patterned(pattern: RegExp, message: string, key: string) {
  return z
    .string()
    .trim()
    .refine((text) => pattern.test(text), { message, params: { key } })
    .meta({ pattern: pattern.source });
}

/** An area in m², at most two decimals (1 m² = 100 dm²): "12", "12.5", "12,25". */
const areaM2Schema = patterned(/^\d{1,6}([.,]\d{1,2})?$/, "An area in m² such as 12.5", "invalid_area");

/** A length in metres, at most one decimal (stored in dm): "8", "7.5". */
const lengthMSchema = patterned(/^\d{1,4}([.,]\d)?$/, "A length in metres such as 8.5", "invalid_length");

/** "7.5" -> 75 dm; null when zero or not a length. */
export function parseLengthToDm(text: string): number | null {
  const match = /^(\d{1,4})(?:[.,](\d))?$/.exec(text.trim());
  if (!match) return null;
  const dm = Number(match[1]) * 10 + Number(match[2] ?? "0");
  return dm > 0 ? dm : null;
}

export const fairInputSchema = z.object({
  name: z.string().trim().min(2, "At least 2 characters").max(160),
  venue: z.string().trim().max(160).default(""),
  city: z.string().trim().min(1, "Required").max(120),
  country: countrySchema,
  startsOn: isoDate,
  endsOn: isoDate,
  organiser: z.string().trim().max(160).default(""),
  website: z.url({ protocol: /^https?$/, message: "Must be an http(s) address" }).optional(),
});

export const listFairsSchema = z.object({
  /** Also fairs that already ended (for the fairs page's history). */
  includePast: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).default(false),
});

const sponsorSchema = z.string().trim().min(2, "At least 2 characters").max(120);
const subsidyLimits = {
  /** Most a firm receives from this subsidy, in the stand's currency. */
  capPerFirm: decimal.optional(),
  /** Eligibility: firms with at most this many employees. */
  maxEmployees: z.number().int().min(1, "Must be at least 1").max(10_000_000).optional(),
};

export const standSubsidyInputSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("percent"),
    sponsor: sponsorSchema,
    percent: z.number().min(0.01, "At least 0.01%").max(100, "At most 100%"),
    ...subsidyLimits,
  }),
  z.object({ kind: z.literal("fixed"), sponsor: sponsorSchema, amount: decimal, ...subsidyLimits }),
]);

/** The stand's own settings, shared by creating and updating it. */
const standSettingsSchema = z.object({
  fairId: z.uuid("Choose a fair"),
  areaM2: areaM2Schema,
  /** Width of the open front, for drawing the plan to scale. */
  frontageM: lengthMSchema.optional(),
  minAreaM2: areaM2Schema.default("1"),
  totalCost: moneyInputSchema,
  splitRule: z.enum(STAND_SPLIT_RULES),
  /** For fee_plus_area: what each exhibitor pays before the rest is split by area. */
  fixedFee: decimal.optional(),
  subsidies: z.array(standSubsidyInputSchema).max(10, "At most 10 subsidies").default([]),
  shareCosts: z.boolean().default(false),
  shareLeads: z.boolean().default(false),
});

/** A network's broker creates a joint_selling initiative (draft) with its stand in one step. */
export const createStandSchema = initiativeFieldsSchema.omit({ shareQuantities: true }).extend({
  networkId: z.uuid("Not a network id"),
  ...standSettingsSchema.shape,
});
export type CreateStandInput = z.output<typeof createStandSchema>;

export const updateStandSchema = initiativeFieldsSchema.omit({ shareQuantities: true }).extend({
  initiativeId: z.uuid("Not an initiative id"),
  ...standSettingsSchema.shape,
});

export const standIdSchema = z.object({ initiativeId: z.uuid("Not an initiative id") });

/** A member asks for area (or changes its request). */
export const requestSpaceSchema = z.object({ initiativeId: z.uuid("Not an initiative id"), areaM2: areaM2Schema });

export const decideSpaceSchema = z.object({
  initiativeId: z.uuid("Not an initiative id"),
  spaceId: z.uuid("Not a space id"),
  decision: z.enum(SPACE_DECISIONS),
  /** For trim: the smaller area granted. */
  areaM2: areaM2Schema.optional(),
});

const taskFields = {
  title: z.string().trim().min(2, "At least 2 characters").max(200),
  category: z.enum(STAND_TASK_CATEGORIES).default("other"),
  /** A user of a participating firm or a broker of the network. */
  ownerUserId: z.string().trim().min(1).max(100).optional(),
  dueOn: isoDate,
  status: z.enum(STAND_TASK_STATUSES).default("todo"),
};

export const addTaskSchema = z.object({ initiativeId: z.uuid("Not an initiative id"), ...taskFields });

/** Every field but the ids is optional: only what is given changes (ownerUserId null clears it). */
export const updateTaskSchema = z.object({
  initiativeId: z.uuid("Not an initiative id"),
  taskId: z.uuid("Not a task id"),
  title: taskFields.title.optional(),
  category: z.enum(STAND_TASK_CATEGORIES).optional(),
  ownerUserId: z.string().trim().min(1).max(100).nullable().optional(),
  dueOn: isoDate.optional(),
  status: z.enum(STAND_TASK_STATUSES).optional(),
});

export const addLeadSchema = z.object({
  initiativeId: z.uuid("Not an initiative id"),
  buyerName: z.string().trim().min(2, "At least 2 characters").max(160),
  country: countrySchema,
  buyerType: z.enum(LEAD_BUYER_TYPES),
  products: z.string().trim().max(500).default(""),
  nextStep: z.string().trim().max(500).default(""),
  followUpOn: isoDate.optional(),
  contactEmail: emailSchema.optional(),
});

export const inviteLeadSchema = z.object({ initiativeId: z.uuid("Not an initiative id"), leadId: z.uuid("Not a lead id") });

export const leadTokenSchema = z.object({
  token: z
    .string()
    .trim()
    .min(16)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/, "Not an invitation token"),
});
