import type { Logger } from "pino";
import type { Actor } from "./authz/actor";
import type { Auth } from "./auth";
import type { Env } from "./env";
import type { Services } from "./services";

/** What every Remix loader and action receives (STYLE habit 2). */
export interface JointlyLoadContext {
  [key: string]: unknown;
  services: Services;
  auth: Auth;
  env: Env;
  /** Bound to the request: its lines carry the request id. */
  logger: Logger;
  /** Sent back as X-Request-Id and shown on error pages, so a user can quote it. */
  requestId: string;
  cspNonce: string;
  clientIp: string;
  /** The services' clock: pages that show "now" or "today" read it here, never `new Date()`. */
  now: () => Date;
  /**
   * The signed-in actor, or null. A page's loaders (the root's and the route's) share one lookup
   * per GET; an action looks again each time, as it may change the session or the user.
   */
  currentActor: () => Promise<Actor | null>;
  /** Called by each loader and action as it runs: the deepest names the request in its log line and metrics. */
  noteRoute: (routeId: string) => void;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends JointlyLoadContext {}
  interface Future {
    v3_singleFetch: true;
  }
}
