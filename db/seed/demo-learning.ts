import { eq, inArray } from "drizzle-orm";
import type { Tx } from "../client";
import { user } from "../schema/auth";
import { firm, firmCapacity, firmCertification, firmMember } from "../schema/firms";
import { activity, initiative, initiativeParticipant } from "../schema/initiatives";
import {
  benchmarkClub,
  benchmarkClubKpi,
  benchmarkPeriod,
  benchmarkPublication,
  clubMeeting,
  kpiDefinition,
  kpiReference,
  kpiSubmission,
  meetingAction,
  meetingAttendance,
} from "../schema/learning";
import { network, networkBroker, networkMember } from "../schema/networks";
import { notification } from "../schema/notifications";
import type { CertificationCode } from "../reference/certifications";
import type { FirmFunction, Link, RoleLadder, Tier, UpgradingGoal } from "../../server/domain/chain-position";
import { catalogueKpi, periodFor, submissionDue, type Direction, type Period } from "../../server/domain/benchmark";
import { publicationStep } from "../../server/domain/benchmark-publication";
import { disclosureRule } from "../../server/domain/disclosure";
import { insertAccount } from "../../server/services/accounts/insert-account";
import { ensureShippedKpis } from "../../server/services/learning/kpi-catalogue";

/**
 * The second demo network: auto-component makers of the Eastern Cape, South Africa, and their
 * benchmarking club, after the South African club of box 5.4 (seeds/003 around line 1156): the
 * members started with low inventory performance and "a long tail", were benchmarked against
 * domestic and international competitors, met at each other's plants in best-in-class
 * workshops, and over three years the median improved and the tail shortened. The government
 * paid two thirds of the club's costs (003:1112). Firms and people are invented.
 *
 * The club reports quarterly: the twelve quarters up to the last one that has ended, by the
 * seed's clock; the last is open with two members' figures in (one short of the threshold, so
 * the next submission makes its figures appear). Values come from a seeded generator: each
 * member starts somewhere in the tail and closes a share of its gap to the target every
 * quarter, laggards faster, with a little noise; so the same clock always gives the same data.
 *
 * Deterministic and re-runnable like the main demo: ids from stable names, inserts that ignore
 * conflicts, users created only when their email is new.
 */

export const DEMO_LEARNING_NETWORK = {
  key: "eastern-cape-auto-components",
  name: "Eastern Cape Automotive Components Network",
  sector: "2930",
  region: "Nelson Mandela Bay and Buffalo City, Eastern Cape",
  currency: "ZAR",
  description:
    "Component makers supplying the vehicle assembly plants of Kariega and East London, brokered by the Algoa Automotive Suppliers Forum: benchmarking, best-in-class workshops at members' plants and shared training.",
};

export const DEMO_CLUB = {
  key: "eastern-cape-benchmarking-club",
  title: "Eastern Cape Auto Components Benchmarking Club",
  description:
    "Every quarter the members report five operating KPIs; each sees where it stands against the others (never another member's figures) and against European and international competitors. Members meet at the best-in-class plant of the quarter to learn how it is done. The provincial development agency pays two thirds of the club's costs.",
  kpis: ["inventory_turns", "on_time_delivery", "scrap_rate", "setup_time", "defects_ppm"] as const,
};

const BROKER_EMAIL = "autobroker@jointly.example";

interface LearningSme {
  key: string;
  name: string;
  town: "Gqeberha" | "Kariega" | "Despatch" | "Coega" | "East London";
  description: string;
  employees: number;
  /** Turnover in millions of rand. */
  turnoverMillions: number;
  link: Link;
  tier: Tier;
  functions: FirmFunction[];
  roleLadder: RoleLadder;
  upgradingGoals: UpgradingGoal[];
  certifications: CertificationCode[];
  capacity: { product: string; unitsPerMonth: number; unit: string; leadTimeDays: number };
  /** Where the firm starts in the club, 0 = best in class, 1 = the end of the tail. */
  standing: number;
  /** The contact named in the log when the firm has no demo login. */
  contact: string;
  /** A network member that stays out of the club. */
  outsideClub?: boolean;
}

const REGION: Record<LearningSme["town"], string> = {
  Gqeberha: "Gqeberha, Nelson Mandela Bay, Eastern Cape",
  Kariega: "Kariega, Nelson Mandela Bay, Eastern Cape",
  Despatch: "Despatch, Nelson Mandela Bay, Eastern Cape",
  Coega: "Coega SEZ, Nelson Mandela Bay, Eastern Cape",
  "East London": "East London, Buffalo City, Eastern Cape",
};

