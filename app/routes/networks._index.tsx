import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { isicTitle } from "../../db/reference/isic";
import { consentSchema } from "../../server/schemas/network";
import { FormattedNumber } from "../components/formatted";
import { ConsentCheckbox } from "../components/network-form";
import { ErrorMessage } from "../components/error-message";
import { requireActor } from "../lib/auth.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";
import { serviceFieldErrors, formatIssues } from "../lib/messages";
import { localeFor, serverT } from "../lib/i18n.server";
import { redirectWithToast } from "../lib/toast.server";

/** The checkbox sends "true"; anything else (or nothing) is no consent. */
const consent = z.preprocess((v) => v === "true", consentSchema);

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), networkId: z.uuid(), consent }),
  z.object({ intent: z.literal("decline"), networkId: z.uuid() }),
  z.object({ intent: z.literal("apply"), networkId: z.uuid(), consent }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, { role: ["admin", "broker", "sme"] });
  const locale = await localeFor(request, actor);
  const result = await context.services.networks.list(actor);
  const sectorName = (sector: string) => isicTitle(sector, locale);
  return {
    role: actor.role,
    hasFirm: actor.firm !== null,
    brokered: result.brokered.map((n) => ({ ...n, sectorName: sectorName(n.sector) })),
    memberships: result.memberships.map((n) => ({ ...n, sectorName: sectorName(n.sector) })),
    others: result.others.map((n) => ({ ...n, sectorName: sectorName(n.sector) })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, { role: "sme" });
  const t = await serverT(request, context, actor);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: intentSchema, formatError: formatIssues(t) });
  const networkId = String(formData.get("networkId") ?? "");
  const intent = String(formData.get("intent") ?? "");
  if (submission.status !== "success") {
    return data({ intent, networkId, errors: submission.error ?? {} }, { status: 400 });
  }
  const input = submission.value;
  try {
    if (input.intent === "apply") {
      const result = await context.services.networks.apply(actor, { networkId: input.networkId, consent: input.consent });
      return result.status === "active"
        ? redirectWithToast(`/networks/${result.networkId}`, "networks.toast.joined")
        : redirectWithToast("/networks", "networks.toast.applied");
    }
    if (input.intent === "accept") {
      await context.services.networks.respondToInvitation(actor, { networkId: input.networkId, decision: "accept", consent: input.consent });
      return redirectWithToast(`/networks/${input.networkId}`, "networks.toast.joined");
    }
    await context.services.networks.respondToInvitation(actor, { networkId: input.networkId, decision: "decline" });
    return redirectWithToast("/networks", "networks.toast.invitationDeclined");
  } catch (error) {
    if (isAppError(error) && error.fields) {
      return data({ intent, networkId, errors: serviceFieldErrors(error, t) }, { status: 400 });
    }
    throwAsResponse(error);
  }
}

type Errors = Record<string, string[] | null | undefined>;

