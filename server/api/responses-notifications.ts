import { z } from "zod";

/** Shapes of what the notification endpoints return, for the OpenAPI document. */
export const notificationListResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      href: z.string().nullable(),
      readAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  unread: z.number().int(),
});

export const idsResponse = z.object({ ids: z.array(z.string()) });
