import { z } from "zod";

/** Shapes of what the API returns, for the OpenAPI document (inputs reuse the form schemas). */
const certification = z.object({
  code: z.string(),
  expiresOn: z.string().nullable(),
  status: z.enum(["valid", "expiring", "expired"]),
});

export const publicFirmResponse = z.object({
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
  capacities: z.array(
    z.object({ product: z.string(), unitsPerMonth: z.number().int(), unit: z.string(), leadTimeDays: z.number().int() }),
  ),
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

export const notificationListResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      href: z.string().nullable(),
      readAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  unread: z.number().int(),
});

export const idsResponse = z.object({ ids: z.array(z.string()) });

export const userResponse = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() });
export const userListResponse = z.array(userResponse.extend({ createdAt: z.string() }));

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
