/** A firm's membership of a network, from invitation or application to leaving. */
export const MEMBERSHIP_STATUSES = ["invited", "applied", "active", "declined", "left"] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** A user's membership of a firm: pending until the firm's members accept it. */
export type FirmMemberStatus = "active" | "pending";
