import { eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { firm, firmCapacity, firmCertification } from "../../../db/schema/firms";
import { certificationStatus } from "../../domain/chain-position";

type FirmRow = typeof firm.$inferSelect;

/**
 * The two views of a firm. The public one is what every signed-in user may see in the
 * directory; the private one adds what only the firm itself (and later its networks' brokers)
 * may see: turnover, capacities and upgrading goals.
 */
export function publicFirm(row: FirmRow, certifications: Array<{ code: string; expiresOn: string | null }>, today: string) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    website: row.website,
    country: row.country,
    region: row.region,
    sector: row.sector,
    employees: row.employees,
    link: row.link,
    tier: row.tier,
    functions: row.functions,
    roleLadder: row.roleLadder,
    buyerType: row.buyerType,
    usualGovernance: row.usualGovernance,
    certifications: certifications
      .map((c) => ({ code: c.code, expiresOn: c.expiresOn, status: certificationStatus(c.expiresOn, today) }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}
export type PublicFirm = ReturnType<typeof publicFirm>;

export function privateFirm(
  row: FirmRow,
  certifications: Array<{ code: string; expiresOn: string | null }>,
  capacities: Array<{ id: string; product: string; unitsPerMonth: number; unit: string; leadTimeDays: number }>,
  today: string,
) {
  return {
    ...publicFirm(row, certifications, today),
    turnover:
      row.turnoverMinor !== null && row.turnoverCurrency ? { amountMinor: row.turnoverMinor, currency: row.turnoverCurrency } : null,
    upgradingGoals: row.upgradingGoals,
    capacities: capacities.map(({ product, unitsPerMonth, unit, leadTimeDays }) => ({
      product,
      unitsPerMonth,
      unit,
      leadTimeDays,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PrivateFirm = ReturnType<typeof privateFirm>;

export async function loadFirmRows(db: Db | Tx, firmId: string) {
  const [row] = await db.select().from(firm).where(eq(firm.id, firmId));
  if (!row) return null;
  const certifications = await db
    .select({ code: firmCertification.code, expiresOn: firmCertification.expiresOn })
    .from(firmCertification)
    .where(eq(firmCertification.firmId, firmId));
  const capacities = await db.select().from(firmCapacity).where(eq(firmCapacity.firmId, firmId)).orderBy(firmCapacity.product);
  return { row, certifications, capacities };
}

export async function certificationsByFirm(db: Db | Tx, firmIds: string[]) {
  const map = new Map<string, Array<{ code: string; expiresOn: string | null }>>();
  if (firmIds.length === 0) return map;
  const rows = await db
    .select({ firmId: firmCertification.firmId, code: firmCertification.code, expiresOn: firmCertification.expiresOn })
    .from(firmCertification)
    .where(inArray(firmCertification.firmId, firmIds));
  for (const r of rows) {
    const list = map.get(r.firmId) ?? [];
    list.push({ code: r.code, expiresOn: r.expiresOn });
    map.set(r.firmId, list);
  }
  return map;
}

export const isoToday = (now: Date) => now.toISOString().slice(0, 10);
