import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import {
  brokerEmailForm as emailForm,
  applicationDecisionForm as decisionForm,
  applicationFirmForm as firmForm,
} from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { NetworkAbout, NetworkHead } from "../components/network/about";
import { ActivityList, LeaveNetwork } from "../components/network/activity";
import { AddBroker, Applications, InviteForms, PendingInvitations } from "../components/network/broker-tools";
import { InitiativeList, MemberColumns } from "../components/network/members";
import { invitableSmes, networkPageView } from "../components/network/view.server";
import { perform, readPost, submit, unknownForm } from "../lib/form-action.server";
import { useLiveRoom } from "../lib/live";
import { idParam, loaded, signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";

export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale } = await signedIn(args, ["network", "read"]);
  const networkId = idParam(args.params, "networkId");
  const { networks, firms } = args.context.services;
  const page = await loaded(networks.get(actor, { networkId }));
  const directory = page.permissions.invite ? (await firms.searchFirms(actor, { kind: "sme", pageSize: 100 })).items : [];
  const requestedInvitation = new URL(args.request.url).searchParams.get("invitation");
  return {
    ...networkPageView(page, { locale, publicUrl: args.context.env.PUBLIC_URL, requestedInvitation }),
    smes: invitableSmes(page, directory),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args, ["network", "read"]);
  const networkId = idParam(args.params, "networkId");
  const networks = args.context.services.networks;
  const post = await readPost(args.request, t);
  const here = `/networks/${networkId}`;
  switch (post.intent) {
    case "inviteFirm":
      return submit(post, firmForm, async ({ firmId }) => {
        await networks.invite(actor, { networkId, firmId });
        return redirectWithToast(here, "networks.toast.invitedFirm");
      });
    case "inviteEmail":
      return submit(post, emailForm, async ({ email }) => {
        const result = await networks.invite(actor, { networkId, email });
        const token = result.kind === "email" ? result.token : "";
        return redirectWithToast(`${here}?${new URLSearchParams({ invitation: token })}#email-invitations`, "networks.toast.invitedEmail");
      });
    case "decide":
      return submit(post, decisionForm, async ({ firmId, decision }) => {
        await networks.decideApplication(actor, { networkId, firmId, decision });
        return redirectWithToast(here, decision === "approve" ? "networks.toast.approved" : "networks.toast.declined");
      });
    case "addBroker":
      return submit(post, emailForm, async ({ email }) => {
        await networks.addBroker(actor, { networkId, email });
        return redirectWithToast(here, "networks.toast.brokerAdded");
      });
    case "leave":
      return perform(post, async () => {
        await networks.leave(actor, { networkId });
        return redirectWithToast("/networks", "networks.toast.left");
      });
    default:
      return unknownForm(post);
  }
}

export default function NetworkPage() {
  const page = useLoaderData<typeof loader>();
  const { network, permissions } = page;
  const busy = useNavigation().state === "submitting";
  useLiveRoom(`network:${network.id}`);
  const showPending = (permissions.update || permissions.invite) && (page.invited.length > 0 || page.emailInvitations.length > 0);
  return (
    <div className="stack">
      <NetworkHead id={network.id} name={network.name} permissions={permissions} />
      <NetworkAbout network={network} brokers={page.brokers} memberCount={page.memberCount} />
      <MemberColumns columns={page.columns} showDependence={permissions.update} />
      <InitiativeList initiatives={page.initiatives} />
      {permissions.invite && page.applications.length > 0 ? <Applications applications={page.applications} busy={busy} /> : null}
      {permissions.invite ? <InviteForms smes={page.smes} busy={busy} /> : null}
      {showPending ? (
        <PendingInvitations invited={page.invited} emailInvitations={page.emailInvitations} newInvitation={page.newInvitation} />
      ) : null}
      {permissions.addBroker ? <AddBroker busy={busy} /> : null}
      {permissions.leave ? <LeaveNetwork busy={busy} /> : null}
      <ActivityList activity={page.activity} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
