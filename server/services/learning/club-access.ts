import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { firm } from "../../../db/schema/firms";
import { benchmarkClub, benchmarkClubKpi, benchmarkPeriod, clubMeeting, kpiDefinition } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import type { InitiativeStatus } from "../../domain/initiative";
import { AppError } from "../../errors";
import { visibleInitiative, type InitiativeFacts } from "../initiatives/initiative-facts";
import { TOOL_OF } from "../initiatives/tools/index";

export interface ClubFacts extends InitiativeFacts {
  club: typeof benchmarkClub.$inferSelect;
}

/**
 * A benchmarking club as the actor may see its initiative, or a 404 (outsiders, drafts of other
 * networks, initiatives of another tool). With `lock`, the initiative row is locked, so the
 * club's writes (periods, submissions, meetings) run one after another.
 */
export async function visibleClub(db: Db | Tx, actor: Actor, initiativeId: string, options: { lock?: boolean } = {}): Promise<ClubFacts> {
  const facts = await visibleInitiative(db, actor, initiativeId, options);
  if (TOOL_OF[facts.row.objective] !== "benchmark_club") throw new AppError("not_found", "Not a benchmarking club");
  const [club] = await db.select().from(benchmarkClub).where(eq(benchmarkClub.initiativeId, initiativeId));
  if (!club) throw new AppError("not_found", "Not a benchmarking club");
  return { ...facts, club };
}

/** The club runs (periods, submissions, meetings) once opened and until it is completed or cancelled. */
export function clubIsRunning(status: InitiativeStatus): boolean {
  return status === "open" || status === "locked";
}

export function assertRunning(facts: ClubFacts): void {
  if (!clubIsRunning(facts.row.status)) throw new AppError("conflict", `A ${facts.row.status} club takes no periods, values or meetings`);
}

/** Brokers of the club's network manage it; others get 403 (they may see the club). */
export function assertManager(actor: Actor, facts: ClubFacts): void {
  if (!can(actor, "club", "manage", facts)) throw new AppError("forbidden", "Only the network's brokers manage the club");
}

/** The viewer's firm when it is a member (participant) of the club. */
export function memberFirmOf(actor: Actor, facts: ClubFacts): string | null {
  return can(actor, "club", "submit", facts) ? actor.firm!.id : null;
}

export type ClubKpi = Awaited<ReturnType<typeof clubKpis>>[number];

/** The club's KPIs in the order the broker chose. */
export async function clubKpis(db: Db | Tx, initiativeId: string) {
  return db
    .select({
      id: kpiDefinition.id,
      key: kpiDefinition.key,
      networkId: kpiDefinition.networkId,
      name: kpiDefinition.name,
      description: kpiDefinition.description,
      unit: kpiDefinition.unit,
      direction: kpiDefinition.direction,
      minValue: kpiDefinition.minValue,
      maxValue: kpiDefinition.maxValue,
      computation: kpiDefinition.computation,
    })
    .from(benchmarkClubKpi)
    .innerJoin(kpiDefinition, eq(kpiDefinition.id, benchmarkClubKpi.kpiId))
    .where(eq(benchmarkClubKpi.initiativeId, initiativeId))
    .orderBy(asc(benchmarkClubKpi.position));
}

/** A period of this club, or a 404 (also for another club's period). */
export async function clubPeriod(db: Db | Tx, initiativeId: string, periodId: string, options: { lock?: boolean } = {}) {
  const query = db
    .select()
    .from(benchmarkPeriod)
    .where(and(eq(benchmarkPeriod.id, periodId), eq(benchmarkPeriod.initiativeId, initiativeId)));
  const [period] = options.lock ? await query.for("update") : await query;
  if (!period) throw new AppError("not_found", "No such period in this club");
  return period;
}

/** The club's periods, oldest first (labels of one kind sort in time order, and so do start dates). */
export async function clubPeriods(db: Db | Tx, initiativeId: string) {
  return db.select().from(benchmarkPeriod).where(eq(benchmarkPeriod.initiativeId, initiativeId)).orderBy(asc(benchmarkPeriod.startsOn));
}

/** A meeting of this club, or a 404. */
export async function clubMeetingOf(db: Db | Tx, initiativeId: string, meetingId: string) {
  const [meeting] = await db
    .select()
    .from(clubMeeting)
    .where(and(eq(clubMeeting.id, meetingId), eq(clubMeeting.initiativeId, initiativeId)));
  if (!meeting) throw new AppError("not_found", "No such meeting in this club");
  return meeting;
}

/** Names of firms, id -> name. */
export async function firmNames(db: Db | Tx, firmIds: readonly string[]): Promise<Map<string, string>> {
  if (firmIds.length === 0) return new Map();
  const rows = await db
    .select({ id: firm.id, name: firm.name })
    .from(firm)
    .where(inArray(firm.id, [...new Set(firmIds)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
