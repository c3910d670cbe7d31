import { z } from "zod";
import { CERTIFICATION_CODES } from "../../db/reference/certifications";
import { FUNCTIONS, LINKS } from "../domain/chain-position";
import { SUPPORT_KINDS } from "../domain/need";
import { countrySchema, currencySchema, sectorSchema } from "./firm";
import { calendarDateSchema } from "./dates";

const decimal = z
  .string()
  .trim()
  .regex(/^\d{1,15}([.,]\d{1,3})?$/, "Must be a non-negative amount such as 12.50");
const isoDate = calendarDateSchema;

/** A refinement's guard: none of these fields has an issue yet. */
function validIn(...fields: string[]) {
  return (payload: { issues: ReadonlyArray<{ path?: readonly PropertyKey[] }> }) =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));
}

/** A buyer's sourcing need (DOMAIN.md "Sourcing need"), for the form and POST /needs alike. */
export const needInputSchema = z
  .object({
    product: z.string().trim().min(2, "At least 2 characters").max(160),
    description: z.string().trim().max(4000).default(""),
    sector: sectorSchema,
    link: z.enum(LINKS),
    functions: z.array(z.enum(FUNCTIONS)).max(FUNCTIONS.length).default([]),
    tier: z.number().int().min(1).max(4),
    volume: z.number().int().min(1, "Must be at least 1").max(1_000_000_000),
    volumePeriod: z.enum(["month", "quarter", "year"]),
    unit: z.string().trim().min(1, "Required").max(30),
    targetUnitPrice: decimal.optional(),
    currency: currencySchema,
    certifications: z
      .array(z.object({ code: z.enum(CERTIFICATION_CODES), mustHave: z.boolean().default(false) }))
      .max(20)
      .default([])
      .refine((list) => new Set(list.map((c) => c.code)).size === list.length, {
        message: "Each certification only once",
        params: { key: "duplicate_certification" },
      }),
    deliveryPlace: z.string().trim().max(200).default(""),
    deliveryCountry: countrySchema,
    windowStart: isoDate.optional(),
    windowEnd: isoDate.optional(),
    closingDate: isoDate,
    specifies: z.enum(["what", "what_and_how"]),
    designsJointly: z.boolean().default(false),
    supportOffered: z.array(z.enum(SUPPORT_KINDS)).max(SUPPORT_KINDS.length).default([]),
    exclusivity: z.boolean().default(false),
    visibility: z.enum(["all", "networks"]).default("all"),
    networkIds: z.array(z.uuid()).max(50).default([]),
  })
  // Each rule runs once the fields it reads are valid, whatever the other fields hold, so a form
  // shows these errors with the others on the first submit.
  .superRefine(
    (need, ctx) => {
      if (need.windowStart && need.windowEnd && need.windowEnd < need.windowStart) {
        ctx.addIssue({ code: "custom", path: ["windowEnd"], message: "The window ends before it starts", params: { key: "window_order" } });
      }
    },
    { when: validIn("windowStart", "windowEnd") },
  )
  .superRefine(
    (need, ctx) => {
      if (need.visibility === "networks" && need.networkIds.length === 0) {
        ctx.addIssue({ code: "custom", path: ["networkIds"], message: "Choose at least one network", params: { key: "choose_network" } });
      }
    },
    { when: validIn("visibility", "networkIds") },
  );
export type NeedInput = z.output<typeof needInputSchema>;

export const needIdSchema = z.object({ needId: z.uuid("Not a need id") });

export const needTransitionSchema = z.object({ needId: z.uuid(), to: z.enum(["open", "closed", "awarded", "withdrawn"]) });

export const respondSchema = z.object({
  needId: z.uuid(),
  /** For a consortium: the joint_selling initiative answering on its members' behalf. */
  initiativeId: z.uuid().optional(),
  unitPrice: decimal,
  quantity: z.number().int().min(1).max(1_000_000_000),
  leadTimeDays: z.number().int().min(0).max(730),
  note: z.string().trim().max(2000).default(""),
});

export const decideResponseSchema = z.object({
  responseId: z.uuid(),
  decision: z.enum(["shortlist", "decline", "award"]),
  /** On award: record the order as expected sales in the supplier's ledger. */
  recordExpectedSales: z.boolean().default(false),
});

export const consortiumSchema = z.object({
  needId: z.uuid(),
  networkId: z.uuid(),
  firmIds: z.array(z.uuid()).min(2, "At least 2 firms").max(5, "At most 5 firms"),
  title: z.string().trim().min(3).max(160).optional(),
});
