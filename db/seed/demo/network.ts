import type { Tx } from "../../client";
import type { activity } from "../../schema/initiatives";
import { network, networkBroker, networkMember } from "../../schema/networks";
import { USERS } from "./accounts";
import { DAY, dayAt, startOfDayUtc } from "./clock";
import { AGENCY, DEMO_SMES } from "./firms";
import { demoId, firmId } from "./ids";

/**
 * The network and its initiatives: the cluster's business association brokers one network of
 * the valley's SMEs, with a running and a locked joint purchase (003:1105, joint-buy.ts), a
 * shared consultant (process improvement, consultant.ts) and a joint trade-fair stand (001:321,
 * 003:1099; stand.ts), and the activity log that tells how they got there.
 *
 * The network's founding and the locked purchase have fixed dates in 2026; everything still
 * running is dated relative to the clock, so its deadline is always ahead when the demo starts.
 */

const BROKER_EMAIL = "broker@jointly.example";

export const DEMO_NETWORK = {
  key: "sinos-valley-footwear",
  name: "Sinos Valley Footwear Network",
  sector: "1520",
  region: "Vale dos Sinos, RS",
  currency: "BRL",
  description:
    "Manufacturers, tanneries, component makers, design studios, machinery makers and export agents of the Sinos Valley footwear cluster, brokered by the Associação do Polo Calçadista. Joint buying of leather and chemicals, shared consultants and joint trade-fair stands.",
  createdAt: new Date("2026-03-02T13:00:00Z"),
};

/** Non-members: SMEs not (yet) recruited, besides every buyer and the agency. */
const NOT_MEMBERS = new Set(["navalhas-igrejinha", "pespontos-hoffmann", "vale-comissaria"]);
const INVITED = ["curtume-santa-barbara", "tecnoinjet"];
const APPLIED = ["tendencia-sul"];

/**
 * The person acting for a firm without a demo login, named in the activity log and the
 * discussion; such a person has no user, so the rows carry no user id.
 */
const CONTACTS: Record<string, string> = {
  "calcados-bella-sinos": "Juliana Becker",
  "calcados-schmitt": "Otávio Schmitt",
  "calcados-igrejinha-boots": "Renata Klein",
  "calcados-estrela-do-vale": "Gustavo Rech",
  "calcados-parobe-kids": "Simone Dreher",
  "calcados-sapiranga-modas": "Édson Pacheco",
  "atelier-tres-coroas": "Beatriz Lenz",
  "palmilhas-confort-sul": "Marcos Fetter",
  "tendencia-sul": "Camila Rosa",
};

/** Active members: every SME not left out, invited or applying. */
export const FOUNDING_MEMBERS = DEMO_SMES.filter((s) => !NOT_MEMBERS.has(s.key) && !INVITED.includes(s.key) && !APPLIED.includes(s.key));

/** Founding members accepted the broker's invitation over the spring of 2026, two days after it. */
export const foundingJoinedAt = (index: number) => dayAt(startOfDayUtc(DEMO_NETWORK.createdAt), 2 + index * 3, 9 + (index % 6));

export interface Person {
  userId: string | null;
  name: string;
  firmKey: string;
}

