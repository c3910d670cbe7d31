import type { Actor } from "../authz/actor";
import { can } from "../authz/permissions";
import type { Db } from "../../db/client";
import { firmFacts } from "../services/firms/firm-facts";
import { initiativeFacts, mayReadInitiative } from "../services/initiatives/initiative-facts";
import { networkFacts } from "../services/networks/network-facts";
import { findVisibleNeed } from "../services/sourcing/need-access";

/**
 * Whether an actor may join a room. Each room kind maps to a permission of
 * server/authz/permissions.ts, so sockets obey the same rules as pages and the API.
 */
export async function mayJoinRoom(db: Db, actor: Actor, room: string): Promise<boolean> {
  const [kind, id] = room.split(":", 2);
  switch (kind) {
    case "user":
      return id === actor.userId;
    case "firm":
      return can(actor, "firm", "readPrivate", await firmFacts(db, id));
    case "network": {
      const facts = await networkFacts(db, id);
      return facts !== null && can(actor, "network", "read", facts);
    }
    case "initiative": {
      const facts = await initiativeFacts(db, id);
      return facts !== null && mayReadInitiative(actor, facts);
    }
    // A hidden or missing need is a refusal; any other failure (the database) reaches the
    // caller, which logs it and answers the socket with an error rather than a silent "no".
    case "need":
      return (await findVisibleNeed(db, actor, id)) !== null;
    case "needs":
      return id === "all";
    default:
      return false;
  }
}
