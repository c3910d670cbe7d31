import { z } from "zod";

/** Shapes of what the firm endpoints return, for the OpenAPI document. */
const certification = z.object({
  code: z.string(),
  expiresOn: z.string().nullable(),
  status: z.enum(["valid", "expiring", "expired"]),
});

const publicFirmResponse = z.object({
  id: z.string(),
  kind: z.enum(["sme", "buyer", "agency"]),
  name: z.string(),
  description: z.string(),
  website: z.string().nullable(),
  country: z.string(),
  region: z.string(),
  sector: z.string(),
  employees: z.number().int().nullable(),
  link: z.string().nullable(),
  tier: z.number().int().nullable(),
  functions: z.array(z.string()),
  roleLadder: z.string().nullable(),
  buyerType: z.string().nullable(),
  usualGovernance: z.string().nullable(),
  certifications: z.array(certification),
});

export const privateFirmResponse = publicFirmResponse.extend({
  turnover: z.object({ amountMinor: z.number().int(), currency: z.string() }).nullable(),
  upgradingGoals: z.array(z.string()),
  capacities: z.array(z.object({ product: z.string(), unitsPerMonth: z.number().int(), unit: z.string(), leadTimeDays: z.number().int() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const myFirmResponse = z.object({
  firm: privateFirmResponse,
  members: z.array(
    z.object({
      id: z.string(),
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      status: z.enum(["active", "pending"]),
      isOwner: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  permissions: z.object({ update: z.boolean(), decideMember: z.boolean() }),
});

export const firmResponse = z.union([
  z.object({ visibility: z.literal("public"), firm: publicFirmResponse }),
  z.object({ visibility: z.literal("private"), firm: privateFirmResponse }),
]);

export const firmPageResponse = z.object({
  items: z.array(publicFirmResponse),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
});