export default function Networks() {
  const { t } = useTranslation();
  const { role, hasFirm, brokered, memberships, others } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errorsFor = (networkId: string): Errors | null =>
    actionData && "errors" in actionData && actionData.networkId === networkId ? (actionData.errors as Errors) : null;
  const formErrors = (errors: Errors | null) => {
    const other = Object.entries(errors ?? {})
      .filter(([key]) => key !== "consent")
      .flatMap(([, messages]) => messages ?? []);
    return other.length ? (
      <p className="form-error" role="alert">
        {other.join(" ")}
      </p>
    ) : null;
  };

  if (role === "broker" || role === "admin") {
    return (
      <div className="stack">
        <div className="page-head">
          <h1>{role === "admin" ? t("networks.allTitle") : t("networks.title")}</h1>
          {role === "broker" ? (
            <Link to="/networks/new" className="button">
              {t("networks.new")}
            </Link>
          ) : null}
        </div>
        <p className="lead">{role === "admin" ? t("networks.adminLead") : t("networks.brokerLead")}</p>
        {brokered.length === 0 ? (
          <p className="muted" data-testid="no-networks">
            {t("networks.empty")}
          </p>
        ) : (
          <div className="card table-wrap">
            <table data-testid="network-list">
              <caption className="visually-hidden">{role === "admin" ? t("networks.allTitle") : t("networks.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("networks.columns.name")}</th>
                  <th scope="col">{t("fields.sector")}</th>
                  <th scope="col">{t("fields.region")}</th>
                  <th scope="col">{t("networks.columns.members")}</th>
                </tr>
              </thead>
              <tbody>
                {brokered.map((n) => (
                  <tr key={n.id}>
                    <td>
                      <Link to={`/networks/${n.id}`}>{n.name}</Link>
                    </td>
                    <td>{n.sectorName}</td>
                    <td>{n.region || "—"}</td>
                    <td>
                      <FormattedNumber value={n.members} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="stack">
      <h1>{t("networks.title")}</h1>
      <p className="lead">{t("networks.smeLead")}</p>
      {!hasFirm ? (
        <p className="notice" role="status">
          {t("networks.noFirm")}
        </p>
      ) : null}

      <section className="stack" aria-labelledby="my-networks">
        <h2 id="my-networks">{t("networks.mine")}</h2>
        {memberships.length === 0 ? <p className="muted">{t("networks.noMemberships")}</p> : null}
        <ul className="network-cards" data-testid="my-networks">
          {memberships.map((n) => {
            const errors = errorsFor(n.id);
            return (
              <li key={n.id} className="card stack" id={`network-${n.id}`}>
                <div className="page-head">
                  <h3>{n.status === "active" ? <Link to={`/networks/${n.id}`}>{n.name}</Link> : n.name}</h3>
                  <span className={`tag status-${n.status}`}>{t(`networks.status.${n.status}`)}</span>
                </div>
                <p className="muted">
                  {n.sectorName}
                  {n.region ? ` · ${n.region}` : ""} · {t("networks.membersCount", { count: n.members })}
                </p>
                {n.description ? <p>{n.description}</p> : null}
                {n.status === "invited" ? (
                  <Form method="post" className="stack">
                    <input type="hidden" name="networkId" value={n.id} />
                    {formErrors(errors)}
                    <ConsentCheckbox id={`consent-${n.id}`} errors={errors?.consent} />
                    <div className="actions">
                      <button type="submit" name="intent" value="accept" className="button" disabled={busy}>
                        {t("networks.accept")}
                      </button>
                      <button type="submit" name="intent" value="decline" className="button button-secondary" disabled={busy}>
                        {t("networks.decline")}
                      </button>
                    </div>
                  </Form>
                ) : null}
                {n.status === "applied" ? <p className="notice">{t("networks.awaitingDecision")}</p> : null}
              </li>
            );
          })}
        </ul>
      </section>

      {hasFirm ? (
        <section className="stack" aria-labelledby="other-networks">
          <h2 id="other-networks">{t("networks.others")}</h2>
          {others.length === 0 ? <p className="muted">{t("networks.noOthers")}</p> : null}
          <ul className="network-cards" data-testid="other-networks">
            {others.map((n) => {
              const errors = errorsFor(n.id);
              return (
                <li key={n.id} className="card stack" id={`network-${n.id}`}>
                  <h3>{n.name}</h3>
                  <p className="muted">
                    {n.sectorName}
                    {n.region ? ` · ${n.region}` : ""} · {t("networks.membersCount", { count: n.members })}
                  </p>
                  {n.description ? <p>{n.description}</p> : null}
                  <Form method="post" className="stack">
                    <input type="hidden" name="networkId" value={n.id} />
                    {formErrors(errors)}
                    <ConsentCheckbox id={`consent-${n.id}`} errors={errors?.consent} />
                    <div className="actions">
                      <button type="submit" name="intent" value="apply" className="button" disabled={busy}>
                        {t("networks.apply")}
                      </button>
                    </div>
                  </Form>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
