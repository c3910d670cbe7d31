import { z } from "zod";

/**
 * The typed socket.io contract. A push only says "this changed" (STYLE habit 10): the page
 * revalidates its loader, so loaders stay the single source of truth.
 */
export interface ServerToClientEvents {
  "notification:created": (payload: { id: string }) => void;
  "notification:read": (payload: { ids: string[] }) => void;
  "firm:updated": (payload: { firmId: string }) => void;
  "membership:changed": (payload: { firmId: string }) => void;
  "network:updated": (payload: { networkId: string }) => void;
  "initiative:updated": (payload: { initiativeId: string }) => void;
  "initiative:message": (payload: { initiativeId: string; messageId: string }) => void;
  "jointbuy:updated": (payload: { initiativeId: string; total: number }) => void;
  /** A trade-fair stand changed (space, plan, costs, tasks or leads): its page revalidates. */
  "stand:updated": (payload: { initiativeId: string }) => void;
  "need:updated": (payload: { needId: string }) => void;
  "needs:changed": (payload: { needId: string }) => void;
  /** An SME's profile or ledger changed: rankings and projections may move. */
  "matches:changed": (payload: Record<string, never>) => void;
  /**
   * A club's benchmark changed: a submission (the live count moved) or a publication (new frozen
   * statistics). Ids and the reason only, never a figure (ADR 013).
   */
  "benchmark:updated": (payload: { initiativeId: string; periodId: string; reason: "submitted" | "published" }) => void;
  /** A club's periods, meetings, attendance or actions changed. */
  "club:updated": (payload: { initiativeId: string }) => void;
}

export type RoomAck = { data: { room: string } } | { error: { code: string; message: string } };

export interface ClientToServerEvents {
  "room:join": (payload: unknown, ack: (result: RoomAck) => void) => void;
  "room:leave": (payload: unknown, ack: (result: RoomAck) => void) => void;
}

export type EventName = keyof ServerToClientEvents;
export type EventPayload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/** Rooms are `kind:id`; each kind has its own authorisation check in rooms.ts. */
export const roomPayloadSchema = z.object({
  room: z.string().regex(/^[a-z_]+:[A-Za-z0-9-]{1,64}$/, "must look like kind:id"),
});

export const userRoom = (userId: string) => `user:${userId}`;
export const firmRoom = (firmId: string) => `firm:${firmId}`;
export const networkRoom = (networkId: string) => `network:${networkId}`;
export const initiativeRoom = (initiativeId: string) => `initiative:${initiativeId}`;
export const needRoom = (needId: string) => `need:${needId}`;
/** Signed-in users hear that open needs or rankings changed; lists and need pages revalidate. */
export const needsRoom = () => "needs:all";
