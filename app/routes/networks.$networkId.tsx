import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { certificationName } from "../../db/reference/certifications";
import { isicTitle } from "../../db/reference/isic";
import { LINKS } from "../../server/domain/chain-position";
import { emailSchema } from "../../server/schemas/accounts";
import { describedBy, Field } from "../components/field";
import { FormattedDate, FormattedNumber } from "../components/formatted";
import { standActivityText } from "../components/stand/panel";
import { formatNumber } from "../../i18n/format";
import { ErrorMessage } from "../components/error-message";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors, formatIssues } from "../lib/messages";
import { localeFor, serverT } from "../lib/i18n.server";
import { useLiveRoom } from "../lib/live";
import { redirectWithToast } from "../lib/toast.server";

const ROLES = ["admin", "broker", "sme"] as const;
const UNKNOWN_LINK = "unknown";
const KEY_CERTIFICATIONS = 4;

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("inviteFirm"), firmId: z.uuid() }),
  z.object({ intent: z.literal("inviteEmail"), email: emailSchema }),
  z.object({ intent: z.literal("decide"), firmId: z.uuid(), decision: z.enum(["approve", "decline"]) }),
  z.object({ intent: z.literal("addBroker"), email: emailSchema }),
  z.object({ intent: z.literal("leave") }),
]);

/** A malformed id in the address is simply a page that does not exist. */
function networkIdOf(params: { networkId?: string }): string {
  const parsed = z.uuid().safeParse(params.networkId);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}

/** A short, non-confidential detail of an activity entry (who was invited, which broker...). */
function activityDetail(after: unknown, isBroker: boolean): string | null {
  if (!after || typeof after !== "object") return null;
  const a = after as Record<string, unknown>;
  for (const key of ["firm", "broker", "name", "title"]) if (typeof a[key] === "string") return a[key] as string;
  if (isBroker && typeof a.email === "string") return a.email;
  return null;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, { role: [...ROLES] });
  const networkId = networkIdOf(params);
  const locale = await localeFor(request, actor);
  let page;
  try {
    page = await context.services.networks.get(actor, { networkId });
  } catch (error) {
    throwAsResponse(error);
  }
  const isBroker = page.permissions.update;
  const card = (m: (typeof page.members)[number]) => ({
    firmId: m.firmId,
    name: m.name,
    tier: m.tier,
    region: m.region,
    certifications: m.certifications.map((code) => ({ code, name: certificationName(code) })),
  });
  const columns = [
    ...LINKS.map((link) => ({ link: link as string, members: page.members.filter((m) => m.link === link).map(card) })),
    { link: UNKNOWN_LINK, members: page.members.filter((m) => !m.link || !(LINKS as readonly string[]).includes(m.link)).map(card) },
  ].filter((c) => c.members.length > 0);

  // SMEs from the directory the broker may invite: not yet members, invited or applicants.
  const known = new Set([...page.members, ...page.invited, ...page.applications].map((m) => m.firmId));
  const smes = page.permissions.invite
    ? (await context.services.firms.searchFirms(actor, { kind: "sme", pageSize: 100 })).items
        .filter((f) => !known.has(f.id))
        .map((f) => ({ id: f.id, name: f.name }))
    : [];

  const titles = new Map(page.initiatives.map((i) => [i.id, i.title]));
  const requested = new URL(request.url).searchParams.get("invitation");
  const newInvitation = page.emailInvitations.find((i) => i.token === requested) ?? null;
  const base = context.env.PUBLIC_URL.replace(/\/$/, "");
  return {
    network: {
      id: page.network.id,
      name: page.network.name,
      sectorName: isicTitle(page.network.sector, locale),
      region: page.network.region,
      description: page.network.description,
      currency: page.network.currency,
      thresholds: {
        notable: page.network.notableShareBp / 100,
        warning: page.network.warningShareBp / 100,
        critical: page.network.criticalShareBp / 100,
        hhiModerate: page.network.hhiModerate,
        hhiHigh: page.network.hhiHigh,
        systemic: page.network.systemicShareBp / 100,
      },
    },
    brokers: page.brokers,
    memberCount: page.members.length,
    columns,
    initiatives: page.initiatives,
    activity: page.activity.map((a) => ({
      id: a.id,
      action: a.action,
      actorName: a.actorName,
      createdAt: a.createdAt,
      initiativeId: a.initiativeId && titles.has(a.initiativeId) ? a.initiativeId : null,
      initiativeTitle: a.initiativeId ? (titles.get(a.initiativeId) ?? null) : null,
      detail: activityDetail(a.after, isBroker),
    })),
    invited: page.invited.map((m) => ({ firmId: m.firmId, name: m.name, since: m.since })),
    applications: page.applications.map((m) => ({ firmId: m.firmId, name: m.name, since: m.since, link: m.link, tier: m.tier })),
    emailInvitations: page.emailInvitations.map((i) => ({ id: i.id, email: i.email, expiresAt: i.expiresAt, url: `${base}/invitations/${i.token}` })),
    newInvitation: newInvitation ? { email: newInvitation.email, url: `${base}/invitations/${newInvitation.token}` } : null,
    smes,
    permissions: page.permissions,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, { role: [...ROLES] });
  const networkId = networkIdOf(params);
  const t = await serverT(request, context, actor);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const submission = parseWithZod(formData, { schema: intentSchema, formatError: formatIssues(t) });
  if (submission.status !== "success") {
    return data({ intent, errors: submission.error ?? {} }, { status: 400 });
  }
  const input = submission.value;
  const here = `/networks/${networkId}`;
  try {
    switch (input.intent) {
      case "inviteFirm":
        await context.services.networks.invite(actor, { networkId, firmId: input.firmId });
        return redirectWithToast(here, "networks.toast.invitedFirm");
      case "inviteEmail": {
        const result = await context.services.networks.invite(actor, { networkId, email: input.email });
        const token = result.kind === "email" ? result.token : "";
        return redirectWithToast(`${here}?${new URLSearchParams({ invitation: token })}#email-invitations`, "networks.toast.invitedEmail");
      }
      case "decide":
        await context.services.networks.decideApplication(actor, { networkId, firmId: input.firmId, decision: input.decision });
        return redirectWithToast(here, input.decision === "approve" ? "networks.toast.approved" : "networks.toast.declined");
      case "addBroker":
        await context.services.networks.addBroker(actor, { networkId, email: input.email });
        return redirectWithToast(here, "networks.toast.brokerAdded");
      case "leave":
        await context.services.networks.leave(actor, { networkId });
        return redirectWithToast("/networks", "networks.toast.left");
    }
  } catch (error) {
    if (isAppError(error) && error.fields) {
      return data({ intent, errors: serviceFieldErrors(error, t) }, { status: 400 });
    }
    throwAsResponse(error);
  }
}

