import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { commitmentSchema, messageSchema, transitionSchema } from "../lib/schemas.server";
import type { InitiativeView } from "../../server/services/initiatives/get-initiative";
import { ClubPanel } from "../components/learning/club-panel";
import { ErrorMessage } from "../components/error-message";
import { FormError } from "../components/form-error";
import { About, Participants } from "../components/initiative/about";
import { ActivityLog } from "../components/initiative/activity-log";
import { toBudgetInput } from "../components/initiative/budget-schema.server";
import { budgetPageForm, underBudgetFields } from "../components/initiative/budget-form.server";
import { BudgetPanel } from "../components/initiative/budget-panel";
import { Discussion } from "../components/initiative/discussion";
import { JointBuyPanel } from "../components/initiative/joint-buy-panel";
import { StandPanel } from "../components/stand/panel";
import { perform, readPost, submit, unknownForm, type FormResult } from "../lib/form-action.server";
import { useLiveRoom } from "../lib/live";
import { idParam, loaded, signedIn, type RouteArgs } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import styles from "../styles/initiatives.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: view }) => [{ title: view ? `${view.initiative.title} · Jointly` : "Jointly" }];

async function initiativeOf(args: RouteArgs) {
  const reader = await signedIn(args);
  const view = await loaded(args.context.services.initiatives.get(reader.actor, { initiativeId: idParam(args.params, "initiativeId") }));
  return { ...reader, view };
}

export async function loader(args: LoaderFunctionArgs): Promise<InitiativeView> {
  return (await initiativeOf(args)).view;
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t, view } = await initiativeOf(args);
  const initiatives = args.context.services.initiatives;
  const initiativeId = view.initiative.id;
  const here = `/initiatives/${initiativeId}`;
  const post = await readPost(args.request, t, { errors: "initiatives.errors" });
  switch (post.intent) {
    case "join":
      return perform(post, async () => {
        await initiatives.join(actor, { initiativeId });
        return redirectWithToast(here, "initiatives.toast.joined");
      });
    case "leave":
      return perform(post, async () => {
        await initiatives.leave(actor, { initiativeId });
        return redirectWithToast(here, "initiatives.toast.left");
      });
    case "transition": {
      // A status button: a value the page never offers is an unreadable form.
      const to = transitionSchema.shape.to.safeParse(post.formData.get("to"));
      if (!to.success) return unknownForm(post);
      return perform(post, async () => {
        await initiatives.transition(actor, { initiativeId, to: to.data });
        return redirectWithToast(here, `initiatives.toast.status_${to.data}`);
      });
    }
    case "commit":
      return submit(post, commitmentSchema.omit({ initiativeId: true }), async ({ quantity }) => {
        await initiatives.setCommitment(actor, { initiativeId, quantity });
        return redirectWithToast(here, quantity === 0 ? "initiatives.toast.commitmentWithdrawn" : "initiatives.toast.commitmentSaved");
      });
    case "message":
      return submit(post, messageSchema.omit({ initiativeId: true }), async ({ body }) => {
        await initiatives.postMessage(actor, { initiativeId, body });
        return redirectWithToast(`${here}#discussion`, "initiatives.toast.messageSent");
      });
    case "budget": {
      const form = budgetPageForm(view.participants, post.formData);
      return submit(post, form.schema, async ({ budget }) => {
        await underBudgetFields(initiatives.setBudget(actor, { initiativeId, ...toBudgetInput(budget, form.weights) }));
        return redirectWithToast(here, "initiatives.toast.budgetSaved");
      });
    }
    default:
      return unknownForm(post);
  }
}

export default function InitiativePage() {
  const { t } = useTranslation();
  const view: InitiativeView = useLoaderData<typeof loader>();
  const result = useActionData<FormResult>();
  const { initiative, jointBuy } = view;
  useLiveRoom(`initiative:${initiative.id}`);

  return (
    <article className="stack initiative-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${initiative.networkId}`}>{initiative.networkName}</Link>
          </p>
          <h1>{initiative.title}</h1>
        </div>
        <span className={`status-badge status-${initiative.status}`} data-testid="initiative-status">
          {t(`initiatives.status.${initiative.status}`)}
        </span>
      </header>
      <FormError messages={[result?.error]} />
      <About view={view} />
      <Participants view={view} />
      {jointBuy ? <JointBuyPanel view={view} jointBuy={jointBuy} /> : null}
      {initiative.tool === "generic" ? <BudgetPanel view={view} /> : null}
      {initiative.tool === "stand" ? <StandPanel stand={view.stand} /> : null}
      {initiative.tool === "benchmark_club" ? <ClubPanel initiativeId={initiative.id} club={view.club} status={initiative.status} /> : null}
      <Discussion view={view} />
      <ActivityLog view={view} />
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
