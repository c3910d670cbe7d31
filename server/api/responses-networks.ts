import { z } from "zod";
import { MEMBERSHIP_STATUSES } from "../domain/membership";
import { FIRM_KINDS, LINKS } from "../domain/chain-position";
import { INITIATIVE_STATUSES, OBJECTIVES } from "../domain/initiative";
import { logEntry } from "./responses-common";

/** Shapes of what the network and membership endpoints return, for the OpenAPI document. */

const membershipStatus = z.enum(MEMBERSHIP_STATUSES);

const networkSummary = z.object({
  id: z.string(),
  name: z.string(),
  sector: z.string(),
  region: z.string(),
  description: z.string(),
  currency: z.string(),
  /** Active member firms. */
  members: z.number().int(),
});

export const networkListResponse = z.object({
  brokered: z.array(networkSummary),
  memberships: z.array(networkSummary.extend({ status: membershipStatus })),
  others: z.array(networkSummary),
});

export const createdNetworkResponse = z.object({ id: z.string(), name: z.string() });

const networkFirm = z.object({
  firmId: z.string(),
  name: z.string(),
  kind: z.enum(FIRM_KINDS),
  link: z.enum(LINKS).nullable(),
  tier: z.number().int().nullable(),
  region: z.string(),
  country: z.string(),
  status: membershipStatus,
  since: z.string(),
  /** Codes of the firm's certifications that have not expired. */
  certifications: z.array(z.string()),
});

export const networkResponse = z.object({
  network: z.object({
    id: z.string(),
    name: z.string(),
    sector: z.string(),
    region: z.string(),
    description: z.string(),
    currency: z.string(),
    notableShareBp: z.number().int(),
    warningShareBp: z.number().int(),
    criticalShareBp: z.number().int(),
    hhiModerate: z.number().int(),
    hhiHigh: z.number().int(),
    systemicShareBp: z.number().int(),
    /** Firms needed before an aggregate of members' confidential figures is shown (at least 5). */
    disclosureMinContributors: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  brokers: z.array(z.object({ userId: z.string(), name: z.string() })),
  members: z.array(networkFirm),
  /** Brokers only; empty for members. */
  invited: z.array(networkFirm),
  /** Brokers only; empty for members. */
  applications: z.array(networkFirm),
  /** Brokers only: pending invitations by email, with their link token. */
  emailInvitations: z.array(z.object({ id: z.string(), email: z.string(), token: z.string(), expiresAt: z.string() })),
  initiatives: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      objective: z.enum(OBJECTIVES),
      status: z.enum(INITIATIVE_STATUSES),
      deadline: z.string(),
      participants: z.number().int(),
    }),
  ),
  activity: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      actorName: z.string(),
      initiativeId: z.string().nullable(),
      after: logEntry,
      createdAt: z.string(),
    }),
  ),
  /** The viewer's firm's membership of this network, if any. */
  ownStatus: membershipStatus.nullable(),
  permissions: z.object({
    update: z.boolean(),
    invite: z.boolean(),
    createInitiative: z.boolean(),
    leave: z.boolean(),
    addBroker: z.boolean(),
  }),
});

export const invitationResponse = z.union([
  z.object({ kind: z.literal("firm"), firmId: z.string() }),
  z.object({
    kind: z.literal("email"),
    /** Pass the link on to the invitee: it works once they have signed up with a firm. */
    token: z.string(),
    path: z.string(),
    expiresAt: z.string(),
  }),
]);

/** The firm's membership after accepting, declining, applying or leaving. */
const membership = <S extends z.ZodType>(status: S) => z.object({ networkId: z.string(), status });
export const joinedNetworkResponse = membership(z.literal("active"));
export const declinedInvitationResponse = membership(z.literal("declined"));
/** Active at once when the firm had been invited; otherwise applied, awaiting the brokers. */
export const applicationResponse = membership(z.enum(["active", "applied"]));
export const leftNetworkResponse = membership(z.literal("left"));

export const applicationDecisionResponse = z.object({
  networkId: z.string(),
  firmId: z.string(),
  status: z.enum(["active", "declined"]),
});

export const networkBrokerResponse = z.object({ networkId: z.string(), userId: z.string() });
