import { z } from "zod";
import { CERTIFICATION_CODES } from "../../db/reference/certifications";
import { isCountryCode } from "../../db/reference/countries";
import { isCurrencyCode } from "../../db/reference/currencies";
import { isIsicClass } from "../../db/reference/isic";
import { BUYER_TYPES, FUNCTIONS, GOVERNANCE, LINKS, ROLE_LADDER, UPGRADING_GOALS } from "../domain/chain-position";
import { calendarDateSchema } from "./dates";

/**
 * The firm profile, validated alike for the edit form and PUT /api/v1/firms/me.
 * Messages are English with stable meaning; the UI translates by field.
 */
export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: "Unknown country code (ISO 3166-1 alpha-2)", params: { key: "unknown_country" } });
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, { message: "Unknown currency code (ISO 4217)", params: { key: "unknown_currency" } });
export const sectorSchema = z
  .string()
  .trim()
  .refine(isIsicClass, { message: "Unknown ISIC Rev.4 class", params: { key: "unknown_sector" } });
const isoDate = calendarDateSchema;

/** A typed decimal amount ("1250000.50") in a currency; converted to minor units by the service. */
export const moneyInputSchema = z.object({
  amount: z
    .string()
    .trim()
    .regex(/^\d{1,15}([.,]\d{1,3})?$/, "Must be a non-negative amount such as 1250000.50"),
  currency: currencySchema,
});

const certificationInputSchema = z.object({
  code: z.enum(CERTIFICATION_CODES),
  expiresOn: isoDate.optional(),
});

const capacityInputSchema = z.object({
  product: z.string().trim().min(1, "Required").max(120),
  unitsPerMonth: z.number().int().min(1, "Must be at least 1").max(100_000_000),
  unit: z.string().trim().min(1, "Required").max(30),
  leadTimeDays: z.number().int().min(0).max(730),
});

const commonFields = {
  name: z.string().trim().min(2, "At least 2 characters").max(120),
  description: z.string().trim().max(2000).default(""),
  website: z.url({ protocol: /^https?$/, message: "Must be an http(s) address" }).optional(),
  country: countrySchema,
  region: z.string().trim().max(120).default(""),
  sector: sectorSchema,
  employees: z.number().int().min(0).max(10_000_000).optional(),
  turnover: moneyInputSchema.optional(),
};

const smeProfileSchema = z.object({
  kind: z.literal("sme"),
  ...commonFields,
  link: z.enum(LINKS),
  tier: z.number().int().min(1).max(4),
  functions: z.array(z.enum(FUNCTIONS)).max(FUNCTIONS.length).default([]),
  roleLadder: z.enum(ROLE_LADDER).optional(),
  upgradingGoals: z.array(z.enum(UPGRADING_GOALS)).max(UPGRADING_GOALS.length).default([]),
  certifications: z
    .array(certificationInputSchema)
    .max(30)
    .default([])
    .refine((list) => new Set(list.map((c) => c.code)).size === list.length, {
      message: "Each certification only once",
      params: { key: "duplicate_certification" },
    }),
  capacities: z.array(capacityInputSchema).max(50).default([]),
});

const buyerProfileSchema = z.object({
  kind: z.literal("buyer"),
  ...commonFields,
  buyerType: z.enum(BUYER_TYPES),
  usualGovernance: z.enum(GOVERNANCE).optional(),
});

const agencyProfileSchema = z.object({
  kind: z.literal("agency"),
  ...commonFields,
});

export const firmProfileSchema = z.discriminatedUnion("kind", [smeProfileSchema, buyerProfileSchema, agencyProfileSchema]);

/** Directory search (GET /api/v1/firms and the directory page). */
export const firmSearchSchema = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(["sme", "buyer", "agency"]).optional(),
  sector: sectorSchema.optional(),
  link: z.enum(LINKS).optional(),
  tier: z.coerce.number().int().min(1).max(4).optional(),
  country: countrySchema.optional(),
  certification: z.enum(CERTIFICATION_CODES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const firmIdSchema = z.object({ firmId: z.uuid("Not a firm id") });

export const decideMemberSchema = z.object({
  memberId: z.uuid(),
  decision: z.enum(["approve", "decline"]),
});
