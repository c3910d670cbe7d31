import type { Tx } from "../client";
import { initiative, initiativeParticipant } from "../schema/initiatives";
import { fair, stand, standLead, standSpace, standSubsidy, standTask } from "../schema/stands";
import type { SpaceStatus } from "../../server/domain/stand-space";
import { LEAD_BUYER_TYPES } from "../../server/domain/stand-lead";
import { STAND_TASK_CATEGORIES, STAND_TASK_STATUSES } from "../../server/domain/stand-tasks";

/**
 * The demo network's joint stand at a Düsseldorf shoe fair (issue 5 section 6; DOMAIN.md "Joint
 * trade-fair stand"): "only 7 of 1,612 exhibitors" at the 1997 fair were Brazilian, and SEBRAE
 * paid half of small firms' costs (003:1099). A 40 m² stand split by area, SEBRAE's 50% for
 * firms up to 99 employees; opened ten days ago and nearly full (36 of 40 m² held by five
 * members, Passo Firme's space confirmed, the others awaiting the broker), two larger requests
 * on the waiting list, the preparations under way (one task done, one overdue) and the first
 * buyers booked for meetings at the stand through the fair's matchmaking: European and Latin
 * American importers and retailers, none of them the US chain the valley depends on.
 *
 * Dates follow the seed's clock so the fair is always ahead: booking closes in three weeks, the
 * fair opens in eleven. Ids derive from stable keys and every insert ignores conflicts, so a
 * second run changes nothing.
 */

interface Person {
  userId: string | null;
  name: string;
  firmKey: string;
}

