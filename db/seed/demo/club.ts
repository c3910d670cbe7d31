import { inArray } from "drizzle-orm";
import type { Tx } from "../../client";
import { firm, firmCapacity, firmCertification, firmMember } from "../../schema/firms";
import { activity, initiative, initiativeParticipant } from "../../schema/initiatives";
import { benchmarkClub, benchmarkClubKpi, kpiDefinition } from "../../schema/learning";
import { network, networkBroker, networkMember } from "../../schema/networks";
import { notification } from "../../schema/notifications";
import type { Period } from "../../../server/domain/benchmark";
import { ensureUser } from "./accounts";
import { DAY, HOUR } from "./clock";
import { demoQuarters } from "./club-figures";
import { seedClubMeetings } from "./club-meetings";
import { CLUB_AGENCY, CLUB_BROKER_EMAIL, CLUB_LOGINS, DEMO_CLUB, DEMO_LEARNING_NETWORK, DEMO_LEARNING_SMES, REGION } from "./club-people";
import { seedQuarters } from "./club-quarters";
import { demoId, firmId } from "./ids";

/**
 * The second demo network: auto-component makers of the Eastern Cape, South Africa, and their
 * benchmarking club (club-people.ts tells the story, club-figures.ts makes the figures). Like
 * the main demo: ids from stable names, inserts that ignore conflicts, users created only when
 * their email is new. The shipped KPIs must exist as definitions (the server writes them at boot).
 */

interface ClubPerson {
  userId: string | null;
  name: string;
  firmKey: string;
}

type ClubEntry = { action: string; initiative?: boolean; before?: Record<string, unknown>; after?: Record<string, unknown> };

/** What the club's parts share: the clock, the ids, the people and the network's activity log. */
export interface ClubStory {
  tx: Tx;
  now: Date;
  today: Date;
  todayIso: string;
  quarters: Period[];
  founded: Date;
  networkId: string;
  initiativeId: string;
  brokerId: string;
  broker: ClubPerson;
  userIds: Map<string, string>;
  userOfFirm: (key: string) => string | null;
  nameOfFirm: (key: string) => string;
  kpiId: (key: string) => string;
  record: (key: string, createdAt: Date, actor: ClubPerson, entry: ClubEntry) => void;
  log: Array<typeof activity.$inferInsert>;
}

export const at = (date: string, hours: number) => new Date(new Date(`${date}T00:00:00Z`).getTime() + hours * HOUR);
export const addIsoDays = (date: string, days: number) =>
  new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
const startOfDay = (date: Date) => new Date(`${date.toISOString().slice(0, 10)}T00:00:00Z`);

/** The network's firms, with their certifications and capacities. */
async function seedClubFirms(tx: Tx, founded: Date): Promise<void> {
  await tx
    .insert(firm)
    .values([
      ...DEMO_LEARNING_SMES.map((s) => ({
        id: firmId(s.key),
        kind: "sme" as const,
        name: s.name,
        description: s.description,
        country: "ZA",
        region: REGION[s.town],
        sector: s.link === "processing" ? "2592" : "2930",
        employees: s.employees,
        turnoverMinor: s.turnoverMillions * 1_000_000 * 100,
        turnoverCurrency: "ZAR",
        link: s.link,
        tier: s.tier,
        functions: s.functions,
        roleLadder: s.roleLadder,
        upgradingGoals: s.upgradingGoals,
        createdAt: founded,
        updatedAt: founded,
      })),
      {
        id: firmId(CLUB_AGENCY.key),
        kind: "agency" as const,
        name: CLUB_AGENCY.name,
        description: CLUB_AGENCY.description,
        country: "ZA",
        region: REGION.Gqeberha,
        sector: "9411",
        employees: 9,
        createdAt: founded,
        updatedAt: founded,
      },
    ])
    .onConflictDoNothing();
  await tx
    .insert(firmCertification)
    .values(
      DEMO_LEARNING_SMES.flatMap((s) =>
        s.certifications.map((code) => ({
          id: demoId(`certification:${s.key}:${code}`),
          firmId: firmId(s.key),
          code,
          expiresOn: "2028-06-30",
        })),
      ),
    )
    .onConflictDoNothing();
  await tx
    .insert(firmCapacity)
    .values(DEMO_LEARNING_SMES.map((s) => ({ id: demoId(`capacity:${s.key}:0`), firmId: firmId(s.key), ...s.capacity })))
    .onConflictDoNothing();
}

