import { expect } from "vitest";
import { z } from "zod";
import { allOperations, type OperationId, type ResponseOf } from "../server/api/all-operations";
import { errorResponse } from "../server/api/responses-common";
import { AppError } from "../server/errors";

/**
 * Typed reads of what the code under test answered, so a test states the shape it expects
 * instead of poking at `any`: a use case's refusal, an API answer held against the OpenAPI
 * document, an API error.
 */

/** The operations whose success bodies this test file has held against the document so far. */
export const documentedOperations = new Set<string>();

/** A response body is exactly what the OpenAPI document promises (no missing, no extra field); returned typed. */
export function expectDocumented<Id extends OperationId>(operationId: Id, body: unknown): ResponseOf<Id> {
  const op = allOperations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId}`);
  documentedOperations.add(operationId);
  const parsed = op.response.safeParse(body);
  expect(parsed.error?.issues, operationId).toBeUndefined();
  expect(parsed.data, `${operationId} has undocumented fields`).toEqual(body);
  return parsed.data as ResponseOf<Id>;
}

/** The error an API answer carries (code, message, field messages); fails the test if it is not one. */
export function failure(answer: { body: unknown }): z.infer<typeof errorResponse>["error"] {
  const parsed = errorResponse.safeParse(answer.body);
  expect(parsed.error?.issues, "an error body").toBeUndefined();
  return parsed.data!.error;
}

/** The AppError a use case refused with; fails the test if it succeeded or threw something else. */
export async function refusal(attempt: Promise<unknown>): Promise<AppError> {
  const outcome = await attempt.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof AppError)) throw outcome.error;
  return outcome.error;
}

/** A JSON Schema in the OpenAPI document, as far as tests read it (other keywords are dropped). */
interface DocumentedSchema {
  type?: string | string[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  required?: string[];
  properties?: Record<string, DocumentedSchema>;
  anyOf?: DocumentedSchema[];
  oneOf?: DocumentedSchema[];
  items?: DocumentedSchema;
}
const documentedSchema: z.ZodType<DocumentedSchema> = z.lazy(() =>
  z.object({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    const: z.unknown().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    required: z.array(z.string()).optional(),
    properties: z.record(z.string(), documentedSchema).optional(),
    anyOf: z.array(documentedSchema).optional(),
    oneOf: z.array(documentedSchema).optional(),
    items: documentedSchema.optional(),
  }),
);
const documentedContent = z.record(z.string(), z.object({ schema: documentedSchema }));

/**
 * /api/v1/openapi.json read typed: every path's operations with their parameters, request body and
 * responses. `openApiDocument.parse(json)` fails the test if the document is not of that shape.
 */
export const openApiDocument = z.object({
  openapi: z.string(),
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        operationId: z.string(),
        summary: z.string(),
        parameters: z.array(z.object({ name: z.string(), in: z.enum(["path", "query"]), required: z.boolean() })).optional(),
        requestBody: z.object({ content: documentedContent }).optional(),
        responses: z.record(
          z.string(),
          z.object({
            description: z.string(),
            headers: z.record(z.string(), z.object({ description: z.string() })).optional(),
            content: documentedContent,
          }),
        ),
      }),
    ),
  ),
});

/**
 * A running server's OpenAPI document, read typed, with the lookups the documentation checks
 * share; a lookup of something undocumented fails the test with what was missing.
 */
export async function openApiOf(serverUrl: string) {
  const res = await fetch(`${serverUrl}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  const doc = openApiDocument.parse(await res.json());
  const operation = (path: string, method: string) => {
    const documented = doc.paths[path]?.[method];
    if (!documented) throw new Error(`${method} ${path} is not documented`);
    return documented;
  };
  const bodyOf = (path: string, method: string) => {
    const body = operation(path, method).requestBody?.content["application/json"];
    if (!body) throw new Error(`${method} ${path} documents no JSON body`);
    return body.schema;
  };
  return {
    doc,
    operationIds: Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((m) => m.operationId)),
    operation,
    bodyOf,
    /** The body's property names, in the document's order. */
    bodyFields: (path: string, method: string) => Object.keys(bodyOf(path, method).properties ?? {}),
    /** "path:needId", "query:limit"… */
    paramsOf: (path: string, method: string) => (operation(path, method).parameters ?? []).map((p) => `${p.in}:${p.name}`),
  };
}
