import { z } from "zod";

/** Shapes of what the account endpoints return, for the OpenAPI document. */
export const userResponse = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() });
export const userListResponse = z.array(userResponse.extend({ createdAt: z.string() }));