/** The network's logins, each the owner of its firm with a welcome notice; their ids by email. */
async function seedClubLogins(tx: Tx, now: Date, founded: Date): Promise<Map<string, string>> {
  const userIds = new Map<string, string>();
  for (const login of CLUB_LOGINS) {
    const userId = await ensureUser(tx, login);
    userIds.set(login.email, userId);
    await tx
      .insert(firmMember)
      .values({
        id: demoId(`member:${login.email}`),
        firmId: firmId(login.firmKey),
        userId,
        status: "active",
        isOwner: true,
        createdAt: founded,
        decidedAt: founded,
      })
      .onConflictDoNothing();
    await tx
      .insert(notification)
      .values({ id: demoId(`notification:${login.email}:welcome`), userId, type: "welcome", params: {}, href: "/home", createdAt: now })
      .onConflictDoNothing();
  }
  return userIds;
}

/** The shared state of the club's story, once its firms and people exist. */
async function clubStory(tx: Tx, now: Date, quarters: Period[], founded: Date, userIds: Map<string, string>): Promise<ClubStory> {
  const networkId = demoId(`network:${DEMO_LEARNING_NETWORK.key}`);
  const initiativeId = demoId(`initiative:${DEMO_CLUB.key}`);
  const today = startOfDay(now);
  const brokerId = userIds.get(CLUB_BROKER_EMAIL)!;
  const kpiRows = await tx
    .select({ id: kpiDefinition.id, key: kpiDefinition.key })
    .from(kpiDefinition)
    .where(inArray(kpiDefinition.key, [...DEMO_CLUB.kpis]));
  const log: Array<typeof activity.$inferInsert> = [];
  return {
    tx,
    now,
    today,
    todayIso: today.toISOString().slice(0, 10),
    quarters,
    founded,
    networkId,
    initiativeId,
    brokerId,
    broker: { userId: brokerId, name: CLUB_LOGINS[0].name, firmKey: CLUB_AGENCY.key },
    userIds,
    userOfFirm: (key) => {
      const login = CLUB_LOGINS.find((l) => l.firmKey === key);
      return login ? userIds.get(login.email)! : null;
    },
    nameOfFirm: (key) => CLUB_LOGINS.find((l) => l.firmKey === key)?.name ?? DEMO_LEARNING_SMES.find((s) => s.key === key)!.contact,
    kpiId: (key) => kpiRows.find((k) => k.key === key)!.id,
    log,
    record: (key, createdAt, actor, entry) =>
      log.push({
        id: demoId(`activity:${DEMO_LEARNING_NETWORK.key}:${key}`),
        networkId,
        initiativeId: entry.initiative ? initiativeId : null,
        actorUserId: actor.userId,
        actorName: actor.name,
        firmId: firmId(actor.firmKey),
        action: entry.action,
        before: entry.before ?? null,
        after: entry.after ?? null,
        createdAt,
      }),
  };
}

/** The network, its broker and its members, who joined on the days after its founding. */
async function seedClubNetwork(story: ClubStory): Promise<void> {
  const { tx, networkId, brokerId, founded, record, broker } = story;
  await tx
    .insert(network)
    .values({
      id: networkId,
      name: DEMO_LEARNING_NETWORK.name,
      sector: DEMO_LEARNING_NETWORK.sector,
      region: DEMO_LEARNING_NETWORK.region,
      description: DEMO_LEARNING_NETWORK.description,
      currency: DEMO_LEARNING_NETWORK.currency,
      createdBy: brokerId,
      createdAt: founded,
      updatedAt: founded,
    })
    .onConflictDoNothing();
  await tx
    .insert(networkBroker)
    .values({
      id: demoId(`network-broker:${DEMO_LEARNING_NETWORK.key}:${CLUB_BROKER_EMAIL}`),
      networkId,
      userId: brokerId,
      createdAt: founded,
    })
    .onConflictDoNothing();
  await tx
    .insert(networkMember)
    .values(
      DEMO_LEARNING_SMES.map((s, i) => {
        const joinedAt = new Date(founded.getTime() + (2 + i) * DAY);
        return {
          id: demoId(`network-member:${DEMO_LEARNING_NETWORK.key}:${s.key}`),
          networkId,
          firmId: firmId(s.key),
          status: "active" as const,
          consentedAt: joinedAt,
          consentedBy: story.userOfFirm(s.key),
          requestedBy: brokerId,
          createdAt: new Date(joinedAt.getTime() - 2 * DAY),
          updatedAt: joinedAt,
        };
      }),
    )
    .onConflictDoNothing();
  record("network:created", founded, broker, { action: "network.created", after: { name: DEMO_LEARNING_NETWORK.name } });
  DEMO_LEARNING_SMES.forEach((s, i) =>
    record(
      `member:${s.key}:joined`,
      new Date(founded.getTime() + (2 + i) * DAY),
      { userId: story.userOfFirm(s.key), name: story.nameOfFirm(s.key), firmKey: s.key },
      {
        action: "member.joined",
        before: { status: "invited" },
        after: { status: "active", consent: true, via: "invitation" },
      },
    ),
  );
}