export interface DemoStandContext {
  now: Date;
  networkId: string;
  broker: Person;
  firmId: (key: string) => string;
  demoId: (name: string) => string;
  /** The firm's demo login when it has one, else its named contact. */
  personOf: (firmKey: string) => Person;
  /** Appends to the network's activity log (written with the rest of the network). */
  record: (
    key: string,
    createdAt: Date,
    actor: Person,
    entry: { initiativeId?: string; firmKey?: string; action: string; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null },
  ) => void;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const startOfDay = (date: Date) => {
  const day = new Date(date);
  day.setUTCHours(0, 0, 0, 0);
  return day;
};
const dayAt = (day: Date, days: number, hours: number) => new Date(day.getTime() + days * DAY + hours * HOUR);
const isoDay = (day: Date, days: number) => new Date(day.getTime() + days * DAY).toISOString().slice(0, 10);

export const DEMO_FAIR = {
  key: "dusseldorf-shoe-fair",
  name: "GDS Düsseldorf shoe fair",
  venue: "Messe Düsseldorf, Hall 8b",
  city: "Düsseldorf",
  country: "DE",
  organiser: "Messe Düsseldorf GmbH",
  website: "https://www.messe-duesseldorf.de",
  /** Days after the seed's clock the fair opens; it runs three days. */
  startsInDays: 78,
  days: 3,
};

/** A space on the stand, in the order the requests came in. */
interface SpaceSeed {
  firmKey: string;
  areaDm2: number;
  status: Extract<SpaceStatus, "requested" | "confirmed" | "waiting">;
  /** Days before the seed's clock the request came in. */
  daysAgo: number;
}

export const DEMO_STAND = {
  key: "dusseldorf-stand",
  title: "Joint stand at the Düsseldorf shoe fair",
  description:
    "A 40 m² shared stand for the valley's manufacturers at the GDS shoe fair in Düsseldorf: space, stand building, sample freight, an interpreter and the collective 'Sinos Valley – Brazilian footwear' label. At the 1997 fair only 7 of 1,612 exhibitors were Brazilian. SEBRAE pays half for firms of up to 99 employees; the cost is split by area. A way to meet buyers beyond the one US chain most of us sell to.",
  areaDm2: 4_000,
  frontageDm: 80,
  minAreaDm2: 300,
  /** R$ 160,000.00: 40 m² of space, the stand build, freight, interpreter and label. */
  totalCostMinor: 16_000_000,
  currency: "BRL",
  /** Booking closes at the end of this day after the seed's clock. */
  deadlineInDays: 21,
  openedDaysAgo: 10,
  spaces: [
    { firmKey: "passo-firme", areaDm2: 1_200, status: "confirmed", daysAgo: 9 },
    { firmKey: "calcados-ferraresi", areaDm2: 900, status: "requested", daysAgo: 8 },
    { firmKey: "calcados-estrela-do-vale", areaDm2: 600, status: "requested", daysAgo: 7 },
    { firmKey: "atelier-tres-coroas", areaDm2: 500, status: "requested", daysAgo: 5 },
    { firmKey: "calcados-sapiranga-modas", areaDm2: 400, status: "requested", daysAgo: 4 },
    { firmKey: "calcados-bella-sinos", areaDm2: 800, status: "waiting", daysAgo: 3 },
    { firmKey: "calcados-parobe-kids", areaDm2: 600, status: "waiting", daysAgo: 1 },
  ] satisfies SpaceSeed[],
};

type Category = (typeof STAND_TASK_CATEGORIES)[number];
type TaskStatus = (typeof STAND_TASK_STATUSES)[number];
/** Owner: the broker, or a firm's demo login / contact person (by firm key). */
export const DEMO_STAND_TASKS: ReadonlyArray<{ key: string; title: string; category: Category; owner: "broker" | string; dueInDays: number; status: TaskStatus }> = [
  { key: "label", title: "Collective label 'Sinos Valley – Brazilian footwear' for the stand fascia", category: "collective_label", owner: "broker", dueInDays: -6, status: "done" },
  { key: "catalogue", title: "Joint catalogue in English, German and Spanish with each exhibitor's range", category: "catalogue", owner: "broker", dueInDays: -2, status: "in_progress" },
  { key: "design", title: "Stand design brief to the stand builder (layout by area, shelving, meeting table)", category: "stand_design", owner: "atelier-tres-coroas", dueInDays: 12, status: "in_progress" },
  { key: "visas", title: "Schengen visas and flights for the exhibitors' teams", category: "travel", owner: "calcados-ferraresi", dueInDays: 30, status: "todo" },
  { key: "samples", title: "Samples to the freight forwarder for sea freight to Düsseldorf", category: "samples", owner: "passo-firme", dueInDays: 40, status: "todo" },
];

type BuyerType = (typeof LEAD_BUYER_TYPES)[number];
/** Buyers booked for meetings at the stand through the fair's matchmaking; none is the US chain. */
export const DEMO_STAND_LEADS: ReadonlyArray<{
  key: string;
  firmKey: string;
  buyerName: string;
  country: string;
  buyerType: BuyerType;
  products: string;
  nextStep: string;
  followUpInDays: number | null;
  contactEmail: string | null;
  invited?: boolean;
  daysAgo: number;
}> = [
  {
    key: "lindner",
    firmKey: "calcados-ferraresi",
    buyerName: "Schuhhaus Lindner GmbH",
    country: "DE",
    buyerType: "retailer",
    products: "Women's ankle boots in calf leather, 2,000 to 3,000 pairs a season",
    nextStep: "Meeting at the stand on day 1; bring the AW27 boot samples and a price list in euros",
    followUpInDays: 78,
    contactEmail: "einkauf@schuhhaus-lindner.example",
    daysAgo: 6,
  },
  {
    key: "andina",
    firmKey: "calcados-ferraresi",
    buyerName: "Importadora Andina S.A.",
    country: "CL",
    buyerType: "importer",
    products: "Men's casual leather shoes for department stores in Chile and Peru",
    nextStep: "Send the FOB price list in dollars before the fair",
    followUpInDays: 14,
    contactEmail: null,
    daysAgo: 4,
  },
  {
    key: "del-plata",
    firmKey: "passo-firme",
    buyerName: "Calzados del Plata S.R.L.",
    country: "AR",
    buyerType: "distributor",
    products: "Passo Firme branded sandals for 120 shoe shops in Argentina and Uruguay",
    nextStep: "Draft distribution agreement; invited to Jointly to follow the range",
    followUpInDays: 20,
    contactEmail: "compras@delplata.example",
    invited: true,
    daysAgo: 5,
  },
  {
    key: "nordsko",
    firmKey: "passo-firme",
    buyerName: "Nordsko AB",
    country: "SE",
    buyerType: "retailer",
    products: "Women's leather sandals and mules, spring–summer",
    nextStep: "Meeting at the stand on day 2",
    followUpInDays: 79,
    contactEmail: null,
    daysAgo: 2,
  },
  {
    key: "duclos",
    firmKey: "atelier-tres-coroas",
    buyerName: "Maison Duclos",
    country: "FR",
    buyerType: "brand",
    products: "Hand-stitched loafers for its own label, small runs of 300 to 500 pairs",
    nextStep: "Share the stitching samples' photos; meeting on day 1",
    followUpInDays: 78,
    contactEmail: null,
    daysAgo: 3,
  },
];

/** Seeds the fair, the stand and its space, tasks and leads (called from seedNetwork). */
export async function seedDemoStand(tx: Tx, ctx: DemoStandContext): Promise<string> {
  const { demoId, firmId, broker, record } = ctx;
  const today = startOfDay(ctx.now);
  const fairId = demoId(`fair:${DEMO_FAIR.key}`);
  const id = demoId(`initiative:${DEMO_STAND.key}`);
  const created = dayAt(today, -DEMO_STAND.openedDaysAgo - 2, 15);
  const opened = dayAt(today, -DEMO_STAND.openedDaysAgo, 9);

  await tx
    .insert(fair)
    .values({
      id: fairId,
      name: DEMO_FAIR.name,
      venue: DEMO_FAIR.venue,
      city: DEMO_FAIR.city,
      country: DEMO_FAIR.country,
      startsOn: isoDay(today, DEMO_FAIR.startsInDays),
      endsOn: isoDay(today, DEMO_FAIR.startsInDays + DEMO_FAIR.days - 1),
      organiser: DEMO_FAIR.organiser,
      website: DEMO_FAIR.website,
      createdBy: broker.userId,
      createdAt: created,
      updatedAt: created,
    })
    .onConflictDoNothing();
  await tx
    .insert(initiative)
    .values({
      id,
      networkId: ctx.networkId,
      objective: "joint_selling",
      title: DEMO_STAND.title,
      description: DEMO_STAND.description,
      status: "open",
      deadline: new Date(today.getTime() + (DEMO_STAND.deadlineInDays + 1) * DAY - 1000),
      shareQuantities: false,
      createdBy: broker.userId,
      createdAt: created,
      updatedAt: opened,
    })
    .onConflictDoNothing();
  const holding = DEMO_STAND.spaces.filter((s) => s.status !== "waiting");
  const allocatedDm2 = holding.reduce((sum, s) => sum + s.areaDm2, 0);
  await tx
    .insert(stand)
    .values({
      initiativeId: id,
      fairId,
      areaDm2: DEMO_STAND.areaDm2,
      frontageDm: DEMO_STAND.frontageDm,
      allocatedDm2,
      minAreaDm2: DEMO_STAND.minAreaDm2,
      totalCostMinor: DEMO_STAND.totalCostMinor,
      currency: DEMO_STAND.currency,
      splitRule: "by_area",
      fixedFeeMinor: null,
      shareCosts: false,
      shareLeads: true,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing();
  await tx
    .insert(standSubsidy)
    .values({ id: demoId(`stand-subsidy:${DEMO_STAND.key}:sebrae`), initiativeId: id, sponsor: "SEBRAE", kind: "percent", percentBasisPoints: 5_000, maxEmployees: 99, position: 0 })
    .onConflictDoNothing();
  record(`initiative:${DEMO_STAND.key}:created`, created, broker, {
    initiativeId: id,
    action: "initiative.created",
    after: { title: DEMO_STAND.title, objective: "joint_selling", status: "draft", areaDm2: DEMO_STAND.areaDm2 },
  });
  record(`initiative:${DEMO_STAND.key}:open`, opened, broker, { initiativeId: id, action: "initiative.open", before: { status: "draft" }, after: { status: "open" } });

  // Requests in the order they came in; the waiting ones asked for more than was free.
  let allocated = 0;
  for (const [index, s] of DEMO_STAND.spaces.entries()) {
    const at = dayAt(today, -s.daysAgo, 10 + (index % 5));
    const person = ctx.personOf(s.firmKey);
    await tx
      .insert(initiativeParticipant)
      .values({ id: demoId(`participant:${DEMO_STAND.key}:${s.firmKey}`), initiativeId: id, firmId: firmId(s.firmKey), joinedBy: person.userId, createdAt: at })
      .onConflictDoNothing();
    const waits = s.status === "waiting";
    if (waits && s.areaDm2 <= DEMO_STAND.areaDm2 - allocated) throw new Error(`demo seed: ${s.firmKey} would fit, it cannot wait`);
    if (!waits) allocated += s.areaDm2;
    await tx
      .insert(standSpace)
      .values({
        id: demoId(`stand-space:${DEMO_STAND.key}:${s.firmKey}`),
        initiativeId: id,
        firmId: firmId(s.firmKey),
        requestedDm2: s.areaDm2,
        grantedDm2: waits ? 0 : s.areaDm2,
        status: s.status,
        queuedAt: at,
        requestedBy: person.userId,
        decidedBy: s.status === "confirmed" ? broker.userId : null,
        createdAt: at,
        updatedAt: s.status === "confirmed" ? dayAt(today, -s.daysAgo + 1, 9) : at,
      })
      .onConflictDoNothing();
    record(`participant:${DEMO_STAND.key}:${s.firmKey}:joined`, at, person, { initiativeId: id, action: "participant.joined" });
    record(`stand-space:${DEMO_STAND.key}:${s.firmKey}`, new Date(at.getTime() + 1000), person, {
      initiativeId: id,
      action: waits ? "stand.space_waiting" : "stand.space_requested",
      after: { status: waits ? "waiting" : "requested", areaDm2: s.areaDm2 },
    });
    if (s.status === "confirmed") {
      record(`stand-space:${DEMO_STAND.key}:${s.firmKey}:confirmed`, dayAt(today, -s.daysAgo + 1, 9), broker, {
        initiativeId: id,
        firmKey: s.firmKey,
        action: "stand.space_confirmed",
        before: { status: "requested", areaDm2: s.areaDm2 },
        after: { status: "confirmed", areaDm2: s.areaDm2 },
      });
    }
  }
  if (allocated !== allocatedDm2 || allocated > DEMO_STAND.areaDm2) throw new Error("demo seed: the stand's allocation does not add up");

  const ownerOf = (owner: string) => (owner === "broker" ? broker : ctx.personOf(owner));
  await tx
    .insert(standTask)
    .values(
      DEMO_STAND_TASKS.map((t, i) => ({
        id: demoId(`stand-task:${DEMO_STAND.key}:${t.key}`),
        initiativeId: id,
        title: t.title,
        category: t.category,
        ownerUserId: ownerOf(t.owner).userId,
        dueOn: isoDay(today, t.dueInDays),
        status: t.status,
        createdBy: broker.userId,
        createdAt: dayAt(opened, 0, 1 + i),
        updatedAt: dayAt(opened, 0, 1 + i),
      })),
    )
    .onConflictDoNothing();
  DEMO_STAND_TASKS.forEach((t, i) =>
    record(`stand-task:${DEMO_STAND.key}:${t.key}`, dayAt(opened, 0, 1 + i), broker, {
      initiativeId: id,
      action: "stand.task_added",
      after: { category: t.category, dueOn: isoDay(today, t.dueInDays), status: "todo" },
    }),
  );

  await tx
    .insert(standLead)
    .values(
      DEMO_STAND_LEADS.map((l) => {
        const at = dayAt(today, -l.daysAgo, 16);
        return {
          id: demoId(`stand-lead:${DEMO_STAND.key}:${l.key}`),
          initiativeId: id,
          firmId: firmId(l.firmKey),
          buyerName: l.buyerName,
          country: l.country,
          buyerType: l.buyerType,
          products: l.products,
          nextStep: l.nextStep,
          followUpOn: l.followUpInDays === null ? null : isoDay(today, l.followUpInDays),
          contactEmail: l.contactEmail,
          // A stable token, so a re-run finds the same invitation (never guessable: a hash of the key).
          invitationToken: l.invited ? demoId(`stand-lead-invitation:${l.key}`).replaceAll("-", "") : null,
          invitedAt: l.invited ? new Date(at.getTime() + HOUR) : null,
          loggedBy: ctx.personOf(l.firmKey).userId,
          createdAt: at,
          updatedAt: at,
        };
      }),
    )
    .onConflictDoNothing();
  for (const l of DEMO_STAND_LEADS) {
    const at = dayAt(today, -l.daysAgo, 16);
    record(`stand-lead:${DEMO_STAND.key}:${l.key}`, at, ctx.personOf(l.firmKey), { initiativeId: id, action: "stand.lead_added" });
    if (l.invited) record(`stand-lead:${DEMO_STAND.key}:${l.key}:invited`, new Date(at.getTime() + HOUR), ctx.personOf(l.firmKey), { initiativeId: id, action: "stand.lead_invited" });
  }

  return id;
}
