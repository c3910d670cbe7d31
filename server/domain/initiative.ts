/**
 * Joint-action initiatives (DOMAIN.md "Initiative"): their objectives, their lifecycle and the
 * form they take. Pure data and helpers: the schema, the services and the UI all read the
 * lifecycle from here, so a status can never be reached by a path the table does not allow.
 */
import type { Link } from "./chain-position";
import { LINKS } from "./chain-position";

/** The seven objectives of joint action (Kaplinsky & Readman, 003:1092-1112). */
export const OBJECTIVES = [
  "hearing_the_market",
  "joint_selling",
  "joint_buying",
  "product_development",
  "process_improvement",
  "standards_and_codes",
  "learning_network",
] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** draft -> open (recruiting) -> locked (commitments frozen) -> completed | cancelled. */
export const INITIATIVE_STATUSES = ["draft", "open", "locked", "completed", "cancelled"] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/**
 * The allowed lifecycle as data. Strictly forward: a locked initiative is never reopened,
 * because members' commitments were frozen (and a purchase summary may have gone out) on lock.
 * Completed and cancelled are terminal.
 */
export const TRANSITIONS: Readonly<Record<InitiativeStatus, readonly InitiativeStatus[]>> = {
  draft: ["open", "cancelled"],
  open: ["locked", "cancelled"],
  locked: ["completed", "cancelled"],
  completed: [],
  cancelled: [],
};

export class TransitionError extends Error {
  readonly from: InitiativeStatus;
  readonly to: InitiativeStatus;
  constructor(from: InitiativeStatus, to: InitiativeStatus) {
    super(`An initiative cannot go from ${from} to ${to}`);
    this.name = "TransitionError";
    this.from = from;
    this.to = to;
  }
}

export function canTransition(from: InitiativeStatus, to: InitiativeStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A copy, so a caller cannot change the table by mutating the result. */
export function allowedTransitions(from: InitiativeStatus): InitiativeStatus[] {
  return [...TRANSITIONS[from]];
}

export function assertTransition(from: InitiativeStatus, to: InitiativeStatus): void {
  if (!canTransition(from, to)) throw new TransitionError(from, to);
}

export function isTerminal(status: InitiativeStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Only a recruiting initiative takes new members. */
export function isJoinable(status: InitiativeStatus): boolean {
  return status === "open";
}

/** Commitments are frozen on lock; a draft is not yet visible to members. */
export function acceptsCommitments(status: InitiativeStatus): boolean {
  return status === "open";
}

type Orientation = "horizontal" | "vertical";
type Size = "bilateral" | "multilateral";

export interface InitiativeForm {
  orientation: Orientation | null;
  size: Size | null;
  /** Number of participating firms, including those whose link is unknown. */
  count: number;
  /** The distinct known links of the participants, in chain order. */
  links: Link[];
}

/**
 * The form of joint action is derived, never typed in (Nadvi, 004:71-75): horizontal when all
 * participants work in the same link, vertical when they span links; bilateral with 2 firms,
 * multilateral with 3 or more. One entry per participating firm; `null` = link not yet known.
 * A firm with an unknown link still counts toward size, but cannot tell us the orientation.
 */
export function deriveForm(participantLinks: ReadonlyArray<Link | null>): InitiativeForm {
  const count = participantLinks.length;
  const known = participantLinks.filter((link): link is Link => link !== null);
  const distinct = new Set(known);
  const links = LINKS.filter((link) => distinct.has(link));

  // One firm alone is not joint action yet.
  if (count < 2) return { orientation: null, size: null, count, links };

  const size: Size = count === 2 ? "bilateral" : "multilateral";
  const orientation: Orientation | null = known.length < 2 ? null : distinct.size === 1 ? "horizontal" : "vertical";
  return { orientation, size, count, links };
}