export const DEMO_LEARNING_SMES: readonly LearningSme[] = [
  {
    key: "algoa-pistons",
    name: "Algoa Pistons & Rings (Pty) Ltd",
    town: "Gqeberha",
    description: "Cast and machined aluminium pistons and piston rings for engine plants and the replacement market.",
    employees: 180,
    turnoverMillions: 310,
    link: "components",
    tier: 1,
    functions: ["production", "quality_control", "r_and_d"],
    roleLadder: "oem",
    upgradingGoals: ["process", "product"],
    certifications: ["iatf_16949", "iso_14001"],
    capacity: { product: "Aluminium pistons, 70-95 mm", unitsPerMonth: 110_000, unit: "pieces", leadTimeDays: 21 },
    standing: 0.35,
    contact: "Sipho Ndlovu",
  },
  {
    key: "swartkops-castings",
    name: "Swartkops Castings (Pty) Ltd",
    town: "Gqeberha",
    description: "Grey and ductile iron castings (brake drums, hubs, brackets) for tier-one suppliers.",
    employees: 210,
    turnoverMillions: 260,
    link: "components",
    tier: 2,
    functions: ["production", "quality_control", "logistics"],
    roleLadder: "oem",
    upgradingGoals: ["process"],
    certifications: ["iatf_16949"],
    capacity: { product: "Iron castings, 2-40 kg", unitsPerMonth: 900, unit: "tonnes", leadTimeDays: 28 },
    standing: 0.05,
    contact: "Annelie Botha",
  },
  {
    key: "kariega-seat-trim",
    name: "Kariega Seat Trim CC",
    town: "Kariega",
    description: "Cut-and-sew seat covers and door trims in fabric and leather, delivered in sequence to the assembly plant.",
    employees: 140,
    turnoverMillions: 120,
    link: "components",
    tier: 1,
    functions: ["production", "logistics"],
    roleLadder: "oea",
    upgradingGoals: ["process", "functional"],
    certifications: ["iatf_16949"],
    capacity: { product: "Seat cover sets", unitsPerMonth: 14_000, unit: "sets", leadTimeDays: 5 },
    standing: 0.55,
    contact: "Nomvula Jacobs",
  },
  {
    key: "coega-wire-harness",
    name: "Coega Wire Harness (Pty) Ltd",
    town: "Coega",
    description: "Wiring harnesses for doors, engines and dashboards, built to the tier-one supplier's drawings.",
    employees: 160,
    turnoverMillions: 150,
    link: "components",
    tier: 2,
    functions: ["production", "quality_control"],
    roleLadder: "oea",
    upgradingGoals: ["process", "product"],
    certifications: ["iatf_16949", "iso_45001"],
    capacity: { product: "Wiring harnesses", unitsPerMonth: 45_000, unit: "pieces", leadTimeDays: 14 },
    standing: 0.45,
    contact: "Lindiwe Mahlangu",
  },
  {
    key: "buffalo-city-pressings",
    name: "Buffalo City Pressings (Pty) Ltd",
    town: "East London",
    description: "Pressed and welded steel parts (brackets, reinforcements, small assemblies) for the East London plant's suppliers.",
    employees: 95,
    turnoverMillions: 85,
    link: "components",
    tier: 2,
    functions: ["production"],
    roleLadder: "oea",
    upgradingGoals: ["process"],
    certifications: ["iso_9001"],
    capacity: { product: "Pressed steel parts", unitsPerMonth: 260_000, unit: "pieces", leadTimeDays: 10 },
    standing: 0.8,
    contact: "Pieter Nel",
  },
  {
    key: "markman-rubber",
    name: "Markman Rubber Mouldings (Pty) Ltd",
    town: "Gqeberha",
    description: "Moulded rubber seals, grommets and bushes.",
    employees: 60,
    turnoverMillions: 48,
    link: "components",
    tier: 3,
    functions: ["production"],
    roleLadder: "oea",
    upgradingGoals: ["process"],
    certifications: ["iso_9001"],
    capacity: { product: "Rubber mouldings", unitsPerMonth: 400_000, unit: "pieces", leadTimeDays: 12 },
    standing: 0.95,
    contact: "Faizel Adams",
  },
  {
    key: "uitenhage-precision",
    name: "Uitenhage Precision Machining CC",
    town: "Kariega",
    description: "CNC-machined shafts, bushings and housings in small and medium batches.",
    employees: 45,
    turnoverMillions: 38,
    link: "components",
    tier: 3,
    functions: ["production", "quality_control"],
    roleLadder: "oea",
    upgradingGoals: ["process", "product"],
    certifications: ["iso_9001"],
    capacity: { product: "Machined shafts and housings", unitsPerMonth: 30_000, unit: "pieces", leadTimeDays: 18 },
    standing: 0.7,
    contact: "Ruan Steyn",
  },
  {
    key: "nahoon-filters",
    name: "Nahoon Filters (Pty) Ltd",
    town: "East London",
    description: "Oil, air and cabin filters for original equipment and the aftermarket.",
    employees: 70,
    turnoverMillions: 66,
    link: "components",
    tier: 2,
    functions: ["production", "marketing"],
    roleLadder: "odm",
    upgradingGoals: ["product", "functional"],
    certifications: ["iatf_16949"],
    capacity: { product: "Oil and air filters", unitsPerMonth: 180_000, unit: "pieces", leadTimeDays: 15 },
    standing: 0.25,
    contact: "Zanele Khumalo",
  },
  {
    key: "despatch-coatings",
    name: "Despatch Paint & Coatings (Pty) Ltd",
    town: "Despatch",
    description: "E-coating and powder coating of steel parts for component makers.",
    employees: 30,
    turnoverMillions: 22,
    link: "processing",
    tier: 3,
    functions: ["production"],
    roleLadder: "oea",
    upgradingGoals: ["process"],
    certifications: ["iso_9001"],
    capacity: { product: "Coated steel parts", unitsPerMonth: 150_000, unit: "pieces", leadTimeDays: 7 },
    standing: 0.6,
    contact: "Thabo Mokoena",
    outsideClub: true,
  },
];

