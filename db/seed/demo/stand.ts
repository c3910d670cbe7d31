import { initiative, initiativeParticipant } from "../../schema/initiatives";
import { fair, stand, standLead, standSpace, standSubsidy, standTask } from "../../schema/stands";
import { DAY, HOUR, dayAt, isoDay } from "./clock";
import { demoId, firmId } from "./ids";
import type { NetworkStory } from "./network";
import { DEMO_FAIR, DEMO_STAND, DEMO_STAND_LEADS, DEMO_STAND_TASKS } from "./stand-data";

/** The joint stand at the Düsseldorf shoe fair, nearly full with a waiting list (stand-data.ts). */

/** The area held by the requests not on the waiting list. */
const heldDm2 = () => DEMO_STAND.spaces.filter((s) => s.status !== "waiting").reduce((sum, s) => sum + s.areaDm2, 0);

interface StandDates {
  id: string;
  created: Date;
  opened: Date;
}

async function seedFair(story: NetworkStory, fairId: string, created: Date): Promise<void> {
  const { tx, today, broker } = story;
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
}

/** The stand's initiative, with its area, costs and SEBRAE's subsidy. */
async function seedStandInitiative(story: NetworkStory, fairId: string, { id, created, opened }: StandDates): Promise<void> {
  const { tx, today, broker, record } = story;
  await tx
    .insert(initiative)
    .values({
      id,
      networkId: story.networkId,
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
  const allocatedDm2 = heldDm2();
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
      updatedAt: story.now,
    })
    .onConflictDoNothing();
  await tx
    .insert(standSubsidy)
    .values({
      id: demoId(`stand-subsidy:${DEMO_STAND.key}:sebrae`),
      initiativeId: id,
      sponsor: "SEBRAE",
      kind: "percent",
      percentBasisPoints: 5_000,
      maxEmployees: 99,
      position: 0,
    })
    .onConflictDoNothing();
  record(`initiative:${DEMO_STAND.key}:created`, created, broker, {
    initiativeId: id,
    action: "initiative.created",
    after: { title: DEMO_STAND.title, objective: "joint_selling", status: "draft", areaDm2: DEMO_STAND.areaDm2 },
  });
  record(`initiative:${DEMO_STAND.key}:open`, opened, broker, {
    initiativeId: id,
    action: "initiative.open",
    before: { status: "draft" },
    after: { status: "open" },
  });
}

/** Requests in the order they came in; the waiting ones asked for more than was free. */
async function seedSpaces(story: NetworkStory, id: string): Promise<void> {
  const { tx, today, broker, record } = story;
  let allocated = 0;
  for (const [index, s] of DEMO_STAND.spaces.entries()) {
    const at = dayAt(today, -s.daysAgo, 10 + (index % 5));
    const person = story.personOf(s.firmKey);
    await tx
      .insert(initiativeParticipant)
      .values({
        id: demoId(`participant:${DEMO_STAND.key}:${s.firmKey}`),
        initiativeId: id,
        firmId: firmId(s.firmKey),
        joinedBy: person.userId,
        createdAt: at,
      })
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
  if (allocated !== heldDm2() || allocated > DEMO_STAND.areaDm2) throw new Error("demo seed: the stand's allocation does not add up");
}

async function seedTasks(story: NetworkStory, { id, opened }: StandDates): Promise<void> {
  const { tx, today, broker, record } = story;
  const ownerOf = (owner: string) => (owner === "broker" ? broker : story.personOf(owner));
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
}

async function seedLeads(story: NetworkStory, id: string): Promise<void> {
  const { tx, today, record } = story;
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
          loggedBy: story.personOf(l.firmKey).userId,
          createdAt: at,
          updatedAt: at,
        };
      }),
    )
    .onConflictDoNothing();
  for (const l of DEMO_STAND_LEADS) {
    const at = dayAt(today, -l.daysAgo, 16);
    record(`stand-lead:${DEMO_STAND.key}:${l.key}`, at, story.personOf(l.firmKey), { initiativeId: id, action: "stand.lead_added" });
    if (l.invited)
      record(`stand-lead:${DEMO_STAND.key}:${l.key}:invited`, new Date(at.getTime() + HOUR), story.personOf(l.firmKey), {
        initiativeId: id,
        action: "stand.lead_invited",
      });
  }
}

export async function seedStand(story: NetworkStory): Promise<void> {
  const { today } = story;
  const fairId = demoId(`fair:${DEMO_FAIR.key}`);
  const dates: StandDates = {
    id: demoId(`initiative:${DEMO_STAND.key}`),
    created: dayAt(today, -DEMO_STAND.openedDaysAgo - 2, 15),
    opened: dayAt(today, -DEMO_STAND.openedDaysAgo, 9),
  };
  await seedFair(story, fairId, dates.created);
  await seedStandInitiative(story, fairId, dates);
  await seedSpaces(story, dates.id);
  await seedTasks(story, dates);
  await seedLeads(story, dates.id);
}
