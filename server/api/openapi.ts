import { z } from "zod";
import { errorResponse } from "./responses-common";
import type { Operation } from "./operation";

const jsonSchema = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });

const errorContent = { "application/json": { schema: jsonSchema(errorResponse, "output") } };

/** Load shedding (server/http/load-shedding.ts) may answer any call so when the server is saturated. */
const busy = {
  description: "The server is busy (code `overloaded`): try again after the seconds in Retry-After",
  headers: { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" } } },
  content: errorContent,
};

/** The OpenAPI 3.1 document of /api/v1, generated from the operations' zod schemas. */
export function buildOpenApi(operations: readonly Operation[], serverUrl = "/api/v1") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters: unknown[] = [];
    for (const [location, schema] of [
      ["path", op.params],
      ["query", op.query],
    ] as const) {
      if (!schema) continue;
      const shape = jsonSchema(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(shape.properties ?? {})) {
        parameters.push({
          name,
          in: location,
          required: location === "path" || (shape.required ?? []).includes(name),
          schema: property,
        });
      }
    }
    const responses: Record<string, unknown> = {
      [String(op.status ?? 200)]: {
        description: "Success",
        ...(op.responseHeaders
          ? {
              headers: Object.fromEntries(
                Object.entries(op.responseHeaders).map(([name, description]) => [name, { description, schema: { type: "string" } }]),
              ),
            }
          : {}),
        content: { [op.mediaType ?? "application/json"]: { schema: jsonSchema(op.response, "output") } },
      },
      "401": { description: "Not signed in", content: errorContent },
      "403": { description: "Not allowed", content: errorContent },
      "404": { description: "Not found, or not yours to see", content: errorContent },
      "503": busy,
    };
    if (op.conflict) responses["409"] = { description: op.conflict, content: errorContent };
    if (op.body || op.query || op.params) responses["400"] = { description: "Invalid input, with field messages", content: errorContent };
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      tags: [op.tag],
      security: [{ sessionCookie: [] }],
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Jointly API",
      version: "1.0.0",
      description:
        "Everything the Jointly interface offers, as JSON. Sign in with POST /api/auth/sign-in/email; the session cookie authenticates every call. Errors are { error: { code, message, fields? } }.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        sessionCookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
    },
    paths,
  };
}