type ActivityEntry = {
  initiativeId?: string;
  firmKey?: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** What the network's parts share: the clock, the people and the activity log they append to. */
export interface NetworkStory {
  tx: Tx;
  now: Date;
  today: Date;
  networkId: string;
  brokerId: string;
  broker: Person;
  smeNames: Map<string, string>;
  /** The firm's demo login when it has one, else its named contact (no user). */
  personOf: (firmKey: string) => Person;
  record: (key: string, createdAt: Date, actor: Person, entry: ActivityEntry) => void;
  log: Array<typeof activity.$inferInsert>;
}

export function networkStory(tx: Tx, now: Date, userIds: Map<string, string>): NetworkStory {
  const networkId = demoId(`network:${DEMO_NETWORK.key}`);
  const brokerSeed = USERS.find((u) => u.email === BROKER_EMAIL)!;
  const brokerId = userIds.get(BROKER_EMAIL)!;
  const log: Array<typeof activity.$inferInsert> = [];
  return {
    tx,
    now,
    today: startOfDayUtc(now),
    networkId,
    brokerId,
    broker: { userId: brokerId, name: brokerSeed.name, firmKey: AGENCY.key },
    smeNames: new Map(DEMO_SMES.map((s) => [s.key, s.name])),
    personOf: (firmKey) => {
      const login = USERS.find((u) => u.firmKey === firmKey);
      if (login) return { userId: userIds.get(login.email) ?? null, name: login.name, firmKey };
      const contact = CONTACTS[firmKey];
      if (!contact) throw new Error(`demo seed: no contact for ${firmKey}`);
      return { userId: null, name: contact, firmKey };
    },
    log,
    // Like recordActivity: the firm is the entry's, else the actor's.
    record: (key, createdAt, actor, entry) =>
      log.push({
        id: demoId(`activity:${key}`),
        networkId,
        initiativeId: entry.initiativeId ?? null,
        actorUserId: actor.userId,
        actorName: actor.name,
        firmId: firmId(entry.firmKey ?? actor.firmKey),
        action: entry.action,
        before: entry.before ?? null,
        after: entry.after ?? null,
        createdAt,
      }),
  };
}

/** The founding members' rows, each with a line in the log when it has someone to name. */
function foundingMemberRows(story: NetworkStory): Array<typeof networkMember.$inferInsert> {
  const { networkId, brokerId, personOf, record } = story;
  return FOUNDING_MEMBERS.map((s, i) => {
    const joinedAt = foundingJoinedAt(i);
    const person = USERS.some((u) => u.firmKey === s.key) || s.key in CONTACTS ? personOf(s.key) : null;
    // Only members with someone to name get a line in the log; the rest joined before it was shown.
    if (person) {
      record(`member:${s.key}:joined`, joinedAt, person, {
        action: "member.joined",
        before: { status: "invited" },
        after: { status: "active", consent: true, via: "invitation" },
      });
    }
    return {
      id: demoId(`network-member:${DEMO_NETWORK.key}:${s.key}`),
      networkId,
      firmId: firmId(s.key),
      status: "active" as const,
      consentedAt: joinedAt,
      consentedBy: person?.userId ?? null,
      requestedBy: brokerId,
      createdAt: new Date(joinedAt.getTime() - 2 * DAY),
      updatedAt: joinedAt,
    };
  });
}

/** Pending: two invitations and one application of the last fortnight. */
function pendingMemberRows(story: NetworkStory): Array<typeof networkMember.$inferInsert> {
  const { networkId, brokerId, broker, personOf, record, smeNames, today } = story;
  const memberRows: Array<typeof networkMember.$inferInsert> = [];
  INVITED.forEach((key, i) => {
    const invitedAt = dayAt(today, -9 + i * 5, 11 + i * 4);
    record(`member:${key}:invited`, invitedAt, broker, { firmKey: key, action: "member.invited", after: { firm: smeNames.get(key) } });
    memberRows.push({
      id: demoId(`network-member:${DEMO_NETWORK.key}:${key}`),
      networkId,
      firmId: firmId(key),
      status: "invited",
      requestedBy: brokerId,
      createdAt: invitedAt,
      updatedAt: invitedAt,
    });
  });
  APPLIED.forEach((key) => {
    const appliedAt = dayAt(today, -2, 10);
    const applicant = personOf(key);
    record(`member:${key}:applied`, appliedAt, applicant, { action: "member.applied", after: { consent: true } });
    memberRows.push({
      id: demoId(`network-member:${DEMO_NETWORK.key}:${key}`),
      networkId,
      firmId: firmId(key),
      status: "applied",
      consentedAt: appliedAt,
      consentedBy: applicant.userId,
      requestedBy: applicant.userId,
      createdAt: appliedAt,
      updatedAt: appliedAt,
    });
  });
  return memberRows;
}

/** The network, its broker and its members: founding, invited and applying. */
export async function seedMembership(story: NetworkStory): Promise<void> {
  const { tx, networkId, brokerId, broker, record } = story;
  await tx
    .insert(network)
    .values({
      id: networkId,
      name: DEMO_NETWORK.name,
      sector: DEMO_NETWORK.sector,
      region: DEMO_NETWORK.region,
      description: DEMO_NETWORK.description,
      currency: DEMO_NETWORK.currency,
      createdBy: brokerId,
      createdAt: DEMO_NETWORK.createdAt,
      updatedAt: DEMO_NETWORK.createdAt,
    })
    .onConflictDoNothing();
  await tx
    .insert(networkBroker)
    .values({
      id: demoId(`network-broker:${DEMO_NETWORK.key}:${BROKER_EMAIL}`),
      networkId,
      userId: brokerId,
      createdAt: DEMO_NETWORK.createdAt,
    })
    .onConflictDoNothing();
  record("network:created", DEMO_NETWORK.createdAt, broker, { action: "network.created", after: { name: DEMO_NETWORK.name } });
  await tx
    .insert(networkMember)
    .values([...foundingMemberRows(story), ...pendingMemberRows(story)])
    .onConflictDoNothing();
}
