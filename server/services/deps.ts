import type { Db, Tx } from "../../db/client";
import type { EventName, EventPayload } from "../realtime/events";
import type { Publisher } from "../realtime/publisher";

/** What every use case receives: the database, the realtime publisher and a clock. */
export interface Deps {
  db: Db;
  publisher: Publisher;
  now: () => Date;
}

/** Pushes queued during a transaction, sent only once it has committed. */
export class AfterCommit {
  private readonly pushes: Array<() => void> = [];
  publish<E extends EventName>(room: string, event: E, payload: EventPayload<E>): void {
    this.pushes.push(() => this.publisher.toRoom(room, event, payload));
  }
  /** After commit, the users' live sockets leave the rooms they may no longer watch. */
  rescope(userIds: readonly string[]): void {
    if (userIds.length > 0) this.pushes.push(() => this.publisher.rescopeUsers(userIds));
  }
  constructor(private readonly publisher: Publisher) {}
  flush(): void {
    for (const push of this.pushes.splice(0)) push();
  }
}

/**
 * Runs a use case in one transaction; its pushes go out after commit, so a client that
 * revalidates on a push always finds the new data, and a rolled-back change pushes nothing.
 */
export async function inTransaction<T>(deps: Deps, work: (tx: Tx, after: AfterCommit) => Promise<T>): Promise<T> {
  const after = new AfterCommit(deps.publisher);
  const result = await deps.db.transaction((tx) => work(tx, after));
  after.flush();
  return result;
}
