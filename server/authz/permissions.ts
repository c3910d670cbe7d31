import type { Role } from "../domain/roles";
import type { Actor } from "./actor";

/**
 * Every authorisation rule of Jointly, as data: which role may do what to which entity, and
 * within which scope. `can()` is the one function that reads it; pages, the JSON API and the
 * socket rooms all call it, and the UI receives its answers to show or hide controls.
 *
 * Scopes:
 * - any:     every resource of that entity
 * - own:     the resource belongs to the actor (its own firm, its own notification)
 * - owner:   the actor is the owner (first member) of the firm
 * - network: the actor brokers the network (the resource's, or one the firm belongs to)
 * - member:  the actor's firm is an active member of the resource's network
 * - participant: the actor's firm takes part in the initiative
 */
export type Scope = "any" | "own" | "owner" | "network" | "member" | "participant";

const PERMISSIONS = {
  firm: {
    readPublic: { admin: ["any"], broker: ["any"], sme: ["any"], buyer: ["any"] },
    readPrivate: { admin: ["any"], broker: ["network"], sme: ["own"], buyer: ["own"] },
    update: { admin: ["any"], sme: ["own"], buyer: ["own"] },
    decideMember: { admin: ["any"], sme: ["owner"], buyer: ["owner"] },
  },
  directory: {
    search: { admin: ["any"], broker: ["any"], sme: ["any"], buyer: ["any"] },
  },
  user: {
    create: { admin: ["any"] },
    list: { admin: ["any"] },
  },
  network: {
    list: { admin: ["any"], broker: ["any"], sme: ["any"] },
    create: { broker: ["any"] },
    read: { admin: ["any"], broker: ["network"], sme: ["member"] },
    update: { admin: ["any"], broker: ["network"] },
    addBroker: { admin: ["any"] },
    invite: { broker: ["network"] },
    decideApplication: { broker: ["network"] },
    apply: { sme: ["any"] },
    respondToInvitation: { sme: ["own"] },
    leave: { sme: ["own"] },
  },
  initiative: {
    create: { broker: ["network"] },
    update: { broker: ["network"] },
    transition: { broker: ["network"] },
    /** A published initiative; a draft stays its network's brokers' own until it is opened. */
    read: { admin: ["any"], broker: ["network"], sme: ["member"] },
    readDraft: { broker: ["network"] },
    join: { sme: ["member"] },
    leave: { sme: ["participant"] },
    commit: { sme: ["participant"] },
    message: { broker: ["network"], sme: ["member"] },
    viewAllQuantities: { admin: ["any"], broker: ["network"] },
  },
  /**
   * Joint trade-fair stands (the tool of joint_selling initiatives; reading one is reading its
   * initiative). Facts: the initiative's network brokers, members and participants.
   */
  stand: {
    createFair: { broker: ["any"] },
    listFairs: { admin: ["any"], broker: ["any"], sme: ["any"] },
    manage: { broker: ["network"] },
    requestSpace: { sme: ["member"] },
    release: { sme: ["participant"] },
    addTask: { broker: ["network"], sme: ["participant"] },
    addLead: { sme: ["participant"] },
    viewAllCosts: { admin: ["any"], broker: ["network"] },
    viewAllLeads: { admin: ["any"], broker: ["network"] },
    exportCalendar: { admin: ["any"], broker: ["network"], sme: ["member"] },
  },
  /**
   * Sourcing needs. The buyer's firm owns its need: only its members edit it, change its status
   * and decide on responses (an award books expected sales in the supplier's ledger). Admins
   * read every need and response but decide nothing for a buyer. SMEs and brokers read a need
   * once it is published and reaches them (readPublished; facts from services/sourcing/need-access.ts).
   */
  need: {
    create: { buyer: ["any"] },
    /** The whole need, drafts and every response included. */
    read: { admin: ["any"], buyer: ["own"] },
    /** Edit, open, close, withdraw. */
    manage: { buyer: ["own"] },
    /**
     * A published need without its drafts' history. Facts: the firms and brokers it reaches (all
     * of them when offered to all, else the active members and brokers of the chosen networks).
     */
    readPublished: { broker: ["network"], sme: ["member"] },
    readMatches: { admin: ["any"], broker: ["any"], buyer: ["own"] },
    browse: { admin: ["any"], broker: ["any"], sme: ["any"] },
    respond: { sme: ["any"], broker: ["network"] },
    decideResponse: { buyer: ["own"] },
    formConsortium: { broker: ["network"] },
    /** The consortia a need's SMEs could form (a broker's own networks; every network for admins). */
    proposeConsortia: { admin: ["any"], broker: ["any"] },
    seeDependence: { admin: ["any"], broker: ["network"], sme: ["own"] },
  },
  ledger: {
    read: { admin: ["any"], broker: ["network"], sme: ["own"] },
    write: { admin: ["any"], broker: ["network"], sme: ["own"] },
  },
  exchangeRate: {
    set: { admin: ["any"] },
    list: { admin: ["any"], broker: ["any"], sme: ["any"] },
  },
  /**
   * Benchmarking clubs (learning networks). Values are confidential: members read their own
   * values and the published statistics (ADR 013); only the network's brokers, the club's
   * trusted third party, read raw values with firm names (readRaw) and publish (publish). Administrators see aggregates only: learning networks are "sensitive
   * and fragile", and an installation's administrators are no party to the club's trust.
   */
  club: {
    createKpi: { broker: ["network"] },
    createClub: { broker: ["network"] },
    manage: { broker: ["network"] },
    submit: { sme: ["participant"] },
    readReport: { admin: ["any"], broker: ["network"], sme: ["participant"] },
    readRaw: { broker: ["network"] },
    publish: { broker: ["network"] },
    attend: { broker: ["network"], sme: ["participant"] },
  },
  /**
   * The per-user calendar subscription (server/services/calendar): everyone has their own feed.
   * What it lists follows initiative.read (drafts only for their brokers), stand and club rules.
   */
  calendar: {
    subscribe: { admin: ["own"], broker: ["own"], sme: ["own"], buyer: ["own"] },
  },
  notification: {
    read: { admin: ["own"], broker: ["own"], sme: ["own"], buyer: ["own"] },
    markRead: { admin: ["own"], broker: ["own"], sme: ["own"], buyer: ["own"] },
  },
} as const satisfies Record<string, Record<string, Partial<Record<Role, readonly Scope[]>>>>;

