import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { invitationAcceptSchema as acceptSchema } from "../lib/schemas.server";
import { ConsentCheckbox } from "../components/network/consent";
import { ErrorMessage } from "../components/error-message";
import { getActor, requireActor } from "../lib/auth.server";
import { throwAsResponse } from "../lib/errors.server";
import { readPost, submit } from "../lib/form-action.server";
import { useFormResult } from "../lib/form-result";
import { serverT } from "../lib/i18n.server";
import { redirectWithToast } from "../lib/toast.server";

function tokenOf(params: { token?: string }): string {
  const token = params.token ?? "";
  if (token.length < 20 || token.length > 100) throw new Response("Not found", { status: 404 });
  return token;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = tokenOf(params);
  const actor = await getActor(context);
  let invitation;
  try {
    invitation = await context.services.networks.getInvitationLink(token);
  } catch (error) {
    throwAsResponse(error);
  }
  const here = new URL(request.url).pathname;
  return {
    invitation: { network: invitation.network, region: invitation.region, usable: invitation.usable },
    signedIn: actor !== null,
    canAccept: actor?.role === "sme" && actor.firm !== null,
    loginHref: `/login?${new URLSearchParams({ redirectTo: here })}`,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const token = tokenOf(params);
  const actor = await requireActor(request, context, { role: "sme" });
  const t = await serverT(request, context, actor);
  return submit(await readPost(request, t), acceptSchema, async ({ consent }) => {
    const result = await context.services.networks.acceptInvitationLink(actor, { token, consent });
    return redirectWithToast(`/networks/${result.networkId}`, "networks.toast.joined");
  });
}

export default function Invitation() {
  const { t } = useTranslation();
  const { invitation, signedIn, canAccept, loginHref } = useLoaderData<typeof loader>();
  // The page's one form: its post names no intent.
  const { lastResult, error } = useFormResult("");
  const navigation = useNavigation();
  const errors = lastResult?.error ?? {};
  const other = [
    ...Object.entries(errors)
      .filter(([key]) => key !== "consent")
      .flatMap(([, m]) => m ?? []),
    ...(error ? [error] : []),
  ];
  return (
    <section className="narrow card stack">
      <h1>{t("networks.invitation.title", { network: invitation.network })}</h1>
      {invitation.region ? (
        <p className="muted">
          {t("fields.region")}: {invitation.region}
        </p>
      ) : null}
      <p>{t("networks.invitation.lead")}</p>
      {invitation.usable ? <p className="hint">{t("networks.invitation.personal")}</p> : null}
      {!invitation.usable ? (
        <p className="notice" role="status">
          {t("networks.invitation.unusable")}
        </p>
      ) : !signedIn ? (
        <div className="stack">
          <p>{t("networks.invitation.signedOut")}</p>
          <div className="actions">
            <Link to="/signup" className="button">
              {t("nav.signUp")}
            </Link>
            <Link to={loginHref} className="button button-secondary">
              {t("nav.signIn")}
            </Link>
          </div>
          <p className="hint">{t("networks.invitation.comeBack")}</p>
        </div>
      ) : !canAccept ? (
        <p className="notice" role="status">
          {t("networks.invitation.notSme")}
        </p>
      ) : (
        <Form method="post" className="stack">
          {other.length ? (
            <p className="form-error" role="alert">
              {other.join(" ")}
            </p>
          ) : null}
          <ConsentCheckbox id="invitation-consent" errors={errors.consent} />
          <div className="actions">
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("networks.invitation.accept")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