type Errors = Record<string, string[] | null | undefined>;

export default function NetworkPage() {
  const { t, i18n } = useTranslation();
  const {
    network,
    brokers,
    memberCount,
    columns,
    initiatives,
    activity,
    invited,
    applications,
    emailInvitations,
    newInvitation,
    smes,
    permissions,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  useLiveRoom(`network:${network.id}`);

  const errorsOf = (intent: string): Errors => (actionData && actionData.intent === intent ? (actionData.errors as Errors) : {});
  const otherErrors = (errors: Errors, known: string[]) => {
    const messages = Object.entries(errors)
      .filter(([key]) => !known.includes(key))
      .flatMap(([, m]) => m ?? []);
    return messages.length ? (
      <p className="form-error" role="alert">
        {messages.join(" ")}
      </p>
    ) : null;
  };
  const num = (value: number) => formatNumber(i18n.language, value);
  const activityText = (action: string) => {
    const key = `networks.activity.${action.replaceAll(".", "_")}`;
    const learning = `learning.networkActivity.${action.replaceAll(".", "_")}`;
    if (i18n.exists(key)) return t(key);
    if (i18n.exists(learning)) return t(learning);
    // A stand's entries in the stand's words (without areas: the plan on the stand's page shows those).
    return standActivityText({ action, after: null }, t, i18n.language) ?? action;
  };

  const inviteFirmErrors = errorsOf("inviteFirm");
  const inviteEmailErrors = errorsOf("inviteEmail");
  const addBrokerErrors = errorsOf("addBroker");
  const showBrokerTools = permissions.update || permissions.invite;

  return (
    <div className="stack">
      <div className="page-head">
        <h1>{network.name}</h1>
        <div className="actions">
          {permissions.createInitiative ? (
            <Link to={`/networks/${network.id}/initiatives/new`} className="button">
              {t("networks.page.startInitiative")}
            </Link>
          ) : null}
          {permissions.createInitiative ? (
            <Link to={`/networks/${network.id}/stands/new`} className="button button-secondary" data-testid="new-stand">
              {t("stands.form.newTitle")}
            </Link>
          ) : null}
          {permissions.createInitiative ? (
            <Link to={`/networks/${network.id}/clubs/new`} className="button button-secondary" data-testid="new-club">
              {t("learning.nav.newClub")}
            </Link>
          ) : null}
          <Link to={`/networks/${network.id}/kpis`} className="button button-secondary" data-testid="kpi-catalogue">
            {t("learning.nav.kpis")}
          </Link>
          {permissions.update ? (
            <Link to={`/networks/${network.id}/dependence`} className="button button-secondary">
              {t("dependence.links.networkDependence")}
            </Link>
          ) : null}
          {permissions.update ? (
            <Link to={`/networks/${network.id}/edit`} className="button button-secondary">
              {t("networks.page.edit")}
            </Link>
          ) : null}
        </div>
      </div>
      <section className="card" aria-labelledby="network-about">
        <h2 id="network-about" className="visually-hidden">
          {t("networks.page.about")}
        </h2>
        {network.description ? <p>{network.description}</p> : null}
        <dl className="facts">
          <div>
            <dt>{t("fields.sector")}</dt>
            <dd>{network.sectorName}</dd>
          </div>
          <div>
            <dt>{t("fields.region")}</dt>
            <dd>{network.region || "—"}</dd>
          </div>
          <div>
            <dt>{t("networks.page.brokers")}</dt>
            <dd data-testid="network-brokers">{brokers.map((b) => b.name).join(", ") || "—"}</dd>
          </div>
          <div>
            <dt>{t("networks.columns.members")}</dt>
            <dd>
              <FormattedNumber value={memberCount} />
            </dd>
          </div>
          <div>
            <dt>{t("fields.currency")}</dt>
            <dd>{network.currency}</dd>
          </div>
          <div className="fact-wide">
            <dt>{t("networks.page.thresholds")}</dt>
            <dd>
              {t("networks.page.thresholdsSummary", {
                notable: num(network.thresholds.notable),
                warning: num(network.thresholds.warning),
                critical: num(network.thresholds.critical),
                hhiModerate: num(network.thresholds.hhiModerate),
                hhiHigh: num(network.thresholds.hhiHigh),
                systemic: num(network.thresholds.systemic),
              })}
            </dd>
          </div>
        </dl>
      </section>

      <section className="card stack" aria-labelledby="network-members">
        <h2 id="network-members">{t("networks.page.members")}</h2>
        {columns.length === 0 ? (
          <p className="muted">{t("networks.page.noMembers")}</p>
        ) : (
          <div className="link-columns" role="region" aria-label={t("networks.page.byLink")} tabIndex={0} data-testid="link-columns">
            {columns.map((column) => (
              <section key={column.link} className="link-column" data-testid={`link-column-${column.link}`} aria-labelledby={`link-${column.link}`}>
                <h3 id={`link-${column.link}`}>
                  <span>{column.link === UNKNOWN_LINK ? t("networks.page.unknownLink") : t(`links.${column.link}`)}</span>{" "}
                  <span className="badge">
                    <span className="visually-hidden">{t("networks.membersCount", { count: column.members.length })}</span>
                    <span aria-hidden="true">{column.members.length}</span>
                  </span>
                </h3>
                <ul className="member-cards">
                  {column.members.map((m) => {
                    const shown = m.certifications.slice(0, KEY_CERTIFICATIONS);
                    const more = m.certifications.length - shown.length;
                    return (
                      <li key={m.firmId} className="member-card">
                        <Link to={`/firms/${m.firmId}`} className="member-name">
                          {m.name}
                        </Link>
                        <p className="muted small">
                          {m.tier ? t(`tiers.${m.tier}`) : t("networks.page.noTier")}
                          {m.region ? ` · ${m.region}` : ""}
                        </p>
                        {permissions.update ? (
                          <Link to={`/firms/${m.firmId}/dependence`} className="small" aria-label={t("dependence.links.memberDependenceOf", { firm: m.name })}>
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
                  })}
                </ul>
              </section>
            ))}
          </div>
        )}
      </section>

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

      {permissions.invite && applications.length > 0 ? (
        <section className="card stack" aria-labelledby="network-applications">
          <h2 id="network-applications">{t("networks.page.applications")}</h2>
          {otherErrors(errorsOf("decide"), [])}
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
      ) : null}

      {permissions.invite ? (
        <section className="card stack" aria-labelledby="network-invite">
          <h2 id="network-invite">{t("networks.page.invite")}</h2>
          <div className="grid-2">
            <Form method="post" className="stack" aria-labelledby="invite-firm-title">
              <h3 id="invite-firm-title">{t("networks.page.inviteFirm")}</h3>
              <input type="hidden" name="intent" value="inviteFirm" />
              {otherErrors(inviteFirmErrors, ["firmId"])}
              {smes.length === 0 ? (
                <p className="muted">{t("networks.page.noSmesToInvite")}</p>
              ) : (
                <>
                  <Field id="invite-firm" label={t("networks.page.sme")} errors={inviteFirmErrors.firmId}>
                    <select id="invite-firm" name="firmId" defaultValue="" aria-describedby={describedBy("invite-firm", inviteFirmErrors.firmId)}>
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
            <Form method="post" className="stack" aria-labelledby="invite-email-title">
              <h3 id="invite-email-title">{t("networks.page.inviteEmail")}</h3>
              <input type="hidden" name="intent" value="inviteEmail" />
              {otherErrors(inviteEmailErrors, ["email"])}
              <Field id="invite-email" label={t("fields.email")} errors={inviteEmailErrors.email} hint={t("networks.page.inviteEmailHint")}>
                <input
                  id="invite-email"
                  name="email"
                  type="email"
                  autoComplete="off"
                  aria-describedby={describedBy("invite-email", inviteEmailErrors.email, true)}
                />
              </Field>
              <div className="actions">
                <button type="submit" className="button" disabled={busy}>
                  {t("networks.page.inviteEmailSubmit")}
                </button>
              </div>
            </Form>
          </div>
        </section>
      ) : null}

      {showBrokerTools && (invited.length > 0 || emailInvitations.length > 0) ? (
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
                  {t("networks.page.newInvitationLink", { email: newInvitation.email })} <code className="invitation-link">{newInvitation.url}</code>
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
      ) : null}

      {permissions.addBroker ? (
        <section className="card stack" aria-labelledby="network-add-broker">
          <h2 id="network-add-broker">{t("networks.page.addBroker")}</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="addBroker" />
            {otherErrors(addBrokerErrors, ["email"])}
            <Field id="broker-email" label={t("fields.email")} errors={addBrokerErrors.email} hint={t("networks.page.addBrokerHint")}>
              <input id="broker-email" name="email" type="email" autoComplete="off" aria-describedby={describedBy("broker-email", addBrokerErrors.email, true)} />
            </Field>
            <div className="actions">
              <button type="submit" className="button" disabled={busy}>
                {t("networks.page.addBrokerSubmit")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {permissions.leave ? (
        <section className="card stack" aria-labelledby="network-leave">
          <h2 id="network-leave">{t("networks.page.leave")}</h2>
          <p className="muted">{t("networks.page.leaveHelp")}</p>
          {otherErrors(errorsOf("leave"), [])}
          <Form method="post">
            <input type="hidden" name="intent" value="leave" />
            <button type="submit" className="button button-secondary" disabled={busy}>
              {t("networks.page.leaveSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      <section className="card stack" aria-labelledby="network-activity">
        <h2 id="network-activity">{t("networks.page.activity")}</h2>
        {activity.length === 0 ? (
          <p className="muted">{t("networks.page.noActivity")}</p>
        ) : (
          <ol className="link-list activity-list" data-testid="activity">
            {activity.map((a) => (
              <li key={a.id}>
                <span className="muted small">
                  <FormattedDate value={a.createdAt} style="datetime" />
                </span>{" "}
                <strong>{a.actorName}</strong> {activityText(a.action)}
                {a.initiativeId ? (
                  <>
                    {": "}
                    <Link to={`/initiatives/${a.initiativeId}`}>{a.initiativeTitle}</Link>
                  </>
                ) : a.detail ? (
                  <>: {a.detail}</>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
