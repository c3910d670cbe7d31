import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FirmProfile } from "../components/firm/profile";
import { FormattedPercent, LevelBadge } from "../components/ledger/dependence";
import { FormattedDate, FormattedNumber } from "../components/formatted";
import { ErrorMessage } from "../components/error-message";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { localeFor } from "../lib/i18n.server";
import { useLiveRoom } from "../lib/live";
import { firmNames } from "../lib/names.server";
import { redirectWithToast } from "../lib/toast.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, { role: ["sme", "buyer"] });
  const locale = await localeFor(request, actor);
  try {
    const mine = await context.services.firms.getMyFirm(actor);
    // The dependence panel's headline figures, on the firm's own page (the full panel is linked).
    const latest = mine.firm.kind === "sme" ? (await context.services.ledger.firmDependence(actor, { firmId: mine.firm.id })).latest : null;
    const dependence = latest
      ? {
          period: latest.period,
          level: latest.level,
          topShareBp: latest.measure.topShareBp,
          topBuyer: latest.measure.topBuyer?.name ?? null,
          hhi: latest.measure.hhi,
          buyers: latest.measure.buyers,
        }
      : null;
    return { ...mine, names: firmNames(mine.firm, locale), dependence };
  } catch (error) {
    throwAsResponse(error);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, { role: ["sme", "buyer"] });
  const form = await request.formData();
  try {
    const result = await context.services.firms.decideMemberRequest(actor, {
      memberId: form.get("memberId"),
      decision: form.get("decision"),
    });
    return redirectWithToast("/firm", result.decision === "approve" ? "memberApproved" : "memberDeclined");
  } catch (error) {
    if (isAppError(error) && error.code === "invalid_input") return data({ ok: false }, { status: 400 });
    throwAsResponse(error);
  }
}

export default function MyFirm() {
  const { t } = useTranslation();
  const { firm, members, permissions, names, dependence } = useLoaderData<typeof loader>();
  useLiveRoom(`firm:${firm.id}`);
  const pending = members.filter((m) => m.status === "pending");
  const active = members.filter((m) => m.status === "active");
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{firm.name}</h1>
        {permissions.update ? (
          <Link to="/firm/edit" className="button">
            {t("firm.edit")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t("firm.privateNote")}</p>
      {firm.kind === "sme" ? (
        <nav className="actions" aria-label={t("dependence.panel.title")}>
          <Link to={`/firms/${firm.id}/ledger`} className="button button-secondary">
            {t("dependence.links.ledger")}
          </Link>
          <Link to={`/firms/${firm.id}/dependence`} className="button button-secondary">
            {t("dependence.links.dependence")}
          </Link>
        </nav>
      ) : null}
      {dependence ? (
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
            <Link to={`/firms/${firm.id}/dependence`}>{t("dependence.links.dependence")}</Link>
          </p>
        </section>
      ) : null}
      <FirmProfile firm={firm} {...names} />
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
                  {permissions.decideMember ? (
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
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
