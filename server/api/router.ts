import { fromNodeHeaders } from "better-auth/node";
import express, { type NextFunction, type Request, type Response } from "express";
import type { Logger } from "pino";
import type { Auth } from "../auth";
import { AppError } from "../errors";
import type { Services } from "../services";
import { buildOpenApi } from "./openapi";
import { allOperations as operations } from "./all-operations";

function sendError(res: Response, error: AppError) {
  res.status(error.status).json({ error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } });
}

/** /api/v1: JSON over the same services as the pages, authenticated by the session cookie. */
export function createApiRouter(options: { services: Services; auth: Auth; logger: Logger }) {
  const { services, auth, logger } = options;
  const router = express.Router();
  const document = buildOpenApi(operations);

  router.use(express.json({ limit: "1mb" }));
  router.get("/openapi.json", (_req, res) => {
    res.json(document);
  });

  for (const op of operations) {
    const expressPath = op.path.replace(/\{(\w+)\}/g, ":$1");
    router[op.method](expressPath, async (req: Request, res: Response) => {
      try {
        const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
        const actor = session ? await services.accounts.loadActor(session.user.id) : null;
        if (!actor) throw new AppError("unauthenticated", "Sign in first");
        const result = await op.run({
          services,
          actor,
          params: req.params as Record<string, string>,
          query: req.query as Record<string, unknown>,
          body: req.body ?? {},
        });
        res.status(op.status ?? 200);
        if (op.respond) op.respond(res, result);
        else res.json(result);
      } catch (error) {
        if (error instanceof AppError) return sendError(res, error);
        logger.error({ err: error, operationId: op.operationId }, "api operation failed");
        res.status(500).json({ error: { code: "internal", message: "Something went wrong" } });
      }
    });
  }

  router.use((_req, res) => sendError(res, new AppError("not_found", "No such endpoint")));
  // Malformed JSON bodies are the client's error, not ours.
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof SyntaxError || (error as { type?: string })?.type === "entity.parse.failed") {
      return sendError(res, new AppError("invalid_input", "Body is not valid JSON", { _: ["Body is not valid JSON"] }));
    }
    if ((error as { type?: string })?.type === "entity.too.large") {
      return sendError(res, new AppError("invalid_input", "Body too large", { _: ["Body too large"] }));
    }
    // A path parameter that is not percent-encoded UTF-8: Express cannot decode it.
    if (error instanceof URIError) {
      return sendError(res, new AppError("invalid_input", "Malformed URL", { _: ["The address is not valid percent-encoded UTF-8"] }));
    }
    logger.error({ err: error }, "api error");
    res.status(500).json({ error: { code: "internal", message: "Something went wrong" } });
  });
  return router;
}
