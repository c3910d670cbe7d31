import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { user } from "../../../db/schema/auth";
import { firm } from "../../../db/schema/firms";
import { activity, initiative, initiativeParticipant } from "../../../db/schema/initiatives";
import { network, networkBroker, networkInvitation, networkMember } from "../../../db/schema/networks";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { networkIdSchema } from "../../schemas/network";
import type { Deps } from "../deps";
import { certificationsByFirm, isoToday } from "../firms/firm-views";
import { networkFacts } from "./network-facts";

/**
 * What members see of the network's activity: joins, departures and the public milestones of
 * initiatives. Quantities, invitations by email and drafts stay with the brokers.
 */
const MEMBER_VISIBLE_ACTIONS = new Set([
  "network.created",
  "member.joined",
  "member.left",
  "initiative.open",
  "initiative.locked",
  "initiative.completed",
  "initiative.cancelled",
  "participant.joined",
  "participant.left",
  "jointbuy.break_reached",
]);

/**
 * A network's page: details, active members (public fields, for the columns by link), its
 * initiatives and recent activity; brokers also see invitations and applications.
 */
export async function getNetwork(deps: Deps, actor: Actor, rawInput: unknown) {
  const { networkId } = parseInput(networkIdSchema, rawInput);
  const facts = await networkFacts(deps.db, networkId);
  if (!facts || !can(actor, "network", "read", facts)) throw new AppError("not_found", "Network not found");
  const isBroker = can(actor, "network", "update", facts);
  const [details] = await deps.db.select().from(network).where(eq(network.id, networkId));
  const brokers = await deps.db
    .select({ userId: user.id, name: user.name })
    .from(networkBroker)
    .innerJoin(user, eq(user.id, networkBroker.userId))
    .where(eq(networkBroker.networkId, networkId))
    .orderBy(asc(user.name));
  const withCerts = await networkMembers(deps, networkId, isBroker);
  const initiatives = await networkInitiatives(deps, networkId, isBroker);
  const recent = await deps.db
    .select({
      id: activity.id,
      action: activity.action,
      actorName: activity.actorName,
      initiativeId: activity.initiativeId,
      after: activity.after,
      createdAt: activity.createdAt,
    })
    .from(activity)
    .where(eq(activity.networkId, networkId))
    .orderBy(desc(activity.createdAt), desc(activity.id))
    .limit(30);
  const invitations = isBroker
    ? await deps.db
        .select({
          id: networkInvitation.id,
          email: networkInvitation.email,
          token: networkInvitation.token,
          expiresAt: networkInvitation.expiresAt,
        })
        .from(networkInvitation)
        .where(and(eq(networkInvitation.networkId, networkId), isNull(networkInvitation.acceptedAt)))
        .orderBy(desc(networkInvitation.createdAt))
    : [];
  const ownStatus = actor.firm
    ? ((
        await deps.db
          .select({ status: networkMember.status })
          .from(networkMember)
          .where(and(eq(networkMember.networkId, networkId), eq(networkMember.firmId, actor.firm.id)))
      )[0]?.status ?? null)
    : null;
  return {
    network: { ...details, createdAt: details.createdAt.toISOString(), updatedAt: details.updatedAt.toISOString() },
    brokers,
    members: withCerts.filter((m) => m.status === "active"),
    invited: withCerts.filter((m) => m.status === "invited"),
    applications: withCerts.filter((m) => m.status === "applied"),
    emailInvitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
    initiatives,
    activity: recent
      .filter((a) => isBroker || MEMBER_VISIBLE_ACTIONS.has(a.action))
      .map((a) => ({ ...a, after: isBroker ? a.after : null, createdAt: a.createdAt.toISOString() })),
    ownStatus,
    permissions: {
      update: isBroker,
      invite: can(actor, "network", "invite", facts),
      createInitiative: can(actor, "initiative", "create", facts),
      leave: ownStatus === "active" && can(actor, "network", "leave", { firmId: actor.firm?.id }),
      addBroker: can(actor, "network", "addBroker", facts),
    },
  };
}

/** Members with their unexpired certifications: active ones, and for brokers invited and applying ones too. */
async function networkMembers(deps: Deps, networkId: string, isBroker: boolean) {
  const memberRows = await deps.db
    .select({
      firmId: firm.id,
      name: firm.name,
      kind: firm.kind,
      link: firm.link,
      tier: firm.tier,
      region: firm.region,
      country: firm.country,
      status: networkMember.status,
      since: networkMember.updatedAt,
    })
    .from(networkMember)
    .innerJoin(firm, eq(firm.id, networkMember.firmId))
    .where(
      and(
        eq(networkMember.networkId, networkId),
        isBroker ? inArray(networkMember.status, ["active", "invited", "applied"]) : eq(networkMember.status, "active"),
      ),
    )
    .orderBy(asc(firm.name));
  const today = isoToday(deps.now());
  const certs = await certificationsByFirm(
    deps.db,
    memberRows.map((m) => m.firmId),
  );
  const withCerts = memberRows.map((m) => ({
    ...m,
    since: m.since.toISOString(),
    certifications: (certs.get(m.firmId) ?? [])
      .filter((c) => !c.expiresOn || c.expiresOn >= today)
      .map((c) => c.code)
      .sort(),
  }));
  return withCerts;
}

/** The network's initiatives with their number of participants; drafts and cancelled ones for brokers only. */
async function networkInitiatives(deps: Deps, networkId: string, isBroker: boolean) {
  const initiatives = await deps.db
    .select({
      id: initiative.id,
      title: initiative.title,
      objective: initiative.objective,
      status: initiative.status,
      deadline: initiative.deadline,
    })
    .from(initiative)
    .where(
      isBroker
        ? eq(initiative.networkId, networkId)
        : and(eq(initiative.networkId, networkId), inArray(initiative.status, ["open", "locked", "completed"])),
    )
    .orderBy(desc(initiative.createdAt));
  const participantCounts = initiatives.length
    ? await deps.db
        .select({ initiativeId: initiativeParticipant.initiativeId })
        .from(initiativeParticipant)
        .where(
          inArray(
            initiativeParticipant.initiativeId,
            initiatives.map((i) => i.id),
          ),
        )
    : [];
  return initiatives.map((i) => ({
    ...i,
    deadline: i.deadline.toISOString(),
    participants: participantCounts.filter((p) => p.initiativeId === i.id).length,
  }));
}
