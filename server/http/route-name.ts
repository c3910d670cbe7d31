import type { ServerBuild } from "@remix-run/node";

/**
 * The matched route of a request, for its log line and the metrics' `route` label: an API
 * operation's pattern (`/api/v1/networks/:networkId`) or the Remix route id of a page's deepest
 * route that ran a loader or an action (`routes/networks.$networkId`). Never the raw URL, whose
 * ids would make every request its own series.
 */
interface Named {
  locals: Record<string, unknown>;
}

export function nameRoute(res: Named, route: string): void {
  res.locals.route = route;
}

export function routeOf(res: { locals?: Record<string, unknown> }): string | undefined {
  const route = res.locals?.route;
  return typeof route === "string" ? route : undefined;
}

/** How deep each page route sits (root 0), from the build's parent links; computed once. */
function depths(build: ServerBuild): Map<string, number> {
  const depth = new Map<string, number>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const parentId = build.routes[id]?.parentId;
    const own = parentId ? depthOf(parentId) + 1 : 0;
    depth.set(id, own);
    return own;
  };
  for (const id of Object.keys(build.routes)) depthOf(id);
  return depth;
}

/**
 * The page's own route notes itself as its loaders and actions run: a request's loaders run for
 * every matched route (root, layouts, the page), so the deepest one names it.
 */
export function pageRouteNamer(build: ServerBuild): (res: Named) => (routeId: string) => void {
  const depth = depths(build);
  return (res) => (routeId) => {
    const current = routeOf(res);
    if (current === undefined || (depth.get(routeId) ?? 0) >= (depth.get(current) ?? 0)) nameRoute(res, routeId);
  };
}

function noting<Args extends { context: { noteRoute(routeId: string): void } }, Result>(
  routeId: string,
  handler: ((args: Args) => Result) | undefined,
): ((args: Args) => Result) | undefined {
  if (!handler) return undefined;
  return (args) => {
    args.context.noteRoute(routeId);
    return handler(args);
  };
}

/** The build with every loader and action telling the load context which route it belongs to. */
export function withRouteNotes(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module;
    routes[id] = { ...route, module: { ...route.module, loader: noting(id, loader), action: noting(id, action) } };
  }
  return { ...build, routes };
}
