import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fairInputSchema } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { FairForm } from "../components/stand/fair-form";
import { safeRedirect } from "../lib/auth.server";
import { readPost, submit } from "../lib/form-action.server";
import { countryOptions } from "../lib/options.server";
import { signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import styles from "../styles/stands.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

/**
 * "/fairs/new": a broker adds a trade fair (any network's stand may then point at it). Opened
 * from the stand form with `?returnTo=…`, it goes back there with the new fair chosen.
 */
function returnTarget(request: Request): string | null {
  return safeRedirect(new URL(request.url).searchParams.get("returnTo"), "") || null;
}

export async function loader(args: LoaderFunctionArgs) {
  const { locale } = await signedIn(args, ["stand", "createFair"]);
  return { countries: countryOptions(locale), returnTo: returnTarget(args.request) };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args, ["stand", "createFair"]);
  // The shared "ends before start" words speak of meetings; a fair has its own.
  const word = (field: string, key: string | undefined) =>
    field === "endsOn" && key === "ends_before_start" ? t("stands.errors.fairEndsBeforeStart") : null;
  const post = await readPost(args.request, t, { errors: "stands.errors", word });
  return submit(post, fairInputSchema, async (fair) => {
    const created = await args.context.services.stands.createFair(actor, fair);
    const back = returnTarget(args.request);
    if (!back) return redirectWithToast(`/fairs#fair-${created.id}`, "stands.toast.fairCreated");
    const url = new URL(back, "http://local");
    url.searchParams.set("fairId", created.id);
    return redirectWithToast(`${url.pathname}${url.search}`, "stands.toast.fairCreated");
  });
}

export default function NewFair() {
  const { t } = useTranslation();
  const { countries, returnTo } = useLoaderData<typeof loader>();
  return (
    <section className="stack fair-new">
      <div className="page-head">
        <h1>{t("stands.fairs.newTitle")}</h1>
        <Link to={returnTo ?? "/fairs"}>{t("common.cancel")}</Link>
      </div>
      <p className="muted">{t("stands.fairs.newLead")}</p>
      <FairForm countries={countries} />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
