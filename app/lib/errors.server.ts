import { AppError } from "../../server/errors";

/** Turns a use case's expected failure into the HTTP response a page shows. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError || (error instanceof Error && error.name === "AppError");
}

export function throwAsResponse(error: unknown): never {
  // Invalid input a page did not turn into field messages is still the client's error, not a 500.
  if (isAppError(error)) throw new Response(error.message, { status: error.status });
  throw error;
}
