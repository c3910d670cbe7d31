/**
 * Password limits, shared by better-auth's config, the forms' zod schemas and ADMIN_PASSWORD:
 * at least 10 characters (NIST SP 800-63B asks for 8 at least; 10 keeps guessing slow without
 * composition rules), at most 128.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
