import type { EventName, EventPayload } from "./events";

/**
 * What the services need of the realtime layer: publish after commit. Kept as an interface so
 * use cases can be tested with a recording publisher and no socket server.
 */
export interface Publisher {
  toRoom<E extends EventName>(room: string, event: E, payload: EventPayload<E>): void;
}

export class RecordingPublisher implements Publisher {
  readonly sent: Array<{ room: string; event: EventName; payload: unknown }> = [];
  toRoom<E extends EventName>(room: string, event: E, payload: EventPayload<E>): void {
    this.sent.push({ room, event, payload });
  }
}
