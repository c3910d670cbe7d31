import { z } from "zod";
import { SPLIT_RULES } from "../domain/cost-split";
import { INITIATIVE_STATUSES, OBJECTIVES } from "../domain/initiative";
import { currencySchema, moneyInputSchema } from "./firm";
import { calendarDateSchema } from "./dates";

const decimal = z
  .string()
  .trim()
  .regex(/^\d{1,15}([.,]\d{1,3})?$/, "Must be a non-negative amount such as 12.50");

/** The supplier's quote of a joint purchase: "from quantity q, unit price p". */
export const jointBuyInputSchema = z.object({
  inputName: z.string().trim().min(2, "At least 2 characters").max(120),
  specification: z.string().trim().max(2000).default(""),
  unit: z.string().trim().min(1, "Required").max(30),
  supplierName: z.string().trim().min(2, "At least 2 characters").max(120),
  currency: currencySchema,
  minimumQuantity: z.number().int().min(1).max(100_000_000),
  priceBreaks: z
    .array(z.object({ minQuantity: z.number().int().min(1).max(100_000_000), unitPrice: decimal }))
    .min(1, "At least one price")
    .max(20),
});

const fundingSourceInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("percent"), sponsor: z.string().trim().min(2).max(120), percent: z.number().min(0.01).max(100) }),
  z.object({ kind: z.literal("fixed"), sponsor: z.string().trim().min(2).max(120), amount: decimal }),
]);

/** The generic tool: a budget, funding sources and a split rule. */
export const budgetInputSchema = z.object({
  budget: moneyInputSchema,
  splitRule: z.enum(SPLIT_RULES),
  fundingSources: z.array(fundingSourceInputSchema).max(10).default([]),
  /** firmId -> weight, for the custom rule. */
  customWeights: z.record(z.uuid(), z.number().int().min(0).max(1_000_000)).default({}),
});

const deadlineSchema = calendarDateSchema;

export const initiativeFieldsSchema = z.object({
  title: z.string().trim().min(3, "At least 3 characters").max(160),
  description: z.string().trim().max(4000).default(""),
  deadline: deadlineSchema,
  shareQuantities: z.boolean().default(false),
});

export const createInitiativeSchema = initiativeFieldsSchema.extend({
  networkId: z.uuid("Not a network id"),
  objective: z.enum(OBJECTIVES),
  jointBuy: jointBuyInputSchema.optional(),
  budget: budgetInputSchema.optional(),
});

export const updateInitiativeSchema = initiativeFieldsSchema.extend({
  initiativeId: z.uuid("Not an initiative id"),
  jointBuy: jointBuyInputSchema.optional(),
});

export const initiativeIdSchema = z.object({ initiativeId: z.uuid("Not an initiative id") });

export const transitionSchema = z.object({
  initiativeId: z.uuid(),
  to: z.enum(INITIATIVE_STATUSES),
});

export const commitmentSchema = z.object({
  initiativeId: z.uuid(),
  /** 0 withdraws the commitment. */
  quantity: z.number().int().min(0, "Must be 0 or more").max(100_000_000),
});

export const messageSchema = z.object({
  initiativeId: z.uuid(),
  body: z.string().trim().min(1, "Required").max(4000),
});

export const setBudgetSchema = budgetInputSchema.extend({ initiativeId: z.uuid() });