/** The club: a learning_network initiative with its KPIs and the members taking part. */
async function seedClubInitiative(story: ClubStory): Promise<void> {
  const { tx, initiativeId, founded, record, broker } = story;
  const created = new Date(founded.getTime() + 12 * DAY);
  const opened = new Date(created.getTime() + 2 * DAY);
  const clubMembers = DEMO_LEARNING_SMES.filter((s) => !s.outsideClub);
  await tx
    .insert(initiative)
    .values({
      id: initiativeId,
      networkId: story.networkId,
      objective: "learning_network",
      title: DEMO_CLUB.title,
      description: DEMO_CLUB.description,
      // The date to join by: new members are still welcome.
      deadline: new Date(story.today.getTime() + 61 * DAY - 1000),
      shareQuantities: false,
      status: "open",
      createdBy: story.brokerId,
      createdAt: created,
      updatedAt: opened,
    })
    .onConflictDoNothing();
  await tx.insert(benchmarkClub).values({ initiativeId, periodKind: "quarter", updatedAt: story.now }).onConflictDoNothing();
  await tx
    .insert(benchmarkClubKpi)
    .values(DEMO_CLUB.kpis.map((key, position) => ({ initiativeId, kpiId: story.kpiId(key), position })))
    .onConflictDoNothing();
  await tx
    .insert(initiativeParticipant)
    .values(
      clubMembers.map((s, i) => ({
        id: demoId(`participant:${DEMO_CLUB.key}:${s.key}`),
        initiativeId,
        firmId: firmId(s.key),
        joinedBy: story.userOfFirm(s.key),
        createdAt: new Date(opened.getTime() + (1 + i) * DAY),
      })),
    )
    .onConflictDoNothing();
  record("club:created", created, broker, {
    action: "initiative.created",
    initiative: true,
    after: { title: DEMO_CLUB.title, objective: "learning_network", status: "draft", periodKind: "quarter", kpis: DEMO_CLUB.kpis.length },
  });
  record("club:open", opened, broker, {
    action: "initiative.open",
    initiative: true,
    before: { status: "draft" },
    after: { status: "open" },
  });
  clubMembers.forEach((s, i) =>
    record(
      `club:${s.key}:joined`,
      new Date(opened.getTime() + (1 + i) * DAY),
      { userId: story.userOfFirm(s.key), name: story.nameOfFirm(s.key), firmKey: s.key },
      { action: "participant.joined", initiative: true },
    ),
  );
}

/** Seeds the Eastern Cape network and its benchmarking club inside the demo's transaction. */
export async function seedClub(tx: Tx, now: Date): Promise<void> {
  const quarters = demoQuarters(now);
  // The network was founded a month before the first quarter the club reports.
  const founded = at(addIsoDays(quarters[0].startsOn, -30), 9);
  await seedClubFirms(tx, founded);
  const userIds = await seedClubLogins(tx, now, founded);
  const story = await clubStory(tx, now, quarters, founded, userIds);
  await seedClubNetwork(story);
  await seedClubInitiative(story);
  await seedQuarters(story);
  await seedClubMeetings(story);
  await tx.insert(activity).values(story.log).onConflictDoNothing();
}
