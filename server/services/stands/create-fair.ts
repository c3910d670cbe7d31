import { and, asc, gte } from "drizzle-orm";
import { fair } from "../../../db/schema/stands";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, invalidField, parseInput } from "../../errors";
import { fairInputSchema, listFairsSchema } from "../../schemas/stands";
import { inTransaction, type Deps } from "../deps";
import { todayOf } from "./stand-access";

/** A broker records a trade fair; the stands of any network may then point at it. */
export async function createFair(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(fairInputSchema, rawInput);
  if (!can(actor, "stand", "createFair")) throw new AppError("forbidden", "Only brokers record fairs");
  if (input.endsOn < input.startsOn) throw invalidField("endsOn", "ends_before_start", "The fair cannot end before it starts");
  return inTransaction(deps, async (tx) => {
    const [created] = await tx
      .insert(fair)
      .values({ ...input, website: input.website ?? null, createdBy: actor.userId, createdAt: deps.now(), updatedAt: deps.now() })
      .returning();
    return fairView(created);
  });
}

/** Fairs for the stand form and the fairs page: upcoming (not yet ended) ones, soonest first. */
export async function listFairs(deps: Deps, actor: Actor, rawInput: unknown = {}) {
  const input = parseInput(listFairsSchema, rawInput ?? {});
  if (!can(actor, "stand", "listFairs")) throw new AppError("forbidden", "Not allowed to list fairs");
  const rows = await deps.db
    .select()
    .from(fair)
    .where(input.includePast ? undefined : and(gte(fair.endsOn, todayOf(deps.now()))))
    .orderBy(asc(fair.startsOn), asc(fair.name))
    .limit(500);
  return { items: rows.map(fairView) };
}

export function fairView(row: typeof fair.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    venue: row.venue,
    city: row.city,
    country: row.country,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    organiser: row.organiser,
    website: row.website,
  };
}

/** A fair as the pages and the API show it. */
export type FairView = ReturnType<typeof fairView>;
