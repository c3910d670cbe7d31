import type { Response } from "express";
import type { z } from "zod";
import type { Actor } from "../authz/actor";
import type { Services } from "../services";

interface OperationInput {
  services: Services;
  actor: Actor;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * One entry per endpoint of /api/v1: the router serves it and the OpenAPI document describes
 * it from the same zod schemas the forms and services use.
 */
export interface Operation {
  operationId: string;
  method: "get" | "post" | "put" | "delete";
  /** OpenAPI-style path under /api/v1, e.g. /firms/{firmId} */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status?: number;
  /** When the operation answers 409, for the OpenAPI document. */
  conflict?: string;
  /** Media type of the success response when it is not JSON (then `respond` writes it). */
  mediaType?: string;
  /** Response headers worth documenting, name -> description. */
  responseHeaders?: Record<string, string>;
  /** Writes a non-JSON success response (e.g. a CSV download) instead of the router's res.json. */
  respond?: (res: Response, result: unknown) => void;
  run(input: OperationInput): Promise<unknown>;
}

/**
 * The service's input: the JSON body (or query) with the path parameters on top, so a body
 * cannot name another resource than the path. Services parse it with their own schemas.
 */
export function withParams(fields: unknown, params: Record<string, string>): Record<string, unknown> {
  const own = fields !== null && typeof fields === "object" && !Array.isArray(fields) ? fields : {};
  return { ...own, ...params };
}

/** Writes a private download (a CSV file, a calendar): an attachment no shared cache keeps. */
export function download(contentType: string, key: "csv" | "ics") {
  return (res: Response, result: unknown) => {
    const body = result as { filename: string } & Record<"csv" | "ics", string>;
    res.attachment(body.filename);
    res.set("Cache-Control", "private, no-store");
    res.type(contentType).send(body[key]);
  };
}