const AGENCY = {
  key: "algoa-automotive-forum",
  name: "Algoa Automotive Suppliers Forum",
  description: "Association of the Eastern Cape's automotive component makers. Runs the components network and its benchmarking club.",
};

interface LearningLogin {
  email: string;
  name: string;
  role: "broker" | "sme";
  firmKey: string;
  note: string;
}

const LOGINS: readonly LearningLogin[] = [
  { email: BROKER_EMAIL, name: "Thandiwe Mokoena", role: "broker", firmKey: AGENCY.key, note: "broker of the Eastern Cape auto-components network and its benchmarking club" },
  { email: "pistons@jointly.example", name: "Sipho Ndlovu", role: "sme", firmKey: "algoa-pistons", note: "owner of Algoa Pistons & Rings, a member of the benchmarking club (figures of the open quarter still to submit)" },
  { email: "castings@jointly.example", name: "Annelie Botha", role: "sme", firmKey: "swartkops-castings", note: "owner of Swartkops Castings, best in class on inventory turns (figures of the open quarter submitted)" },
];

/** The demo's logins of this network, printed with the others (DEMO_LOGINS in demo.ts). */
export const DEMO_LEARNING_LOGINS = LOGINS.map(({ role, email, note }) => ({ role, email, note }));

/**
 * How each KPI's figures move: every member starts between `best` and `worst` by its standing
 * and closes a share of its gap to `target` each quarter (keeping `retain` of it, laggards a
 * little less), with noise of `noise` times the starting gap. The ranges echo box 5.7
 * (on-time delivery 87% -> 100%, scrap 1.5% -> 0.15%, set-up over 15% -> under 10%, stock-turns
 * 8.5 -> 10.7) and box 5.4 (inventory performance far below European competitors, long tail).
 */
const STORIES: Record<(typeof DEMO_CLUB.kpis)[number], { best: number; worst: number; target: number; retain: number; noise: number }> = {
  inventory_turns: { best: 14, worst: 4, target: 20, retain: 0.9, noise: 0.08 },
  on_time_delivery: { best: 93, worst: 66, target: 99, retain: 0.86, noise: 0.1 },
  scrap_rate: { best: 0.9, worst: 4.8, target: 0.2, retain: 0.86, noise: 0.1 },
  setup_time: { best: 9, worst: 24, target: 5, retain: 0.88, noise: 0.1 },
  defects_ppm: { best: 250, worst: 4200, target: 40, retain: 0.82, noise: 0.12 },
};

