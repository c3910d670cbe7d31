import { initiativeMessage, jointBuy, jointBuyCommitment } from "../../schema/initiatives";
import type { InitiativeStatus } from "../../../server/domain/initiative";
import { crossedBreak, validateBreaks, type PriceBreak } from "../../../server/domain/price-breaks";
import { dayAt, endOfDay } from "./clock";
import { AGENCY } from "./firms";
import { demoId, firmId } from "./ids";
import { insertInitiative, insertParticipants, recordTransition, type Timeline } from "./initiatives";
import { DEMO_NETWORK, type NetworkStory, type Person } from "./network";

/**
 * The network's joint purchases (003:1105): leather for the 2027 winter collection, running,
 * and adhesives for the summer 2026 season, locked, with the commitments and the discussion.
 */

interface JointBuySeed {
  key: string;
  title: string;
  description: string;
  inputName: string;
  specification: string;
  unit: string;
  supplierKey: string;
  minimumQuantity: number;
  priceBreaks: PriceBreak[];
  /** In the order the firms joined and committed. */
  commitments: Array<{ firmKey: string; quantity: number }>;
}

export const DEMO_RUNNING_JOINT_BUY: JointBuySeed = {
  key: "winter-2027-leather",
  title: "Finished leather for the 2027 winter collection",
  description:
    "Pooling the members' orders of finished upper leather for the 2027 northern-hemisphere winter collection. Curtume Arroio Verde quotes three price breaks; the order goes ahead from 3,000 m². Deliveries from February, in two lots.",
  inputName: "Finished bovine leather, chrome-tanned",
  specification:
    "Full-grain cattle upper leather, thickness 1.2–1.4 mm, colours black and cognac, from an LWG-certified tannery; hides graded A/B and measured on an electronic area machine.",
  unit: "m²",
  supplierKey: "curtume-arroio-verde",
  minimumQuantity: 3_000,
  priceBreaks: [
    { minQuantity: 1, unitPriceMinor: 6_200 },
    { minQuantity: 5_000, unitPriceMinor: 5_650 },
    { minQuantity: 12_000, unitPriceMinor: 5_200 },
  ],
  commitments: [
    { firmKey: "calcados-ferraresi", quantity: 2_200 },
    { firmKey: "passo-firme", quantity: 1_600 },
    { firmKey: "calcados-bella-sinos", quantity: 1_400 },
    { firmKey: "calcados-schmitt", quantity: 1_100 },
    { firmKey: "calcados-igrejinha-boots", quantity: 900 },
    { firmKey: "calcados-estrela-do-vale", quantity: 600 },
  ],
};

export const DEMO_LOCKED_JOINT_BUY: JointBuySeed = {
  key: "summer-2026-adhesives",
  title: "Adhesives for the summer 2026 season",
  description:
    "One order of sole-bonding adhesive for the members' summer 2026 production, delivered in monthly lots from September. Locked after the deadline; the purchase summary went to Sinoscola.",
  inputName: "Solvent-based PU adhesive for sole bonding",
  specification:
    "Two-component polyurethane adhesive, 18–20% solids, with isocyanate hardener, in 18 kg drums; batch certificate with peel strength of at least 5 N/mm on TR soles.",
  unit: "kg",
  supplierKey: "sinoscola-adesivos",
  minimumQuantity: 1_500,
  priceBreaks: [
    { minQuantity: 1, unitPriceMinor: 3_890 },
    { minQuantity: 2_000, unitPriceMinor: 3_450 },
    { minQuantity: 5_000, unitPriceMinor: 3_100 },
  ],
  commitments: [
    { firmKey: "calcados-ferraresi", quantity: 900 },
    { firmKey: "calcados-parobe-kids", quantity: 750 },
    { firmKey: "passo-firme", quantity: 850 },
    { firmKey: "calcados-sapiranga-modas", quantity: 600 },
  ],
};

/** The commitments in the order the firms made them, logging each price break they crossed. */
function commitmentRows(
  story: NetworkStory,
  seed: JointBuySeed,
  id: string,
  timeline: Timeline,
): Array<typeof jointBuyCommitment.$inferInsert> {
  const { personOf, record } = story;
  let total = 0;
  return seed.commitments.map(({ firmKey, quantity }, i) => {
    const committedAt = new Date(timeline.joined[i].getTime() + 25 * 60_000);
    const person = personOf(firmKey);
    const before = total;
    total += quantity;
    record(`commitment:${seed.key}:${firmKey}`, committedAt, person, {
      initiativeId: id,
      action: "commitment.made",
      before: { quantity: 0, total: before },
      after: { quantity, total },
    });
    // The same rule as the live service: only a break above the list price is news.
    const crossed = crossedBreak(before, total, seed.priceBreaks);
    if (crossed) {
      record(`break:${seed.key}:${crossed.minQuantity}`, new Date(committedAt.getTime() + 1000), person, {
        initiativeId: id,
        action: "jointbuy.break_reached",
        after: { minQuantity: crossed.minQuantity, unitPriceMinor: crossed.unitPriceMinor, total },
      });
    }
    return {
      id: demoId(`commitment:${seed.key}:${firmKey}`),
      initiativeId: id,
      firmId: firmId(firmKey),
      quantity,
      updatedBy: person.userId,
      updatedAt: committedAt,
    };
  });
}

