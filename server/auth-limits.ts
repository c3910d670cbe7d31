/** Password limits, shared by better-auth's config and the forms' zod schemas. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
