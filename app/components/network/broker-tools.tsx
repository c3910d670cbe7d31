import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { describedBy, Field } from "../field";
import { FormattedDate } from "../formatted";
import { useIntentErrors } from "./intent-errors";

interface Application {
  firmId: string;
  name: string;
  since: string;
  link: string | null;
}

/** Firms asking to join, each approved or declined by a broker. */
export function Applications({ applications, busy }: { applications: Application[]; busy: boolean }) {
  const { t } = useTranslation();
  const { message } = useIntentErrors("decide");
  return (
    <section className="card stack" aria-labelledby="network-applications">
      <h2 id="network-applications">{t("networks.page.applications")}</h2>
      {message()}
      <ul className="link-list" data-testid="applications">
        {applications.map((m) => (
          <li key={m.firmId} className="request-row">
            <span>
              <Link to={`/firms/${m.firmId}`}>{m.name}</Link>
              {m.link ? ` · ${t(`links.${m.link}`)}` : ""} · <FormattedDate value={m.since} />
            </span>
            <Form method="post" className="inline-actions">
              <input type="hidden" name="intent" value="decide" />
              <input type="hidden" name="firmId" value={m.firmId} />
              <button type="submit" name="decision" value="approve" className="button button-small" disabled={busy}>
                {t("networks.page.approve")}
              </button>
              <button type="submit" name="decision" value="decline" className="button button-small button-secondary" disabled={busy}>
                {t("networks.page.decline")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Inviting an SME from the directory. */
function InviteFirm({ smes, busy }: { smes: Array<{ id: string; name: string }>; busy: boolean }) {
  const { t } = useTranslation();
  const { fields, message } = useIntentErrors("inviteFirm");
  return (
    <Form method="post" className="stack" aria-labelledby="invite-firm-title">
      <h3 id="invite-firm-title">{t("networks.page.inviteFirm")}</h3>
      <input type="hidden" name="intent" value="inviteFirm" />
      {message(["firmId"])}
      {smes.length === 0 ? (
        <p className="muted">{t("networks.page.noSmesToInvite")}</p>
      ) : (
        <>
          <Field id="invite-firm" label={t("networks.page.sme")} errors={fields.firmId}>
            <select id="invite-firm" name="firmId" defaultValue="" aria-describedby={describedBy("invite-firm", fields.firmId)}>
              <option value="">{t("common.choose")}</option>
              {smes.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </Field>
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t("networks.page.inviteFirmSubmit")}
            </button>
          </div>
        </>
      )}
    </Form>
  );
}

/** A form of one email field (inviting anyone by email, adding a broker). */
function EmailForm({
  intent,
  id,
  hint,
  submitLabel,
  busy,
}: {
  intent: string;
  id: string;
  hint: string;
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { fields, message } = useIntentErrors(intent);
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      {message(["email"])}
      <Field id={id} label={t("fields.email")} errors={fields.email} hint={hint}>
        <input id={id} name="email" type="email" autoComplete="off" aria-describedby={describedBy(id, fields.email, true)} />
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}

/** A broker inviting SMEs: from the directory or by email. */
export function InviteForms({ smes, busy }: { smes: Array<{ id: string; name: string }>; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="network-invite">
      <h2 id="network-invite">{t("networks.page.invite")}</h2>
      <div className="grid-2">
        <InviteFirm smes={smes} busy={busy} />
        <Form method="post" className="stack" aria-labelledby="invite-email-title">
          <h3 id="invite-email-title">{t("networks.page.inviteEmail")}</h3>
          <EmailForm
            intent="inviteEmail"
            id="invite-email"
            hint={t("networks.page.inviteEmailHint")}
            submitLabel={t("networks.page.inviteEmailSubmit")}
            busy={busy}
          />
        </Form>
      </div>
    </section>
  );
}

/** An administrator adding a broker to the network. */
export function AddBroker({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="network-add-broker">
      <h2 id="network-add-broker">{t("networks.page.addBroker")}</h2>
      <Form method="post" className="stack">
        <EmailForm
          intent="addBroker"
          id="broker-email"
          hint={t("networks.page.addBrokerHint")}
          submitLabel={t("networks.page.addBrokerSubmit")}
          busy={busy}
        />
      </Form>
    </section>
  );
}

interface Pending {
  invited: Array<{ firmId: string; name: string; since: string }>;
  emailInvitations: Array<{
    id: string;
    email: string;
    expiresAt: string;
    url: string;
  }>;
  newInvitation: { email: string; url: string } | null;
}

/** Invitations not yet answered: firms invited, and email invitations with their links. */
export function PendingInvitations({ invited, emailInvitations, newInvitation }: Pending) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="network-pending">
      <h2 id="network-pending">{t("networks.page.pending")}</h2>
      {invited.length > 0 ? (
        <>
          <h3>{t("networks.page.invitedFirms")}</h3>
          <ul className="link-list" data-testid="invited-firms">
            {invited.map((m) => (
              <li key={m.firmId}>
                <Link to={`/firms/${m.firmId}`}>{m.name}</Link> ·{" "}
                <span className="muted">
                  {t("networks.page.invitedOn")} <FormattedDate value={m.since} />
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {emailInvitations.length > 0 ? (
        <div id="email-invitations" className="stack">
          <h3>{t("networks.page.emailInvitations")}</h3>
          {newInvitation ? (
            <p className="notice" role="status" data-testid="new-invitation">
              {t("networks.page.newInvitationLink", {
                email: newInvitation.email,
              })}{" "}
              <code className="invitation-link">{newInvitation.url}</code>
            </p>
          ) : null}
          <ul className="link-list" data-testid="email-invitations">
            {emailInvitations.map((i) => (
              <li key={i.id}>
                <strong>{i.email}</strong> ·{" "}
                <span className="muted">
                  {t("networks.page.expires")} <FormattedDate value={i.expiresAt} />
                </span>
                <br />
                <span className="small">{t("networks.page.invitationLink")}</span> <code className="invitation-link">{i.url}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
