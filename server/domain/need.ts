/** The vocabulary of a buyer's sourcing need and the SMEs' responses (DOMAIN.md "Sourcing need"). */
export const NEED_STATUSES = ["draft", "open", "closed", "awarded", "withdrawn"] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const RESPONSE_STATUSES = ["submitted", "shortlisted", "declined", "awarded"] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** Support a buyer offers its suppliers; matching reads it as a sign of upgrading support. */
export const SUPPORT_KINDS = ["training", "technical_help", "design_support", "finance"] as const;
