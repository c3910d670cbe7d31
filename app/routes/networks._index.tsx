import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { networkIdSchema, networkJoinForm as joinForm } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { BrokeredNetworks, MembershipCard, OtherNetworkCard } from "../components/network/network-cards";
import { formText, readPost, submit, unknownForm } from "../lib/form-action.server";
import { signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import { isicTitle } from "../lib/names.server";

export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale } = await signedIn(args, ["network", "list"]);
  const result = await args.context.services.networks.list(actor);
  const named = <N extends { sector: string }>(networks: N[]) => networks.map((n) => ({ ...n, sectorName: isicTitle(n.sector, locale) }));
  return {
    role: actor.role,
    hasFirm: actor.firm !== null,
    brokered: named(result.brokered),
    memberships: named(result.memberships),
    others: named(result.others),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args, ["network", "apply"]);
  const read = await readPost(args.request, t);
  // Each card is a form of its own: its network is the row the answer goes back to.
  const post = { ...read, target: formText(read.formData, "networkId") || null };
  const networks = args.context.services.networks;
  switch (post.intent) {
    case "apply":
      return submit(post, joinForm, async (input) => {
        const result = await networks.apply(actor, input);
        return result.status === "active"
          ? redirectWithToast(`/networks/${result.networkId}`, "networks.toast.joined")
          : redirectWithToast("/networks", "networks.toast.applied");
      });
    case "accept":
      return submit(post, joinForm, async ({ networkId, consent }) => {
        await networks.respondToInvitation(actor, { networkId, decision: "accept", consent });
        return redirectWithToast(`/networks/${networkId}`, "networks.toast.joined");
      });
    case "decline":
      return submit(post, networkIdSchema, async ({ networkId }) => {
        await networks.respondToInvitation(actor, { networkId, decision: "decline" });
        return redirectWithToast("/networks", "networks.toast.invitationDeclined");
      });
    default:
      return unknownForm(post);
  }
}

export default function Networks() {
  const { t } = useTranslation();
  const { role, hasFirm, brokered, memberships, others } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";

  if (role === "broker" || role === "admin") {
    const title = role === "admin" ? t("networks.allTitle") : t("networks.title");
    return (
      <div className="stack">
        <div className="page-head">
          <h1>{title}</h1>
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
          <BrokeredNetworks networks={brokered} caption={title} />
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
          {memberships.map((n) => (
            <MembershipCard key={n.id} network={n} busy={busy} />
          ))}
        </ul>
      </section>
      {hasFirm ? (
        <section className="stack" aria-labelledby="other-networks">
          <h2 id="other-networks">{t("networks.others")}</h2>
          {others.length === 0 ? <p className="muted">{t("networks.noOthers")}</p> : null}
          <ul className="network-cards" data-testid="other-networks">
            {others.map((n) => (
              <OtherNetworkCard key={n.id} network={n} busy={busy} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
