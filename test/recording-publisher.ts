import type { EventName, EventPayload } from "../server/realtime/events";
import type { Publisher } from "../server/realtime/publisher";

/** A publisher that only remembers what it was asked to do, for use cases tested without sockets. */
export class RecordingPublisher implements Publisher {
  readonly sent: Array<{ room: string; event: EventName; payload: unknown }> = [];
  readonly disconnectedSessions: string[] = [];
  readonly rescoped: string[] = [];
  toRoom<E extends EventName>(room: string, event: E, payload: EventPayload<E>): void {
    this.sent.push({ room, event, payload });
  }
  disconnectSession(sessionId: string): void {
    this.disconnectedSessions.push(sessionId);
  }
  rescopeUsers(userIds: readonly string[]): void {
    this.rescoped.push(...userIds);
  }
}
