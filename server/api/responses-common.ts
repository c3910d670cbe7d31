import { z } from "zod";

/** Shapes several endpoints share, for the OpenAPI document (inputs reuse the form schemas). */

export const idResponse = z.object({ id: z.string() });

/** An activity entry's before or after snapshot. */
export const logEntry = z.record(z.string(), z.unknown()).nullable();

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
