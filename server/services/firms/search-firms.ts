import { and, asc, count, eq, exists, gte, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { firm, firmCertification } from "../../../db/schema/firms";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { firmSearchSchema } from "../../schemas/firm";
import type { Deps } from "../deps";
import { certificationsByFirm, isoToday, publicFirm } from "./firm-views";

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The firm directory: public fields only, filtered and paginated. The certification filter
 * counts only certifications that have not expired.
 */
export async function searchFirms(deps: Deps, actor: Actor, rawInput: unknown) {
  if (!can(actor, "directory", "search")) throw new AppError("forbidden", "Not allowed");
  const input = parseInput(firmSearchSchema, rawInput);
  const today = isoToday(deps.now());
  const conditions: SQL[] = [];
  if (input.q) {
    const pattern = `%${likeEscape(input.q)}%`;
    conditions.push(or(ilike(firm.name, pattern), ilike(firm.region, pattern), ilike(firm.description, pattern))!);
  }
  if (input.kind) conditions.push(eq(firm.kind, input.kind));
  if (input.sector) conditions.push(eq(firm.sector, input.sector));
  if (input.link) conditions.push(eq(firm.link, input.link));
  if (input.tier) conditions.push(eq(firm.tier, input.tier));
  if (input.country) conditions.push(eq(firm.country, input.country));
  if (input.certification) {
    conditions.push(
      exists(
        deps.db
          .select({ one: sql`1` })
          .from(firmCertification)
          .where(
            and(
              eq(firmCertification.firmId, firm.id),
              eq(firmCertification.code, input.certification),
              or(isNull(firmCertification.expiresOn), gte(firmCertification.expiresOn, today)),
            ),
          ),
      ),
    );
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [{ total }] = await deps.db.select({ total: count() }).from(firm).where(where);
  const rows = await deps.db
    .select()
    .from(firm)
    .where(where)
    .orderBy(asc(firm.name), asc(firm.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const certs = await certificationsByFirm(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => publicFirm(r, certs.get(r.id) ?? [], today)),
    page: input.page,
    pageSize: input.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}
