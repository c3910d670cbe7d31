import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { kpiDefinition } from "../../../db/schema/learning";
import { KPI_CATALOGUE } from "../../domain/benchmark";

/**
 * The English texts stored with the shipped KPIs, for API clients and CSV exports; pages show
 * the translated `kpi.<key>.*` texts instead. The ranges, units and directions come from the
 * catalogue of server/domain/benchmark.ts.
 */
export const SHIPPED_KPI_TEXTS: Record<string, { name: string; description: string; computation: string }> = {
  inventory_turns: {
    name: "Inventory turns",
    description: "How many times the stock of materials, work in progress and finished goods is turned over in a year.",
    computation: "Cost of goods sold in the period, annualised, divided by the average inventory value over the period.",
  },
  on_time_delivery: {
    name: "On-time delivery",
    description: "Share of order lines delivered complete on or before the date promised to the customer.",
    computation: "Order lines delivered complete and on time in the period, divided by all order lines due in the period, times 100.",
  },
  scrap_rate: {
    name: "Scrap",
    description: "Material scrapped as a share of the material used.",
    computation: "Value of material scrapped in the period, divided by the value of material used in the period, times 100.",
  },
  setup_time: {
    name: "Set-up time",
    description: "Time spent changing over machines and lines, as a share of production time.",
    computation: "Hours of set-up and changeover in the period, divided by the planned production hours of the period, times 100.",
  },
  delivery_lead_time: {
    name: "Delivery lead time",
    description: "Days from a customer's order to its delivery.",
    computation: "Average number of calendar days from order receipt to delivery, over the orders delivered in the period.",
  },
  defects_ppm: {
    name: "Customer defects",
    description: "Defective parts returned or rejected by customers, per million parts delivered.",
    computation: "Parts rejected by customers in the period, divided by parts delivered in the period, times 1,000,000.",
  },
  labour_productivity: {
    name: "Labour productivity",
    description: "Value added per full-time employee, in thousands of the club's reporting currency per year.",
    computation: "Sales minus bought-in materials and services in the period, annualised, divided by the average number of full-time employees, in thousands.",
  },
};

/**
 * Makes every KPI of the shipped catalogue exist as a definition (network null, key set),
 * updating the stored texts and ranges when the catalogue changed. Idempotent; runs at boot
 * and when a test database is created (the schema ships no data).
 */
export async function ensureShippedKpis(db: Db | Tx): Promise<number> {
  const rows = KPI_CATALOGUE.map((kpi) => {
    const texts = SHIPPED_KPI_TEXTS[kpi.key];
    if (!texts) throw new Error(`No English texts for the shipped KPI ${kpi.key}`);
    return { networkId: null, key: kpi.key, unit: kpi.unit, direction: kpi.direction, minValue: kpi.minValue, maxValue: kpi.maxValue, ...texts };
  });
  await db
    .insert(kpiDefinition)
    .values(rows)
    .onConflictDoUpdate({
      target: kpiDefinition.key,
      set: {
        name: sql`excluded.name`,
        description: sql`excluded.description`,
        unit: sql`excluded.unit`,
        direction: sql`excluded.direction`,
        minValue: sql`excluded.min_value`,
        maxValue: sql`excluded.max_value`,
        computation: sql`excluded.computation`,
      },
    });
  return rows.length;
}
