import type { EventName, EventPayload } from "./events";

/**
 * What the services need of the realtime layer: publish after commit, and bring live sockets in
 * line when who may see what changes. Kept as an interface so use cases can be tested with a
 * recording publisher and no socket server. Every method reaches the sockets of every process
 * (through the Redis adapter when there are several).
 */
export interface Publisher {
  toRoom<E extends EventName>(room: string, event: E, payload: EventPayload<E>): void;
  /** Disconnects every socket opened with this session (sign-out, revocation, expiry). */
  disconnectSession(sessionId: string): void;
  /**
   * Re-checks every room the users' sockets are in against the rules as they are now, and takes
   * the sockets out of those they may no longer watch (left a network, lost a firm, …).
   */
  rescopeUsers(userIds: readonly string[]): void;
}
