import { AppError } from "../../server/errors";

/** Turns a use case's expected failure into the HTTP response a page shows. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError || (error instanceof Error && error.name === "AppError");
}

export function throwAsResponse(error: unknown): never {
  if (isAppError(error) && error.code !== "invalid_input") {
    throw new Response(error.message, { status: error.status });
  }
  throw error;
}