export type Entity = keyof typeof PERMISSIONS;
export type Action<E extends Entity> = keyof (typeof PERMISSIONS)[E];

/** What is known about the resource, enough to decide each scope. */
export interface ResourceFacts {
  /** The firm the resource belongs to (or the firm itself). */
  firmId?: string;
  /** The user the resource belongs to. */
  userId?: string;
  /** User ids of the brokers of the network (or of the networks the firm belongs to). */
  networkBrokerIds?: readonly string[];
  /** Firms that are active members of the resource's network. */
  memberFirmIds?: readonly string[];
  /** Firms taking part in the initiative. */
  participantFirmIds?: readonly string[];
}

export function can<E extends Entity>(actor: Actor, entity: E, action: Action<E>, facts: ResourceFacts = {}): boolean {
  const byRole = PERMISSIONS[entity][action] as Partial<Record<Role, readonly Scope[]>>;
  const scopes = byRole[actor.role] ?? [];
  return scopes.some((scope) => scopeHolds(actor, scope, facts));
}

function scopeHolds(actor: Actor, scope: Scope, facts: ResourceFacts): boolean {
  switch (scope) {
    case "any":
      return true;
    case "own":
      if (facts.userId !== undefined) return facts.userId === actor.userId;
      return facts.firmId !== undefined && actor.firm?.id === facts.firmId;
    case "owner":
      return facts.firmId !== undefined && actor.firm?.id === facts.firmId && actor.firm.isOwner;
    case "network":
      return facts.networkBrokerIds?.includes(actor.userId) ?? false;
    case "member":
      return actor.firm !== null && (facts.memberFirmIds?.includes(actor.firm.id) ?? false);
    case "participant":
      return actor.firm !== null && (facts.participantFirmIds?.includes(actor.firm.id) ?? false);
  }
}

/** Every rule as a flat list, for the tests that walk the whole table. */
export function listRules(): Array<{ entity: Entity; action: string; role: Role; scopes: readonly Scope[] }> {
  const rules: Array<{ entity: Entity; action: string; role: Role; scopes: readonly Scope[] }> = [];
  for (const [entity, actions] of Object.entries(PERMISSIONS)) {
    for (const [action, byRole] of Object.entries(actions)) {
      for (const [role, scopes] of Object.entries(byRole as Record<string, readonly Scope[]>)) {
        rules.push({ entity: entity as Entity, action, role: role as Role, scopes });
      }
    }
  }
  return rules;
}

/** Every (entity, action) pair, for code that names one permission as a value. */
export type Permission = { [E in Entity]: readonly [E, Action<E>] }[Entity];

/**
 * Whether a role holds the permission in any scope: the gate of a page that only some roles
 * may ever use (a broker's "new network"); the resource's own facts are checked by the service.
 */
export function roleMay(role: Role, [entity, action]: Permission): boolean {
  const byRole = PERMISSIONS[entity][action as Action<typeof entity>] as Partial<Record<Role, readonly Scope[]>>;
  return (byRole[role]?.length ?? 0) > 0;
}