/** External references: European and international competitors (box 5.4), per KPI. */
const REFERENCES: Partial<Record<(typeof DEMO_CLUB.kpis)[number], { source: string; values: number[] }>> = {
  inventory_turns: { source: "European competitors", values: [19.5, 20.2, 20.8] },
  on_time_delivery: { source: "International benchmark", values: [97.5, 98, 98.4] },
  scrap_rate: { source: "International benchmark", values: [0.35, 0.3, 0.28] },
};

/** mulberry32: a small seeded generator, uniform in [0, 1). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a of a text, to seed one generator per firm and KPI. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The demo value of one member's KPI in the quarter `t` (0 = the first of the twelve). */
export function demoKpiValue(firmKey: string, standing: number, kpiKey: (typeof DEMO_CLUB.kpis)[number], t: number): number {
  const story = STORIES[kpiKey];
  const kpi = catalogueKpi(kpiKey)!;
  const random = generator(hashOf(`${firmKey}:${kpiKey}`));
  // The firm's own standing on this KPI: its overall standing, give or take a tenth.
  const own = Math.min(1, Math.max(0, standing + (random() - 0.5) * 0.2));
  const start = story.best + own * (story.worst - story.best);
  // Laggards close their gap faster (they have the most to learn from the workshops).
  const retain = story.retain - 0.05 * own + (random() - 0.5) * 0.02;
  const gap = start - story.target;
  // The noise of quarter t: the t-th draw of the same stream, shrinking with the gap.
  let draw = 0;
  for (let i = 0; i <= t; i++) draw = random();
  const value = story.target + gap * retain ** t + (draw - 0.5) * 2 * story.noise * Math.abs(gap) * retain ** t;
  return rounded(Math.min(kpi.maxValue, Math.max(kpi.minValue, value)), kpi.decimals);
}

/** Whether a member missed reporting a KPI in a closed quarter (now and then one does). */
export function demoMissed(firmKey: string, kpiKey: string, t: number): boolean {
  const random = generator(hashOf(`missed:${firmKey}:${kpiKey}:${t}`));
  return t > 0 && random() < 0.04;
}

/** The twelve quarters up to the last that has ended by `now`, oldest first. */
export function demoQuarters(now: Date): Period[] {
  const current = periodFor("quarter", now);
  const quarters: Period[] = [];
  let day = current.startsOn;
  for (let i = 0; i < 12; i++) {
    const before = new Date(`${day}T00:00:00Z`);
    before.setUTCDate(before.getUTCDate() - 1);
    const quarter = periodFor("quarter", before);
    quarters.unshift(quarter);
    day = quarter.startsOn;
  }
  return quarters;
}

/**
 * Members with figures in the open quarter already: the report shows their count and no
 * statistic (fewer than five firms, and the quarter is not published before its due date).
 */
export const DEMO_OPEN_QUARTER_REPORTED = ["swartkops-castings", "coega-wire-harness"] as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (date: string, hours: number) => new Date(new Date(`${date}T00:00:00Z`).getTime() + hours * HOUR);
const addDays = (date: string, days: number) => new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
const startOfDay = (date: Date) => new Date(`${date.toISOString().slice(0, 10)}T00:00:00Z`);

/** The helpers of demo.ts this seed shares (passed in, so the two modules do not import each other). */
export interface DemoHelpers {
  demoId: (name: string) => string;
  password: string;
}

