import { z } from "zod";
import { GOVERNANCE } from "../domain/chain-position";
import { currencySchema } from "./firm";
import { calendarDateSchema } from "./dates";

export const periodSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{4}(-Q[1-4])?$/, { message: "A year (2026) or a quarter (2026-Q3)", params: { key: "period_format" } } as never);

/** One line of the sales ledger, as typed in a form, sent to the API or read from a CSV row. */
export const salesEntryInputSchema = z
  .object({
    period: periodSchema,
    customerFirmId: z.uuid("Not a firm id").optional(),
    customerName: z.string().trim().max(160).default(""),
    amount: z
      .string()
      .trim()
      .regex(/^\d{1,15}([.,]\d{1,3})?$/, "Must be a positive amount such as 125000.00"),
    currency: currencySchema,
    market: z.enum(["export", "domestic"]),
    channel: z.enum(["direct", "agent"]).default("direct"),
    agentName: z.string().trim().max(160).optional(),
    governance: z.enum(GOVERNANCE).optional(),
    exclusivity: z.boolean().default(false),
  })
  .superRefine((entry, ctx) => {
    if (!entry.customerFirmId && entry.customerName.length < 2) {
      ctx.addIssue({
        code: "custom",
        path: ["customerName"],
        message: "Name the customer or choose a buyer on Jointly",
        params: { key: "customer_required" },
      });
    }
    if (entry.channel === "agent" && !entry.agentName) {
      ctx.addIssue({
        code: "custom",
        path: ["agentName"],
        message: "Name the agent for sales through an agent",
        params: { key: "agent_required" },
      });
    }
  });
export type SalesEntryInput = z.output<typeof salesEntryInputSchema>;

export const addSalesEntriesSchema = z.object({
  firmId: z.uuid("Not a firm id"),
  entries: z.array(salesEntryInputSchema).min(1, "At least one entry").max(1000, "At most 1,000 entries at once"),
});

export const salesEntryIdSchema = z.object({ firmId: z.uuid(), entryId: z.uuid() });

export const listSalesSchema = z.object({ firmId: z.uuid("Not a firm id"), period: periodSchema.optional() });

export const exchangeRateSchema = z.object({
  currency: currencySchema,
  baseCurrency: currencySchema,
  rate: z
    .string()
    .trim()
    .regex(/^\d{1,14}([.,]\d{1,10})?$/, "A positive rate with at most 10 decimals"),
  validFrom: calendarDateSchema,
});
