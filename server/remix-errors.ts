import type { ServerBuild } from "@remix-run/node";
import { ERROR_STATUS, type ErrorCode } from "./errors";

/** The Remix build holds its own copy of AppError, so it is recognised by name and code. */
function appErrorStatus(error: unknown): number | null {
  if (!(error instanceof Error) || error.name !== "AppError") return null;
  const status = ERROR_STATUS[(error as { code?: string }).code as ErrorCode];
  return typeof status === "number" ? status : null;
}

function answering<Args, Result>(handler: ((args: Args) => Result) | undefined): ((args: Args) => Promise<Awaited<Result>>) | undefined {
  if (!handler) return undefined;
  return async (args): Promise<Awaited<Result>> => {
    try {
      return await handler(args);
    } catch (error) {
      const status = appErrorStatus(error);
      if (status !== null) throw new Response((error as Error).message, { status });
      throw error;
    }
  };
}

/**
 * Every page loader and action, so that a use case's expected failure (bad input, forbidden,
 * not found) a route did not catch is answered with its status instead of a 500: no input makes
 * a page fail. Routes still catch the failures they show as form messages.
 */
export function appErrorsAsResponses(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const { loader, action } = route.module;
      return [id, { ...route, module: { ...route.module, loader: answering(loader), action: answering(action) } }];
    }),
  );
  return { ...build, routes };
}