/** Seeds the Eastern Cape network and its benchmarking club inside the demo's transaction. */
export async function seedLearningDemo(tx: Tx, now: Date, helpers: DemoHelpers): Promise<void> {
  const { demoId } = helpers;
  const firmId = (key: string) => demoId(`firm:${key}`);
  const networkId = demoId(`network:${DEMO_LEARNING_NETWORK.key}`);
  const initiativeId = demoId(`initiative:${DEMO_CLUB.key}`);
  const quarters = demoQuarters(now);
  const today = startOfDay(now);
  const todayIso = today.toISOString().slice(0, 10);
  // The network was founded a month before the first quarter the club reports.
  const founded = at(addDays(quarters[0].startsOn, -30), 9);

  await ensureShippedKpis(tx);

  // --- Firms, people, network ---------------------------------------------------------------
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
        id: firmId(AGENCY.key),
        kind: "agency" as const,
        name: AGENCY.name,
        description: AGENCY.description,
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
    .values(DEMO_LEARNING_SMES.flatMap((s) => s.certifications.map((code) => ({ id: demoId(`certification:${s.key}:${code}`), firmId: firmId(s.key), code, expiresOn: "2028-06-30" }))))
    .onConflictDoNothing();
  await tx
    .insert(firmCapacity)
    .values(DEMO_LEARNING_SMES.map((s) => ({ id: demoId(`capacity:${s.key}:0`), firmId: firmId(s.key), ...s.capacity })))
    .onConflictDoNothing();

  const userIds = new Map<string, string>();
  for (const login of LOGINS) {
    const [existing] = await tx.select({ id: user.id }).from(user).where(eq(user.email, login.email));
    const userId = existing?.id ?? (await insertAccount(tx, { name: login.name, email: login.email, password: helpers.password, role: login.role })).id;
    userIds.set(login.email, userId);
    await tx
      .insert(firmMember)
      .values({ id: demoId(`member:${login.email}`), firmId: firmId(login.firmKey), userId, status: "active", isOwner: true, createdAt: founded, decidedAt: founded })
      .onConflictDoNothing();
    await tx
      .insert(notification)
      .values({ id: demoId(`notification:${login.email}:welcome`), userId, type: "welcome", params: {}, href: "/home", createdAt: now })
      .onConflictDoNothing();
  }
  const brokerId = userIds.get(BROKER_EMAIL)!;
  const userOfFirm = (key: string) => {
    const login = LOGINS.find((l) => l.firmKey === key);
    return login ? userIds.get(login.email)! : null;
  };
  const nameOfFirm = (key: string) => LOGINS.find((l) => l.firmKey === key)?.name ?? DEMO_LEARNING_SMES.find((s) => s.key === key)!.contact;

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
    .values({ id: demoId(`network-broker:${DEMO_LEARNING_NETWORK.key}:${BROKER_EMAIL}`), networkId, userId: brokerId, createdAt: founded })
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
          consentedBy: userOfFirm(s.key),
          requestedBy: brokerId,
          createdAt: new Date(joinedAt.getTime() - 2 * DAY),
          updatedAt: joinedAt,
        };
      }),
    )
    .onConflictDoNothing();

  const log: Array<typeof activity.$inferInsert> = [];
  const record = (key: string, createdAt: Date, actor: { userId: string | null; name: string; firmKey: string }, entry: { action: string; initiative?: boolean; before?: Record<string, unknown>; after?: Record<string, unknown> }) =>
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
    });
  const broker = { userId: brokerId, name: LOGINS[0].name, firmKey: AGENCY.key };
  record("network:created", founded, broker, { action: "network.created", after: { name: DEMO_LEARNING_NETWORK.name } });
  DEMO_LEARNING_SMES.forEach((s, i) =>
    record(`member:${s.key}:joined`, new Date(founded.getTime() + (2 + i) * DAY), { userId: userOfFirm(s.key), name: nameOfFirm(s.key), firmKey: s.key }, {
      action: "member.joined",
      before: { status: "invited" },
      after: { status: "active", consent: true, via: "invitation" },
    }),
  );

  // --- The club ------------------------------------------------------------------------------
  const created = new Date(founded.getTime() + 12 * DAY);
  const opened = new Date(created.getTime() + 2 * DAY);
  const clubMembers = DEMO_LEARNING_SMES.filter((s) => !s.outsideClub);
  await tx
    .insert(initiative)
    .values({
      id: initiativeId,
      networkId,
      objective: "learning_network",
      title: DEMO_CLUB.title,
      description: DEMO_CLUB.description,
      // The date to join by: new members are still welcome.
      deadline: new Date(today.getTime() + 61 * DAY - 1000),
      shareQuantities: false,
      status: "open",
      createdBy: brokerId,
      createdAt: created,
      updatedAt: opened,
    })
    .onConflictDoNothing();
  await tx.insert(benchmarkClub).values({ initiativeId, periodKind: "quarter", updatedAt: now }).onConflictDoNothing();
  const kpiRows = await tx.select({ id: kpiDefinition.id, key: kpiDefinition.key }).from(kpiDefinition).where(inArray(kpiDefinition.key, [...DEMO_CLUB.kpis]));
  const kpiId = (key: string) => kpiRows.find((k) => k.key === key)!.id;
  await tx
    .insert(benchmarkClubKpi)
    .values(DEMO_CLUB.kpis.map((key, position) => ({ initiativeId, kpiId: kpiId(key), position })))
    .onConflictDoNothing();
  await tx
    .insert(initiativeParticipant)
    .values(
      clubMembers.map((s, i) => ({
        id: demoId(`participant:${DEMO_CLUB.key}:${s.key}`),
        initiativeId,
        firmId: firmId(s.key),
        joinedBy: userOfFirm(s.key),
        createdAt: new Date(opened.getTime() + (1 + i) * DAY),
      })),
    )
    .onConflictDoNothing();
  record("club:created", created, broker, { action: "initiative.created", initiative: true, after: { title: DEMO_CLUB.title, objective: "learning_network", status: "draft", periodKind: "quarter", kpis: DEMO_CLUB.kpis.length } });
  record("club:open", opened, broker, { action: "initiative.open", initiative: true, before: { status: "draft" }, after: { status: "open" } });
  clubMembers.forEach((s, i) =>
    record(`club:${s.key}:joined`, new Date(opened.getTime() + (1 + i) * DAY), { userId: userOfFirm(s.key), name: nameOfFirm(s.key), firmKey: s.key }, { action: "participant.joined", initiative: true }),
  );

  // --- Twelve quarters: eleven closed, the last open ------------------------------------------
  const periods: Array<typeof benchmarkPeriod.$inferInsert> = [];
  const submissions: Array<typeof kpiSubmission.$inferInsert> = [];
  quarters.forEach((quarter, t) => {
    const last = t === quarters.length - 1;
    const periodId = demoId(`benchmark-period:${DEMO_CLUB.key}:${quarter.label}`);
    const openedAt = at(addDays(quarter.endsOn, 1), 8);
    // The open quarter is due a fortnight from the seed's clock, the others a month after they ended.
    const due = last ? addDays(todayIso, 14) : submissionDue(quarter.endsOn);
    periods.push({
      id: periodId,
      initiativeId,
      label: quarter.label,
      startsOn: quarter.startsOn,
      endsOn: quarter.endsOn,
      submissionDue: due,
      status: last ? "open" : "closed",
      openedAt,
      closedAt: last ? null : at(addDays(due, 3), 16),
      dueNoticeAt: last ? null : at(addDays(due, -7), 6),
      // Closed quarters were published automatically the day after their due date.
      duePublishedAt: last ? null : at(addDays(due, 1), 6),
    });
    record(`period:${quarter.label}:opened`, openedAt, broker, { action: "benchmark.period_opened", initiative: true, after: { period: quarter.label, submissionDue: due } });
    if (!last) record(`period:${quarter.label}:closed`, at(addDays(due, 3), 16), broker, { action: "benchmark.period_closed", initiative: true, after: { period: quarter.label } });
    clubMembers.forEach((s, i) => {
      if (last && !(DEMO_OPEN_QUARTER_REPORTED as readonly string[]).includes(s.key)) return;
      for (const key of DEMO_CLUB.kpis) {
        if (!last && demoMissed(s.key, key, t)) continue;
        const value = demoKpiValue(s.key, s.standing, key, t);
        const submittedAt = last ? new Date(today.getTime() - (3 - i) * DAY + 10 * HOUR) : at(addDays(quarter.endsOn, 8 + ((i * 3) % 17)), 10 + (i % 6));
        submissions.push({
          id: demoId(`kpi-submission:${DEMO_CLUB.key}:${quarter.label}:${s.key}:${key}`),
          periodId,
          kpiId: kpiId(key),
          firmId: firmId(s.key),
          value,
          submittedBy: userOfFirm(s.key),
          createdAt: submittedAt,
          updatedAt: submittedAt,
        });
      }
    });
  });
  await tx.insert(benchmarkPeriod).values(periods).onConflictDoNothing();
  await tx.insert(kpiSubmission).values(submissions).onConflictDoNothing();

  // The closed quarters' publications: quartiles where five or more members reported, computed
  // by the same rules as the service (the closing found no new firms, so it kept them).
  const rule = disclosureRule(5);
  const publications: Array<typeof benchmarkPublication.$inferInsert> = [];
  for (const period of periods) {
    if (period.status !== "closed") continue;
    for (const key of DEMO_CLUB.kpis) {
      const cell = submissions.filter((x) => x.periodId === period.id && x.kpiId === kpiId(key));
      const step = publicationStep(null, cell.map((x) => ({ firmId: x.firmId, value: x.value })), rule);
      const { n, quartiles, tails } = step.figures!;
      publications.push({
        id: demoId(`benchmark-publication:${DEMO_CLUB.key}:${period.label}:${key}`),
        periodId: period.id!,
        kpiId: kpiId(key),
        n,
        p25: quartiles?.p25 ?? null,
        median: quartiles?.median ?? null,
        p75: quartiles?.p75 ?? null,
        p10: tails?.p10 ?? null,
        p90: tails?.p90 ?? null,
        contributorFirmIds: step.contributorFirmIds,
        publishedAt: period.duePublishedAt!,
        publishedBy: null,
      });
    }
  }
  await tx.insert(benchmarkPublication).values(publications).onConflictDoNothing();

  // References at the end of each year of the club: the fourth, eighth and eleventh quarter.
  const references: Array<typeof kpiReference.$inferInsert> = [];
  [3, 7, 10].forEach((t, n) => {
    const quarter = quarters[t];
    const year = Number(quarter.label.slice(0, 4));
    for (const [key, reference] of Object.entries(REFERENCES)) {
      const source = `${reference.source} (${year - 1})`;
      references.push({
        id: demoId(`kpi-reference:${DEMO_CLUB.key}:${quarter.label}:${key}`),
        periodId: demoId(`benchmark-period:${DEMO_CLUB.key}:${quarter.label}`),
        kpiId: kpiId(key),
        value: reference.values[n],
        source,
        createdBy: brokerId,
        createdAt: at(addDays(quarter.endsOn, 2), 9),
      });
    }
  });
  await tx.insert(kpiReference).values(references).onConflictDoNothing();

  // --- Meetings at members' plants ------------------------------------------------------------
  const meetings: Array<typeof clubMeeting.$inferInsert & { id: string }> = [];
  const meeting = (key: string, values: Omit<typeof clubMeeting.$inferInsert, "id" | "initiativeId">) => {
    const row = { id: demoId(`club-meeting:${DEMO_CLUB.key}:${key}`), initiativeId, ...values };
    meetings.push(row);
    return row;
  };
  const earlierDay = new Date(today.getTime() - 230 * DAY);
  const earlier = meeting("inventory-workshop", {
    title: "Best-in-class workshop: inventory control at Swartkops Castings",
    hostFirmId: firmId("swartkops-castings"),
    startsAt: new Date(earlierDay.getTime() + 7 * HOUR),
    endsAt: new Date(earlierDay.getTime() + 12 * HOUR),
    place: "Swartkops Castings, 14 Foundry Road, Deal Party, Gqeberha",
    agenda:
      "1. Swartkops Castings: how pull signals from the machining line cut work in progress by half\n2. Tour of the moulding line and the kanban board\n3. Each member names one inventory action for the next quarter",
    minutes:
      "Eleven people from seven members. Swartkops showed its two-bin kanban between the moulding and fettling lines and the weekly count of work in progress; its inventory turns rose from under 14 to about 17 since the club began. Members with the lowest turns asked for help with supplier lead times; Swartkops offered its supplier scorecard.",
    status: "held",
    createdBy: brokerId,
    createdAt: new Date(earlierDay.getTime() - 21 * DAY),
    updatedAt: new Date(earlierDay.getTime() + 2 * DAY),
    reminderNoticeAt: new Date(earlierDay.getTime() - 2 * DAY),
  });
  const recentDay = new Date(today.getTime() - 40 * DAY);
  const recent = meeting("quality-workshop", {
    title: "Best-in-class workshop: zero defects at Nahoon Filters",
    hostFirmId: firmId("nahoon-filters"),
    startsAt: new Date(recentDay.getTime() + 7 * HOUR),
    endsAt: new Date(recentDay.getTime() + 11 * HOUR),
    place: "Nahoon Filters, 3 Chiselhurst Road, East London",
    agenda: "1. Nahoon Filters: poka-yoke on the pleating line\n2. Customer reject analysis, member by member (each its own)\n3. Scrap and defects: where the club stands against international competitors",
    minutes:
      "Nine people from six members. Nahoon walked the group through its error-proofing of the pleating and end-cap lines, which took its customer defects from over 1,000 ppm to under 200. The club's median scrap fell from about 3% to under 0.8% in three years and the tail is much shorter, but the members at the end of it still scrap about twice the median. Agreed actions below.",
    status: "held",
    createdBy: brokerId,
    createdAt: new Date(recentDay.getTime() - 25 * DAY),
    updatedAt: new Date(recentDay.getTime() + 1 * DAY),
    reminderNoticeAt: new Date(recentDay.getTime() - 2 * DAY),
  });
  const nextDay = new Date(today.getTime() + 12 * DAY);
  const next = meeting("changeover-visit", {
    title: "Plant visit: quick changeovers at Algoa Pistons & Rings",
    hostFirmId: firmId("algoa-pistons"),
    startsAt: new Date(nextDay.getTime() + 7 * HOUR),
    endsAt: new Date(nextDay.getTime() + 12 * HOUR),
    place: "Algoa Pistons & Rings, 27 Neave Industrial Township, Gqeberha",
    agenda:
      "1. Algoa Pistons: single-minute exchange of dies on the casting cells (set-up time halved in three years, to about 7% of production time)\n2. Walk-through of the machining line changeover\n3. Members' set-up plans for next quarter\n4. Lunch",
    status: "scheduled",
    createdBy: brokerId,
    createdAt: new Date(today.getTime() - 9 * DAY),
    updatedAt: new Date(today.getTime() - 9 * DAY),
  });
  await tx.insert(clubMeeting).values(meetings).onConflictDoNothing();
  for (const m of meetings) {
    record(`meeting:${m.id}:scheduled`, m.createdAt!, broker, { action: "club.meeting_scheduled", initiative: true, after: { title: m.title, startsAt: m.startsAt.toISOString(), place: m.place } });
    if (m.status === "held") record(`meeting:${m.id}:held`, m.updatedAt!, broker, { action: "club.meeting_held", initiative: true, before: { status: "scheduled" }, after: { status: "held" } });
  }

  const attendance: Array<typeof meetingAttendance.$inferInsert> = [];
  const answer = (m: { id: string; createdAt?: Date }, email: string, firmKey: string, response: "yes" | "no") =>
    attendance.push({ meetingId: m.id, userId: userIds.get(email)!, firmId: firmId(firmKey), response, updatedAt: new Date(m.createdAt!.getTime() + 3 * DAY) });
  for (const m of [earlier, recent]) {
    answer(m, BROKER_EMAIL, AGENCY.key, "yes");
    answer(m, "pistons@jointly.example", "algoa-pistons", "yes");
    answer(m, "castings@jointly.example", "swartkops-castings", "yes");
  }
  answer(next, BROKER_EMAIL, AGENCY.key, "yes");
  answer(next, "castings@jointly.example", "swartkops-castings", "yes");
  await tx.insert(meetingAttendance).values(attendance).onConflictDoNothing();

  const actions: Array<typeof meetingAction.$inferInsert> = [
    {
      id: demoId(`meeting-action:${DEMO_CLUB.key}:supplier-scorecard`),
      meetingId: earlier.id,
      description: "Share the supplier scorecard template with every member",
      ownerFirmId: firmId("swartkops-castings"),
      dueOn: addDays(earlierDay.toISOString().slice(0, 10), 21),
      status: "done",
      createdAt: new Date(earlierDay.getTime() + 1 * DAY),
    },
    {
      id: demoId(`meeting-action:${DEMO_CLUB.key}:reject-analysis`),
      meetingId: recent.id,
      description: "Run a customer reject analysis with the tier-one supplier and bring the top three causes to the next workshop",
      ownerFirmId: firmId("buffalo-city-pressings"),
      dueOn: addDays(todayIso, 10),
      status: "open",
      createdAt: new Date(recentDay.getTime() + 1 * DAY),
    },
    {
      id: demoId(`meeting-action:${DEMO_CLUB.key}:poka-yoke-visit`),
      meetingId: recent.id,
      description: "Host Markman Rubber for a day on the pleating line's error-proofing",
      ownerFirmId: firmId("nahoon-filters"),
      dueOn: addDays(todayIso, 25),
      status: "open",
      createdAt: new Date(recentDay.getTime() + 1 * DAY),
    },
    {
      id: demoId(`meeting-action:${DEMO_CLUB.key}:scrap-plan`),
      meetingId: recent.id,
      description: "Each member in the club's last quarter on scrap writes a three-month scrap reduction plan",
      ownerFirmId: firmId("markman-rubber"),
      dueOn: addDays(todayIso, 40),
      status: "open",
      createdAt: new Date(recentDay.getTime() + 1 * DAY),
    },
  ];
  await tx.insert(meetingAction).values(actions).onConflictDoNothing();

  await tx.insert(activity).values(log).onConflictDoNothing();
}
