import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * Express 4 ignores the promise an async handler returns: a rejection would go unhandled and end
 * the process. This passes it to `next(error)`, so Express's error handling answers instead.
 */
export function handleAsync(handler: (req: Request, res: Response, next: NextFunction) => Promise<unknown>): RequestHandler {
  return (req, res, next) => {
    handler(req, res, next).catch(next);
  };
}
