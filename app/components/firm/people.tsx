import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate, FormattedNumber } from "../formatted";
import { FormattedPercent, LevelBadge, type DependenceLevel } from "../ledger/dependence";

interface Summary {
  period: string;
  level: DependenceLevel | null;
  topShareBp: number;
  topBuyer: string | null;
  hhi: number;
  buyers: number;
}

/** The dependence panel's headline figures on the firm's own page (the full panel is linked). */
export function DependenceSummary({ firmId, dependence }: { firmId: string; dependence: Summary }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="dependence-summary">
      <h2 id="dependence-summary">{t("dependence.panel.title")}</h2>
      <p className="muted">{t("dependence.panel.latest", { period: dependence.period })}</p>
      <dl className="facts">
        <div>
          <dt>{t("dependence.measures.level")}</dt>
          <dd>{dependence.level ? <LevelBadge level={dependence.level} /> : null}</dd>
        </div>
        <div>
          <dt>{t("dependence.measures.topShare")}</dt>
          <dd>
            <FormattedPercent bp={dependence.topShareBp} />
          </dd>
        </div>
        {dependence.topBuyer ? (
          <div>
            <dt>{t("dependence.measures.topBuyer")}</dt>
            <dd>{dependence.topBuyer}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("dependence.measures.hhi")}</dt>
          <dd>
            <FormattedNumber value={dependence.hhi} />
          </dd>
        </div>
        <div>
          <dt>{t("dependence.measures.buyers")}</dt>
          <dd>
            <FormattedNumber value={dependence.buyers} />
          </dd>
        </div>
      </dl>
      <p>
        <Link to={`/firms/${firmId}/dependence`}>{t("dependence.links.dependence")}</Link>
      </p>
    </section>
  );
}

interface Member {
  id: string;
  name: string;
  email: string;
  status: string;
  isOwner: boolean;
  createdAt: string;
}

/** The firm's people, and the requests to join it the owner decides on. */
export function FirmPeople({ members, mayDecide }: { members: Member[]; mayDecide: boolean }) {
  const { t } = useTranslation();
  const pending = members.filter((m) => m.status === "pending");
  const active = members.filter((m) => m.status === "active");
  return (
    <section className="card">
      <h2>{t("firm.people")}</h2>
      <ul className="link-list">
        {active.map((m) => (
          <li key={m.id}>
            {m.name} · {m.email} {m.isOwner ? <span className="tag">{t("firm.owner")}</span> : null}
          </li>
        ))}
      </ul>
      {pending.length > 0 ? (
        <>
          <h3>{t("firm.requests")}</h3>
          <ul className="link-list" data-testid="member-requests">
            {pending.map((m) => (
              <li key={m.id} id={`member-${m.id}`} className="request-row">
                <span>
                  {m.name} · {m.email} · <FormattedDate value={m.createdAt} />
                </span>
                {mayDecide ? (
                  <Form method="post" className="inline-actions">
                    <input type="hidden" name="memberId" value={m.id} />
                    <button type="submit" name="decision" value="approve" className="button button-small">
                      {t("firm.approve")}
                    </button>
                    <button type="submit" name="decision" value="decline" className="button button-small button-secondary">
                      {t("firm.decline")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
