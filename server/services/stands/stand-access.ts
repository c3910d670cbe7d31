import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { firm } from "../../../db/schema/firms";
import { stand, standSpace } from "../../../db/schema/stands";
import type { SpaceStatus } from "../../domain/stand-space";
import type { Actor } from "../../authz/actor";
import { AppError } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import type { AfterCommit } from "../deps";
import { visibleInitiative, type InitiativeFacts } from "../initiatives/initiative-facts";

/** Space that holds part of the stand's area. */
export const HOLDING: SpaceStatus[] = ["requested", "confirmed"];
/** Space that is still live: holding, or waiting for area. */
const ACTIVE: SpaceStatus[] = ["requested", "confirmed", "waiting"];

export type StandRow = typeof stand.$inferSelect;
export type SpaceRow = typeof standSpace.$inferSelect;

export interface StandFacts extends InitiativeFacts {
  stand: StandRow;
}

/**
 * A stand as the actor may see it: the initiative's visibility rules (outsiders and buyers get
 * 404, drafts are the brokers' own), then the stand itself (404 for a joint_selling initiative
 * without one, such as a consortium). With `lock`, the initiative row is locked first: every
 * change to a stand's space runs one after another, so free area is read and taken exactly.
 */
export async function visibleStand(db: Db | Tx, actor: Actor, initiativeId: string, options: { lock?: boolean } = {}): Promise<StandFacts> {
  const facts = await visibleInitiative(db, actor, initiativeId, options);
  const row = await loadStand(db, initiativeId);
  if (!row) throw new AppError("not_found", "This initiative has no trade-fair stand");
  return { ...facts, stand: row };
}

export async function loadStand(db: Db | Tx, initiativeId: string): Promise<StandRow | null> {
  const [row] = await db.select().from(stand).where(eq(stand.initiativeId, initiativeId));
  return row ?? null;
}

/** The firm's live space on the stand (holding or waiting), if any. */
export async function activeSpaceOf(db: Db | Tx, initiativeId: string, firmId: string): Promise<SpaceRow | null> {
  const [row] = await db
    .select()
    .from(standSpace)
    .where(and(eq(standSpace.initiativeId, initiativeId), eq(standSpace.firmId, firmId), inArray(standSpace.status, ACTIVE)));
  return row ?? null;
}

/** Requested and confirmed space with the exhibitor's name and headcount (for the plan and the costs). */
export async function holdingSpaces(db: Db | Tx, initiativeId: string) {
  return db
    .select({
      spaceId: standSpace.id,
      firmId: standSpace.firmId,
      firmName: firm.name,
      employees: firm.employees,
      status: standSpace.status,
      requestedDm2: standSpace.requestedDm2,
      grantedDm2: standSpace.grantedDm2,
      queuedAt: standSpace.queuedAt,
    })
    .from(standSpace)
    .innerJoin(firm, eq(firm.id, standSpace.firmId))
    .where(and(eq(standSpace.initiativeId, initiativeId), inArray(standSpace.status, HOLDING)))
    .orderBy(asc(standSpace.queuedAt), asc(standSpace.id));
}

/** The waiting list in the order it is served: first queued first (ids break exact ties). */
export async function waitingQueue(db: Db | Tx, initiativeId: string) {
  return db
    .select({
      spaceId: standSpace.id,
      firmId: standSpace.firmId,
      firmName: firm.name,
      requestedDm2: standSpace.requestedDm2,
      queuedAt: standSpace.queuedAt,
    })
    .from(standSpace)
    .innerJoin(firm, eq(firm.id, standSpace.firmId))
    .where(and(eq(standSpace.initiativeId, initiativeId), eq(standSpace.status, "waiting")))
    .orderBy(asc(standSpace.queuedAt), asc(standSpace.id));
}

/** Firms holding space (requested or confirmed): the stand's exhibitors. */
export async function exhibitorFirmIds(db: Db | Tx, initiativeId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ firmId: standSpace.firmId })
    .from(standSpace)
    .where(and(eq(standSpace.initiativeId, initiativeId), inArray(standSpace.status, HOLDING)));
  return rows.map((r) => r.firmId);
}

/** Every change to a stand is live for its page (and the initiative page, which shows a summary). */
export function publishStand(after: AfterCommit, initiativeId: string, options: { initiative?: boolean } = {}) {
  after.publish(initiativeRoom(initiativeId), "stand:updated", { initiativeId });
  if (options.initiative) after.publish(initiativeRoom(initiativeId), "initiative:updated", { initiativeId });
}

/** The calendar day of `now` in UTC (fair dates and due dates are plain dates). */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** `days` after the calendar day `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether members may still book or release space: open, and the booking deadline not passed. */
export function bookingOpen(facts: InitiativeFacts, now: Date): boolean {
  return facts.row.status === "open" && now.getTime() <= facts.row.deadline.getTime();
}

/** "12.5" style m² for English messages and notification parameters. */
export function m2(dm2: number): number {
  return dm2 / 100;
}
