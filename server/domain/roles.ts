/** The platform role of a user account; authorisation (server/authz) reads it. */
export const ROLES = ["admin", "broker", "sme", "buyer"] as const;
export type Role = (typeof ROLES)[number];
