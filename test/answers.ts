import { expect } from "vitest";
import type { z } from "zod";
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
