import type { Db } from "../../client";
import { activity } from "../../schema/initiatives";
import { seedAccounts } from "./accounts";
import { seedClub } from "./club";
import { seedConsultant } from "./initiatives";
import { seedJointBuys } from "./joint-buy";
import { seedLedgers } from "./ledger";
import { networkStory, seedMembership } from "./network";
import { seedNeeds } from "./sourcing";
import { seedStand } from "./stand";

/**
 * The demo installation: the Sinos Valley footwear cluster of Rio Grande do Sul, Brazil, the
 * papers' main case (DOMAIN.md "Worked facts usable as demo data"), and a second network, the
 * Eastern Cape's auto-component makers with their benchmarking club (club.ts). Firms and people
 * are invented; the mix of firms echoes the 1990s cluster (480 manufacturers, 223 component
 * makers, 135 tanneries, 45 machinery makers, 70 export agents: 003:871-884) at about 1/15
 * scale, and the buyers are the kinds the papers name (003:817-827).
 *
 * One file per story: accounts (firms and logins), network (members and the activity log),
 * joint-buy, initiatives (the shared consultant), stand, ledger, sourcing, club; the data sits
 * beside them (smes-*.ts, ledger-data.ts, stand-data.ts, club-people.ts).
 *
 * Deterministic and re-runnable: every id is derived from a stable key, every insert ignores
 * conflicts, and users are created only when their email is not registered yet. Written with
 * plain inserts and the pure rules of server/domain; the shipped KPIs must already exist as
 * definitions (the server writes them at boot, before it seeds).
 */

export { DEMO_LOGINS, DEMO_PASSWORD } from "./accounts";
export { DEMO_CLUB, DEMO_LEARNING_NETWORK, DEMO_LEARNING_SMES } from "./club-people";
export { DEMO_OPEN_QUARTER_REPORTED } from "./club-figures";
export { DEMO_BUYERS } from "./firms";
export { demoId } from "./ids";
export { DEMO_CONSULTANT } from "./initiatives";
export { DEMO_LOCKED_JOINT_BUY, DEMO_RUNNING_JOINT_BUY } from "./joint-buy";
export { DEMO_EXCHANGE_RATES } from "./ledger-lines";
export { DEMO_NETWORK } from "./network";
export { DEMO_NEEDS } from "./sourcing";
export { DEMO_FAIR, DEMO_STAND, DEMO_STAND_LEADS, DEMO_STAND_TASKS } from "./stand-data";

/** Seeds the demo in one transaction, dated from `now`; a second run changes nothing. */
export async function seedDemo(db: Db, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const userIds = await seedAccounts(tx, now);
    const story = networkStory(tx, now, userIds);
    await seedMembership(story);
    await seedJointBuys(story);
    await seedConsultant(story);
    await seedStand(story);
    // The log is append-only: a second run conflicts on every id and adds nothing.
    await tx.insert(activity).values(story.log).onConflictDoNothing();
    await seedLedgers(tx, now, userIds);
    await seedNeeds(tx, now, userIds);
    await seedClub(tx, now);
  });
}
