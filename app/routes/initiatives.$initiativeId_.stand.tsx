import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Actor } from "../../server/authz/actor";
import {
  addLeadSchema,
  addTaskSchema,
  decideSpaceSchema,
  inviteLeadSchema,
  requestSpaceSchema,
  updateTaskSchema,
} from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { FormError } from "../components/form-error";
import { StandCosts } from "../components/stand/costs";
import { FairSection } from "../components/stand/fair-section";
import { SectionNav, StandHeader } from "../components/stand/header";
import { Leads } from "../components/stand/leads";
import { Requests } from "../components/stand/requests";
import { PlanSection } from "../components/stand/space";
import { Tasks } from "../components/stand/tasks";
import { standWords } from "../components/stand/words";
import { perform, readPost, submit, unknownForm, type FormResult } from "../lib/form-action.server";
import { useLiveRoom } from "../lib/live";
import { countryOptions } from "../lib/options.server";
import { idParam, loaded, signedIn, type RouteArgs } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import initiativeStyles from "../styles/initiatives.css";
import styles from "../styles/stands.css";
import { countryName } from "../lib/names.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: initiativeStyles },
  { rel: "stylesheet", href: styles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.view.initiative.title} · Jointly` : "Jointly" }];

/**
 * "/initiatives/:initiativeId/stand": the joint trade-fair stand. The fair, the live plan with
 * the free area and the viewer's own space (request, change, release, waiting position), the
 * broker's decisions on requests and the waiting list, the costs, the shared task list, the
 * leads log and the calendar. Every change pushes `stand:updated` to `initiative:<id>`.
 */
function standOf(args: RouteArgs, actor: Actor) {
  return loaded(args.context.services.stands.getStand(actor, { initiativeId: idParam(args.params, "initiativeId") }));
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale } = await signedIn(args);
  const view = await standOf(args, actor);
  const codes = new Set([view.fair.country, ...(view.leads ?? []).map((l) => l.country)]);
  return {
    view,
    publicUrl: args.context.env.PUBLIC_URL,
    countryNames: Object.fromEntries([...codes].map((code) => [code, countryName(code, locale)])),
    // The country list only for those who log leads (it is long).
    countries: view.permissions.canAddLead ? countryOptions(locale) : [],
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t, locale } = await signedIn(args);
  const view = await standOf(args, actor);
  const initiativeId = view.initiative.id;
  const stands = args.context.services.stands;
  const post = await readPost(args.request, t, { errors: "stands.errors", word: standWords(view, t, locale) });
  const back = (section: string, toast: string) => redirectWithToast(`/initiatives/${initiativeId}/stand#${section}`, toast);
  switch (post.intent) {
    case "request":
      return submit(post, requestSpaceSchema.omit({ initiativeId: true }), async (value) => {
        await stands.requestStandSpace(actor, { initiativeId, ...value });
        return back("my-space", "stands.toast.requested");
      });
    case "release":
      return perform(post, async () => {
        await stands.releaseStandSpace(actor, { initiativeId });
        return back("my-space", "stands.toast.released");
      });
    case "decide":
      return submit(post, decideSpaceSchema.omit({ initiativeId: true }), async (value) => {
        await stands.decideStandSpace(actor, { initiativeId, ...value });
        return back("requests", `stands.toast.decided_${value.decision}`);
      });
    case "addTask":
      return submit(post, addTaskSchema.omit({ initiativeId: true }), async (value) => {
        await stands.addStandTask(actor, { initiativeId, ...value });
        return back("tasks", "stands.toast.taskAdded");
      });
    case "updateTask":
      return submit(post, updateTaskSchema.omit({ initiativeId: true }), async (value) => {
        // The form's blank owner clears the task's owner.
        await stands.updateStandTask(actor, { initiativeId, ...value, ownerUserId: value.ownerUserId ?? null });
        return back("tasks", "stands.toast.taskUpdated");
      });
    case "addLead":
      return submit(post, addLeadSchema.omit({ initiativeId: true }), async (value) => {
        await stands.addStandLead(actor, { initiativeId, ...value });
        return back("leads", "stands.toast.leadAdded");
      });
    case "invite":
      return submit(post, inviteLeadSchema.omit({ initiativeId: true }), async ({ leadId }) => {
        await stands.inviteLeadBuyer(actor, { initiativeId, leadId });
        return back(`lead-${leadId}`, "stands.toast.invited");
      });
    default:
      return unknownForm(post);
  }
}

export default function StandPage() {
  const { t } = useTranslation();
  const { view, countryNames, countries, publicUrl } = useLoaderData<typeof loader>();
  const result = useActionData<FormResult>();
  const { initiative, permissions, viewer, stand } = view;
  useLiveRoom(`initiative:${initiative.id}`);
  return (
    <article className="stack stand-page">
      <StandHeader view={view} countryNames={countryNames} />
      <SectionNav view={view} />
      <FormError messages={[result?.error]} />
      {initiative.status === "draft" && viewer.isBroker ? (
        <p className="notice" data-testid="draft-notice">
          {t("stands.page.draftNotice")} <Link to={`/initiatives/${initiative.id}`}>{t("stands.page.openOnInitiative")}</Link>
        </p>
      ) : null}
      <PlanSection view={view} />
      {permissions.canDecide || (viewer.isBroker && view.waitingList.length > 0) ? <Requests view={view} /> : null}
      <section className="card stack" aria-labelledby="costs-heading" id="costs">
        <h2 id="costs-heading">{t("stands.page.costsTitle")}</h2>
        <StandCosts costs={view.costs} subsidies={view.subsidies} allocatedDm2={stand.allocatedDm2} ownFirmId={viewer.firmId} />
      </section>
      {view.tasks !== null ? <Tasks view={view} /> : null}
      {view.leads !== null ? <Leads view={view} context={{ countries, countryNames, publicUrl }} /> : null}
      <FairSection view={view} countryNames={countryNames} />
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
