import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FirmProfile } from "../components/firm-profile";
import { FormattedDate } from "../components/formatted";
import { ErrorMessage } from "../root";
import { requireActor } from "../utils/auth.server";
import { isAppError, throwAsResponse } from "../utils/errors.server";
import { localeFor } from "../utils/i18n.server";
import { useLiveRoom } from "../utils/live";
import { firmNames } from "../utils/names.server";
import { redirectWithToast } from "../utils/toast.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, { role: ["sme", "buyer"] });
  const locale = await localeFor(request, actor);
  try {
    const mine = await context.services.firms.getMyFirm(actor);
    return { ...mine, names: firmNames(mine.firm, locale) };
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
  const { firm, members, permissions, names } = useLoaderData<typeof loader>();
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
