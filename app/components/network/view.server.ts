import { certificationName } from "../../../db/reference/certifications";
import { isicTitle } from "../../../db/reference/isic";
import type { Locale } from "../../../server/domain/locale";
import { LINKS } from "../../../server/domain/chain-position";
import type { getNetwork } from "../../../server/services/networks/get-network";

/** The column for members whose link in the chain is not known. */
export const UNKNOWN_LINK = "unknown";

type NetworkPage = Awaited<ReturnType<typeof getNetwork>>;

/** A short, non-confidential detail of an activity entry (who was invited, which broker...). */
function activityDetail(after: unknown, isBroker: boolean): string | null {
  if (!after || typeof after !== "object") return null;
  const a = after as Record<string, unknown>;
  for (const key of ["firm", "broker", "name", "title"]) if (typeof a[key] === "string") return a[key];
  if (isBroker && typeof a.email === "string") return a.email;
  return null;
}

/** Members grouped by their link in the value chain, the unknown ones last; empty columns left out. */
function columnsOf(members: NetworkPage["members"]) {
  const card = (m: NetworkPage["members"][number]) => ({
    firmId: m.firmId,
    name: m.name,
    tier: m.tier,
    region: m.region,
    certifications: m.certifications.map((code) => ({
      code,
      name: certificationName(code),
    })),
  });
  const known = LINKS as readonly string[];
  return [
    ...LINKS.map((link) => ({
      link: link,
      members: members.filter((m) => m.link === link).map(card),
    })),
    {
      link: UNKNOWN_LINK,
      members: members.filter((m) => !m.link || !known.includes(m.link)).map(card),
    },
  ].filter((c) => c.members.length > 0);
}

/** The network page's data as the page shows it: thresholds in percent, invitation links in full. */
export function networkPageView(
  page: NetworkPage,
  options: {
    locale: Locale;
    publicUrl: string;
    requestedInvitation: string | null;
  },
) {
  const titles = new Map(page.initiatives.map((i) => [i.id, i.title]));
  const base = options.publicUrl.replace(/\/$/, "");
  const newInvitation = page.emailInvitations.find((i) => i.token === options.requestedInvitation) ?? null;
  const n = page.network;
  return {
    network: {
      id: n.id,
      name: n.name,
      sectorName: isicTitle(n.sector, options.locale),
      region: n.region,
      description: n.description,
      currency: n.currency,
      thresholds: {
        notable: n.notableShareBp / 100,
        warning: n.warningShareBp / 100,
        critical: n.criticalShareBp / 100,
        hhiModerate: n.hhiModerate,
        hhiHigh: n.hhiHigh,
        systemic: n.systemicShareBp / 100,
      },
    },
    brokers: page.brokers,
    memberCount: page.members.length,
    columns: columnsOf(page.members),
    initiatives: page.initiatives,
    activity: page.activity.map((a) => ({
      id: a.id,
      action: a.action,
      actorName: a.actorName,
      createdAt: a.createdAt,
      initiativeId: a.initiativeId && titles.has(a.initiativeId) ? a.initiativeId : null,
      initiativeTitle: a.initiativeId ? (titles.get(a.initiativeId) ?? null) : null,
      detail: activityDetail(a.after, page.permissions.update),
    })),
    invited: page.invited.map((m) => ({
      firmId: m.firmId,
      name: m.name,
      since: m.since,
    })),
    applications: page.applications.map((m) => ({
      firmId: m.firmId,
      name: m.name,
      since: m.since,
      link: m.link,
      tier: m.tier,
    })),
    emailInvitations: page.emailInvitations.map((i) => ({
      id: i.id,
      email: i.email,
      expiresAt: i.expiresAt,
      url: `${base}/invitations/${i.token}`,
    })),
    newInvitation: newInvitation
      ? {
          email: newInvitation.email,
          url: `${base}/invitations/${newInvitation.token}`,
        }
      : null,
    permissions: page.permissions,
  };
}

/** Who may still be invited: the directory's SMEs that are not members, invited or applicants. */
export function invitableSmes(page: NetworkPage, smes: Array<{ id: string; name: string }>) {
  const known = new Set([...page.members, ...page.invited, ...page.applications].map((m) => m.firmId));
  return smes.filter((f) => !known.has(f.id)).map((f) => ({ id: f.id, name: f.name }));
}
