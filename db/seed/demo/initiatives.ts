import type { SplitRule } from "../../../server/domain/cost-split";
import type { InitiativeStatus, Objective } from "../../../server/domain/initiative";
import { fundingSource, initiative, initiativeBudget, initiativeParticipant } from "../../schema/initiatives";
import { dayAt, endOfDay } from "./clock";
import { demoId, firmId } from "./ids";
import { DEMO_NETWORK, type NetworkStory } from "./network";

/** What every initiative of the network does: its row, its transitions and its participants. */

export interface Timeline {
  created: Date;
  opened: Date | null;
  /** When each participant joined, in order; each commits 25 minutes later. */
  joined: Date[];
  deadline: Date;
  locked?: Date;
}

export async function insertInitiative(
  story: NetworkStory,
  key: string,
  values: { objective: Objective; title: string; description: string; status: InitiativeStatus },
  timeline: Timeline,
): Promise<string> {
  const { tx, networkId, brokerId, broker, record } = story;
  const id = demoId(`initiative:${key}`);
  await tx
    .insert(initiative)
    .values({
      id,
      networkId,
      ...values,
      deadline: timeline.deadline,
      shareQuantities: false,
      createdBy: brokerId,
      createdAt: timeline.created,
      updatedAt: timeline.locked ?? timeline.opened ?? timeline.created,
    })
    .onConflictDoNothing();
  record(`initiative:${key}:created`, timeline.created, broker, {
    initiativeId: id,
    action: "initiative.created",
    after: { title: values.title, objective: values.objective, status: "draft" },
  });
  return id;
}

export const recordTransition = (
  story: NetworkStory,
  key: string,
  initiativeId: string,
  at: Date,
  from: InitiativeStatus,
  to: InitiativeStatus,
) =>
  story.record(`initiative:${key}:${to}`, at, story.broker, {
    initiativeId,
    action: `initiative.${to}`,
    before: { status: from },
    after: { status: to },
  });

export async function insertParticipants(
  story: NetworkStory,
  key: string,
  initiativeId: string,
  firmKeys: string[],
  joined: Date[],
): Promise<void> {
  const { tx, personOf, record } = story;
  await tx
    .insert(initiativeParticipant)
    .values(
      firmKeys.map((firmKey, i) => ({
        id: demoId(`participant:${key}:${firmKey}`),
        initiativeId,
        firmId: firmId(firmKey),
        joinedBy: personOf(firmKey).userId,
        createdAt: joined[i],
      })),
    )
    .onConflictDoNothing();
  firmKeys.forEach((firmKey, i) =>
    record(`participant:${key}:${firmKey}:joined`, joined[i], personOf(firmKey), { initiativeId, action: "participant.joined" }),
  );
}

interface BudgetSeed {
  key: string;
  objective: Objective;
  status: Extract<InitiativeStatus, "draft" | "open">;
  title: string;
  description: string;
  budgetMinor: number;
  splitRule: SplitRule;
  /** SEBRAE's share, in basis points (SEBRAE paid half a small firm's fair cost: 003:1099). */
  sebraeBasisPoints: number;
  participantKeys: string[];
}

export const DEMO_CONSULTANT: BudgetSeed = {
  key: "lean-consultant",
  objective: "process_improvement",
  status: "open",
  title: "Shared lean-production consultant",
  description:
    "A lean-manufacturing consultant shared for six months: value-stream mapping, set-up time reduction and cell layout at each participant's plant. SEBRAE funds half; the rest is split by headcount.",
  budgetMinor: 4_800_000,
  splitRule: "by_employees",
  sebraeBasisPoints: 5_000,
  participantKeys: ["solados-pampa", "calcados-sapiranga-modas", "calcados-parobe-kids", "atelier-tres-coroas", "palmilhas-confort-sul"],
};

async function seedBudgetInitiative(story: NetworkStory, seed: BudgetSeed, timeline: Timeline): Promise<string> {
  const { tx, broker, record } = story;
  const id = await insertInitiative(
    story,
    seed.key,
    { objective: seed.objective, title: seed.title, description: seed.description, status: seed.status },
    timeline,
  );
  await tx
    .insert(initiativeBudget)
    .values({
      initiativeId: id,
      budgetMinor: seed.budgetMinor,
      currency: DEMO_NETWORK.currency,
      splitRule: seed.splitRule,
      updatedAt: timeline.created,
    })
    .onConflictDoNothing();
  await tx
    .insert(fundingSource)
    .values({
      id: demoId(`funding:${seed.key}:sebrae`),
      initiativeId: id,
      sponsor: "SEBRAE",
      kind: "percent",
      percentBasisPoints: seed.sebraeBasisPoints,
      position: 0,
    })
    .onConflictDoNothing();
  record(`initiative:${seed.key}:budget`, new Date(timeline.created.getTime() + 10 * 60_000), broker, {
    initiativeId: id,
    action: "budget.set",
    after: { budgetMinor: seed.budgetMinor, currency: DEMO_NETWORK.currency, splitRule: seed.splitRule, fundingSources: 1 },
  });
  if (timeline.opened) recordTransition(story, seed.key, id, timeline.opened, "draft", "open");
  if (seed.participantKeys.length > 0) await insertParticipants(story, seed.key, id, seed.participantKeys, timeline.joined);
  return id;
}

/** The shared consultant: opened three weeks ago, five participants so far. */
export async function seedConsultant(story: NetworkStory): Promise<void> {
  const { today } = story;
  await seedBudgetInitiative(story, DEMO_CONSULTANT, {
    created: dayAt(today, -20, 10),
    opened: dayAt(today, -19, 9),
    joined: [dayAt(today, -18, 10), dayAt(today, -17, 14), dayAt(today, -15, 11), dayAt(today, -10, 16), dayAt(today, -3, 10)],
    deadline: endOfDay(today, 21),
  });
}