async function seedJointBuy(story: NetworkStory, seed: JointBuySeed, timeline: Timeline): Promise<string> {
  const { tx, smeNames } = story;
  if (validateBreaks(seed.priceBreaks).length > 0) throw new Error(`demo seed: invalid price breaks in ${seed.key}`);
  const status: InitiativeStatus = timeline.locked ? "locked" : "open";
  const id = await insertInitiative(
    story,
    seed.key,
    { objective: "joint_buying", title: seed.title, description: seed.description, status },
    timeline,
  );
  await tx
    .insert(jointBuy)
    .values({
      initiativeId: id,
      inputName: seed.inputName,
      specification: seed.specification,
      unit: seed.unit,
      supplierName: smeNames.get(seed.supplierKey)!,
      currency: DEMO_NETWORK.currency,
      priceBreaks: seed.priceBreaks,
      minimumQuantity: seed.minimumQuantity,
      updatedAt: timeline.created,
    })
    .onConflictDoNothing();
  if (timeline.opened) recordTransition(story, seed.key, id, timeline.opened, "draft", "open");
  const firmKeys = seed.commitments.map((c) => c.firmKey);
  await insertParticipants(story, seed.key, id, firmKeys, timeline.joined);
  await tx
    .insert(jointBuyCommitment)
    .values(commitmentRows(story, seed, id, timeline))
    .onConflictDoNothing();
  if (timeline.locked) recordTransition(story, seed.key, id, timeline.locked, "open", "locked");
  return id;
}

/** The leather purchase's discussion: the tannery needs the colour split to plan its dye lots. */
async function seedDiscussion(story: NetworkStory, leatherId: string): Promise<void> {
  const { tx, today, broker, personOf, smeNames } = story;
  const ferraresi = personOf("calcados-ferraresi");
  const passoFirme = personOf("passo-firme");
  const messages: Array<{ key: string; at: Date; author: Person; body: string }> = [
    {
      key: "colour-split-question",
      at: dayAt(today, -6, 10),
      author: broker,
      body: "We passed the 5,000 m² break. Before I confirm with Arroio Verde: could each of you post your split between black and cognac? They plan the dye lots from it.",
    },
    {
      key: "colour-split-ferraresi",
      at: dayAt(today, -6, 14),
      author: ferraresi,
      body: "Ferraresi: 1,500 m² black and 700 m² cognac. If the 12,000 m² break comes within reach we could add about 400 m² of black.",
    },
    {
      key: "colour-split-passo-firme",
      at: dayAt(today, -5, 9),
      author: passoFirme,
      body: "Passo Firme: 900 m² cognac and 700 m² black. Can we ask for the cognac in a single lot so the shade matches across the collection?",
    },
  ];
  await tx
    .insert(initiativeMessage)
    .values(
      messages.map((m) => ({
        id: demoId(`message:${DEMO_RUNNING_JOINT_BUY.key}:${m.key}`),
        initiativeId: leatherId,
        authorUserId: m.author.userId,
        authorName: m.author.name,
        firmName: m.author.firmKey === AGENCY.key ? AGENCY.name : (smeNames.get(m.author.firmKey) ?? null),
        body: m.body,
        createdAt: m.at,
      })),
    )
    .onConflictDoNothing();
}

/** The locked purchase ran in July and August 2026; the running one closes in ten days. */
export async function seedJointBuys(story: NetworkStory): Promise<void> {
  const { today } = story;
  await seedJointBuy(story, DEMO_LOCKED_JOINT_BUY, {
    created: new Date("2026-07-06T14:00:00Z"),
    opened: new Date("2026-07-08T09:30:00Z"),
    joined: [
      new Date("2026-07-09T10:15:00Z"),
      new Date("2026-07-16T15:40:00Z"),
      new Date("2026-07-28T09:05:00Z"),
      new Date("2026-08-11T16:20:00Z"),
    ],
    deadline: new Date("2026-08-14T23:59:59Z"),
    locked: new Date("2026-08-17T10:00:00Z"),
  });

  // The running ones: opened in the last three weeks, closing in the weeks ahead.
  const leatherId = await seedJointBuy(story, DEMO_RUNNING_JOINT_BUY, {
    created: dayAt(today, -14, 10),
    opened: dayAt(today, -13, 9),
    joined: [
      dayAt(today, -12, 11),
      dayAt(today, -11, 15),
      dayAt(today, -9, 10),
      dayAt(today, -7, 14),
      dayAt(today, -4, 9),
      dayAt(today, -2, 16),
    ],
    deadline: endOfDay(today, 10),
  });
  await seedDiscussion(story, leatherId);
}
