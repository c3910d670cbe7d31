import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FormResult } from "../../lib/form-action.server";
import { FormError } from "../form-error";
import { FormattedNumber } from "../formatted";
import { ConsentCheckbox } from "./consent";

export interface NetworkCard {
  id: string;
  name: string;
  sectorName: string;
  region: string;
  description: string;
  members: number;
  status?: string;
}

/** The joining form of one network card (accept/decline an invitation, or apply), with its last answer. */
function JoinForm({ networkId, intents, busy }: { networkId: string; intents: Array<"accept" | "decline" | "apply">; busy: boolean }) {
  const { t } = useTranslation();
  const result = useActionData<FormResult>();
  const mine = result && result.target === networkId ? result : null;
  const fields: Record<string, string[] | null | undefined> = mine?.reply?.error ?? {};
  const other = Object.entries(fields).flatMap(([key, messages]) => (key === "consent" ? [] : (messages ?? [])));
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="networkId" value={networkId} />
      <FormError messages={[mine?.error, ...other]} />
      <ConsentCheckbox id={`consent-${networkId}`} errors={fields.consent} />
      <div className="actions">
        {intents.map((intent) => (
          <button
            key={intent}
            type="submit"
            name="intent"
            value={intent}
            className={intent === "decline" ? "button button-secondary" : "button"}
            disabled={busy}
          >
            {t(`networks.${intent}`)}
          </button>
        ))}
      </div>
    </Form>
  );
}

/** A network the SME belongs to, is invited to or applied to. */
export function MembershipCard({ network: n, busy }: { network: NetworkCard; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="card stack" id={`network-${n.id}`}>
      <div className="page-head">
        <h3>{n.status === "active" ? <Link to={`/networks/${n.id}`}>{n.name}</Link> : n.name}</h3>
        <span className={`tag status-${n.status}`}>{t(`networks.status.${n.status}`)}</span>
      </div>
      <p className="muted">
        {n.sectorName}
        {n.region ? ` · ${n.region}` : ""} · {t("networks.membersCount", { count: n.members })}
      </p>
      {n.description ? <p>{n.description}</p> : null}
      {n.status === "invited" ? <JoinForm networkId={n.id} intents={["accept", "decline"]} busy={busy} /> : null}
      {n.status === "applied" ? <p className="notice">{t("networks.awaitingDecision")}</p> : null}
    </li>
  );
}

/** A network the SME may apply to. */
export function OtherNetworkCard({ network: n, busy }: { network: NetworkCard; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="card stack" id={`network-${n.id}`}>
      <h3>{n.name}</h3>
      <p className="muted">
        {n.sectorName}
        {n.region ? ` · ${n.region}` : ""} · {t("networks.membersCount", { count: n.members })}
      </p>
      {n.description ? <p>{n.description}</p> : null}
      <JoinForm networkId={n.id} intents={["apply"]} busy={busy} />
    </li>
  );
}

/** The networks a broker runs (all of them for an administrator). */
export function BrokeredNetworks({ networks, caption }: { networks: NetworkCard[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="card table-wrap">
      <table data-testid="network-list">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("networks.columns.name")}</th>
            <th scope="col">{t("fields.sector")}</th>
            <th scope="col">{t("fields.region")}</th>
            <th scope="col">{t("networks.columns.members")}</th>
          </tr>
        </thead>
        <tbody>
          {networks.map((n) => (
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
  );
}
