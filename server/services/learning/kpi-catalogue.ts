import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { kpiDefinition } from "../../../db/schema/learning";
import enKpis from "../../../i18n/locales/en.kpis.json";
import { KPI_CATALOGUE } from "../../domain/benchmark";

/**
 * The English texts stored with the shipped KPIs, for API clients and CSV exports: the same
 * English the pages show (i18n/locales/en.kpis.json, translated there into every language),
 * so there is one source for them. Ranges, units and directions come from the catalogue of
 * server/domain/benchmark.ts.
 */
const SHIPPED_KPI_TEXTS: Readonly<Record<string, { name: string; description: string; computation: string }>> = enKpis.kpi;

/**
 * Makes every KPI of the shipped catalogue exist as a definition (network null, key set),
 * updating the stored texts and ranges when the catalogue changed. Idempotent; runs at boot
 * and when a test database is created (the schema ships no data).
 */
export async function ensureShippedKpis(db: Db | Tx): Promise<number> {
  const rows = KPI_CATALOGUE.map((kpi) => {
    const texts = SHIPPED_KPI_TEXTS[kpi.key];
    if (!texts) throw new Error(`No English texts for the shipped KPI ${kpi.key}`);
    const { name, description, computation } = texts;
    return {
      networkId: null,
      key: kpi.key,
      unit: kpi.unit,
      direction: kpi.direction,
      minValue: kpi.minValue,
      maxValue: kpi.maxValue,
      name,
      description,
      computation,
    };
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
