import { Form, Link, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { InitiativeView } from "../../../server/services/initiatives/get-initiative";
import { FormattedDate } from "../formatted";

/** The initiative's facts with its join and status buttons, and who takes part. */

/** The derived form in one sentence, e.g. "Vertical, multilateral: 4 firms from 3 different links (…)". */
function formSentence(form: InitiativeView["form"], t: TFunction): string {
  const links = form.links.map((l) => t(`links.${l}`)).join(", ");
  if (form.size === null) return t("initiatives.shape.notYet", { count: form.count });
  if (form.orientation === null) return t(`initiatives.shape.${form.size}_unknown`, { count: form.count });
  return t(`initiatives.shape.${form.orientation}_${form.size}`, { count: form.count, linkCount: form.links.length, links });
}

export function About({ view }: { view: InitiativeView }) {
  const { t } = useTranslation();
  const { initiative, form } = view;
  return (
    <section className="card" aria-labelledby="about-heading">
      <h2 id="about-heading">{t("initiatives.page.about")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("initiatives.fields.objective")}</dt>
          <dd>{t(`initiatives.objectives.${initiative.objective}`)}</dd>
        </div>
        <div>
          <dt>{t("initiatives.fields.deadline")}</dt>
          <dd>
            <FormattedDate value={initiative.deadlineDate} />
          </dd>
        </div>
        <div>
          <dt>{t("initiatives.page.form")}</dt>
          <dd data-testid="initiative-form">{formSentence(form, t)}</dd>
        </div>
        <div>
          <dt>{t("initiatives.page.figures")}</dt>
          <dd>{initiative.shareQuantities ? t("initiatives.page.figuresShared") : t("initiatives.page.figuresPrivate")}</dd>
        </div>
      </dl>
      <p className="muted small">{t(`initiatives.objectiveHelp.${initiative.objective}`)}</p>
      {initiative.description ? <p className="initiative-description">{initiative.description}</p> : null}

      <InitiativeActions view={view} />
    </section>
  );
}

/** Join or leave, and the status changes the reader may make. */
function InitiativeActions({ view }: { view: InitiativeView }) {
  const { t } = useTranslation();
  const { initiative, permissions } = view;
  const busy = useNavigation().state !== "idle";
  return (
    <>
      {permissions.join || permissions.leave ? (
        <Form method="post" className="actions no-print">
          {permissions.join ? (
            <button type="submit" name="intent" value="join" className="button" disabled={busy}>
              {t("initiatives.page.join")}
            </button>
          ) : null}
          {permissions.leave ? (
            <button type="submit" name="intent" value="leave" className="button button-secondary" disabled={busy}>
              {t("initiatives.page.leave")}
            </button>
          ) : null}
        </Form>
      ) : null}
      {permissions.transitions.length > 0 ? (
        <Form method="post" className="actions transitions no-print" aria-label={t("initiatives.page.statusActions")}>
          <input type="hidden" name="intent" value="transition" />
          {permissions.transitions.map((to) => (
            <button
              key={to}
              type="submit"
              name="to"
              value={to}
              className={`button${to === "cancelled" ? " button-danger" : to === "open" || to === "locked" ? "" : " button-secondary"}`}
              disabled={busy}
            >
              {to === "locked" && initiative.tool !== "joint_buy"
                ? t("initiatives.transition.lockedGeneric")
                : t(`initiatives.transition.${to}`)}
            </button>
          ))}
        </Form>
      ) : null}
    </>
  );
}

export function Participants({ view }: { view: InitiativeView }) {
  const { t } = useTranslation();
  const { participants, viewer } = view;
  return (
    <section className="card" aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t("initiatives.page.participants", { count: participants.length })}</h2>
      {participants.length === 0 ? (
        <p className="muted">{t("initiatives.page.noParticipants")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="participants">
            <thead>
              <tr>
                <th scope="col">{t("initiatives.page.firm")}</th>
                <th scope="col">{t("fields.link")}</th>
                <th scope="col">{t("fields.tier")}</th>
                <th scope="col">{t("initiatives.page.joined")}</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => (
                <tr key={p.firmId}>
                  <th scope="row">
                    <Link to={`/firms/${p.firmId}`}>{p.name}</Link>
                    {p.firmId === viewer.firmId ? <span className="tag own-tag">{t("initiatives.page.you")}</span> : null}
                  </th>
                  <td>{p.link ? t(`links.${p.link}`) : "—"}</td>
                  <td>{p.tier ? t(`tiers.${p.tier}`) : "—"}</td>
                  <td>
                    <FormattedDate value={p.joinedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
