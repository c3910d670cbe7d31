import { fromNodeHeaders } from "better-auth/node";
import express, { type NextFunction, type Request, type Response } from "express";
import type { Logger } from "pino";
import type { Auth } from "../auth";
import { AppError } from "../errors";
import type { Services } from "../services";
import { buildOpenApi } from "./openapi";
import { allOperations as operations } from "./all-operations";
import { handleAsync } from "../http/async-handler";
import { requestIdOf } from "../http/request-log";
import { nameRoute } from "../http/route-name";

function sendError(res: Response, error: AppError) {
  res.status(error.status).json({ error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } });
}

const BODY_LIMIT = "1mb";

/**
 * An unexpected failure: its cause goes to the log line of the request (pino-http logs it with
 * the request id), the client gets the id to quote and nothing else.
 */
function sendInternal(req: Request, res: Response, error: unknown, context: Record<string, unknown>) {
  const err = error instanceof Error ? error : new Error(String(error));
  res.err = err;
  req.log.error({ err, ...context }, "api operation failed");
  res.status(500).json({ error: { code: "internal", message: "Something went wrong", requestId: requestIdOf(req) } });
}

/** /api/v1: JSON over the same services as the pages, authenticated by the session cookie. */
export function createApiRouter(options: { services: Services; auth: Auth; logger: Logger }) {
  const { services, auth } = options;
  const router = express.Router();
  // Built on first request: converting every schema takes a tenth of the cold start.
  let document: ReturnType<typeof buildOpenApi> | undefined;

  router.use(express.json({ limit: BODY_LIMIT }));
  router.get("/openapi.json", (_req, res) => {
    document ??= buildOpenApi(operations);
    res.json(document);
  });

  for (const op of operations) {
    const expressPath = op.path.replace(/\{(\w+)\}/g, ":$1");
    router[op.method](
      expressPath,
      handleAsync(async (req: Request, res: Response) => {
        nameRoute(res, `${req.baseUrl}${expressPath}`);
        try {
          const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
          const actor = session ? await services.accounts.loadActor(session.user.id) : null;
          if (!actor) throw new AppError("unauthenticated", "Sign in first");
          res.locals.userId = actor.userId;
          const result = await op.run({
            services,
            actor,
            params: req.params,
            query: req.query,
            body: req.body ?? {},
          });
          res.status(op.status ?? 200);
          if (op.respond) op.respond(res, result);
          else res.json(result);
        } catch (error) {
          if (error instanceof AppError) return sendError(res, error);
          sendInternal(req, res, error, { operationId: op.operationId });
        }
      }),
    );
  }

  router.use((_req, res) => sendError(res, new AppError("not_found", "No such endpoint")));
  // Malformed JSON bodies are the client's error, not ours.
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof SyntaxError || (error as { type?: string })?.type === "entity.parse.failed") {
      return sendError(res, new AppError("invalid_input", "Body is not valid JSON", { _: ["Body is not valid JSON"] }));
    }
    if ((error as { type?: string })?.type === "entity.too.large") {
      return res.status(413).json({ error: { code: "payload_too_large", message: `Body too large: at most ${BODY_LIMIT}` } });
    }
    // A path parameter that is not percent-encoded UTF-8: Express cannot decode it.
    if (error instanceof URIError) {
      return sendError(res, new AppError("invalid_input", "Malformed URL", { _: ["The address is not valid percent-encoded UTF-8"] }));
    }
    sendInternal(req, res, error, {});
  });
  return router;
}
