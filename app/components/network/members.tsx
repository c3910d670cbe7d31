import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "../formatted";
import { UNKNOWN_LINK } from "./view.server";

/** A member card shows this many certifications, then "+n more". */
const KEY_CERTIFICATIONS = 4;

interface Member {
  firmId: string;
  name: string;
  tier: number | null;
  region: string;
  certifications: Array<{ code: string; name: string }>;
}

/** One member's card: tier, region, dependence link for brokers, key certifications. */
function MemberCard({ member: m, showDependence }: { member: Member; showDependence: boolean }) {
  const { t } = useTranslation();
  const shown = m.certifications.slice(0, KEY_CERTIFICATIONS);
  const more = m.certifications.length - shown.length;
  return (
    <li className="member-card">
      <Link to={`/firms/${m.firmId}`} className="member-name">
        {m.name}
      </Link>
      <p className="muted small">
        {m.tier ? t(`tiers.${m.tier}`) : t("networks.page.noTier")}
        {m.region ? ` · ${m.region}` : ""}
      </p>
      {showDependence ? (
        <Link
          to={`/firms/${m.firmId}/dependence`}
          className="small"
          aria-label={t("dependence.links.memberDependenceOf", {
            firm: m.name,
          })}
        >
          {t("dependence.links.memberDependence")}
        </Link>
      ) : null}
      {shown.length > 0 ? (
        <ul className="tags" aria-label={t("fields.certifications")}>
          {shown.map((c) => (
            <li key={c.code} className="tag">
              {c.name}
            </li>
          ))}
          {more > 0 ? <li className="tag tag-accent">{t("networks.page.moreCertifications", { count: more })}</li> : null}
        </ul>
      ) : null}
    </li>
  );
}

/** The members in columns by their link in the value chain. */
export function MemberColumns({
  columns,
  showDependence,
}: {
  columns: Array<{ link: string; members: Member[] }>;
  showDependence: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="network-members">
      <h2 id="network-members">{t("networks.page.members")}</h2>
      {columns.length === 0 ? (
        <p className="muted">{t("networks.page.noMembers")}</p>
      ) : (
        <div className="link-columns" role="region" aria-label={t("networks.page.byLink")} tabIndex={0} data-testid="link-columns">
          {columns.map((column) => (
            <section
              key={column.link}
              className="link-column"
              data-testid={`link-column-${column.link}`}
              aria-labelledby={`link-${column.link}`}
            >
              <h3 id={`link-${column.link}`}>
                <span>{column.link === UNKNOWN_LINK ? t("networks.page.unknownLink") : t(`links.${column.link}`)}</span>{" "}
                <span className="badge">
                  <span className="visually-hidden">
                    {t("networks.membersCount", {
                      count: column.members.length,
                    })}
                  </span>
                  <span aria-hidden="true">{column.members.length}</span>
                </span>
              </h3>
              <ul className="member-cards">
                {column.members.map((m) => (
                  <MemberCard key={m.firmId} member={m} showDependence={showDependence} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}

interface Initiative {
  id: string;
  title: string;
  objective: string;
  status: string;
  deadline: string;
  participants: number;
}

/** The network's initiatives with their objective, deadline, participants and status. */
export function InitiativeList({ initiatives }: { initiatives: Initiative[] }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="network-initiatives">
      <h2 id="network-initiatives">{t("networks.page.initiatives")}</h2>
      {initiatives.length === 0 ? (
        <p className="muted">{t("networks.page.noInitiatives")}</p>
      ) : (
        <ul className="link-list" data-testid="initiative-list">
          {initiatives.map((i) => (
            <li key={i.id} className="initiative-row">
              <div>
                <Link to={`/initiatives/${i.id}`}>
                  <strong>{i.title}</strong>
                </Link>
                <p className="muted small">
                  {t(`networks.objectives.${i.objective}`)} · {t("networks.page.deadline")} <FormattedDate value={i.deadline} /> ·{" "}
                  {t("networks.page.participants", { count: i.participants })}
                </p>
              </div>
              <span className={`tag status-${i.status}`}>{t(`networks.initiativeStatus.${i.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
