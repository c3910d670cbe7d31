import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { can, roleMay } from "../../server/authz/permissions";
import {
  consortiumSchema,
  decideResponseSchema,
  needTransitionSchema,
  needResponseFormSchema as responseFormSchema,
  needConsortiumResponseSchema as consortiumResponseSchema,
} from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { FormError } from "../components/form-error";
import { countryCodesOf, NeedStatus, type Part } from "../components/sourcing/match";
import { NeedFacts } from "../components/sourcing/need-facts";
import { Matches, Proposals } from "../components/sourcing/need-matches";
import type { NeedPageData } from "../components/sourcing/need-page";
import { Consortia, Responses, SmeSection } from "../components/sourcing/need-responses";
import { perform, readPost, submit, unknownForm, type FormResult, type Post } from "../lib/form-action.server";
import { useLiveRoom } from "../lib/live";
import { idParam, loaded, signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import styles from "../styles/sourcing.css";
import { countryName, isicTitle } from "../lib/names.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page ? `${page.need.product} · Jointly` : "Jointly" }];

export async function loader(args: LoaderFunctionArgs): Promise<NeedPageData> {
  const { actor, locale } = await signedIn(args);
  const needId = idParam(args.params, "needId");
  const { services } = args.context;
  const view = await loaded(services.sourcing.get(actor, { needId }));
  const { need } = view;
  const facts = { firmId: need.buyerFirmId };
  // Without facts, can() holds only for roles with the "any" scope: here brokers and administrators.
  const readsAllMatches = can(actor, "need", "readMatches");
  const answersForFirm = can(actor, "need", "respond");
  const formsConsortia = roleMay(actor.role, ["need", "formConsortium"]);
  // Independent reads, run together: the page waits for the slowest, not for their sum.
  const [matches, fit, proposals, consortia, names] = await Promise.all([
    can(actor, "need", "readMatches", facts) ? loaded(services.sourcing.matches(actor, { needId })) : null,
    answersForFirm && actor.firm && need.status === "open"
      ? loaded(services.sourcing.myMatchingNeeds(actor)).then(({ items }) => items.find((i) => i.needId === needId) ?? null)
      : null,
    readsAllMatches && need.status === "open" ? loaded(services.sourcing.consortiumProposals(actor, { needId })) : null,
    formsConsortia ? loaded(services.sourcing.formedConsortia(actor, { needId })) : [],
    services.networks.listNames(),
  ]);
  const networkNames = Object.fromEntries(names.map((n) => [n.id, n.name]));
  const parts: Part[] = [...(matches?.items.flatMap((m) => m.parts) ?? []), ...(fit?.parts ?? [])];
  const codes = new Set([need.deliveryCountry, ...countryCodesOf(parts), ...(matches?.items.map((m) => m.country) ?? [])]);
  return {
    viewer: {
      role: actor.role,
      firmId: actor.firm?.id ?? null,
      owner: view.owner,
      answersForFirm,
      readsAllMatches,
      formsConsortia,
      canDecide: can(actor, "need", "decideResponse", facts),
    },
    need,
    sectorName: `${need.sector} · ${isicTitle(need.sector, locale)}`,
    transitions: view.transitions,
    responses: view.responses,
    matches,
    fit,
    proposals,
    consortia,
    networkNames,
    countryNames: Object.fromEntries([...codes].map((code) => [code, countryName(code, locale)])),
  };
}

/**
 * A form of buttons and hidden fields: values the page never sends make an invalid form, and a
 * refusal is the form's message (its fields are not on the page).
 */
function pressed<S extends z.ZodType>(post: Post, schema: S, run: (value: z.output<S>) => Promise<Response>) {
  const submission = parseWithZod(post.formData, { schema });
  return submission.status === "success" ? perform(post, () => run(submission.value)) : unknownForm(post);
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args);
  const needId = idParam(args.params, "needId");
  const here = `/needs/${needId}`;
  const sourcing = args.context.services.sourcing;
  const post = await readPost(args.request, t, { errors: "sourcing.errors" });
  switch (post.intent) {
    case "transition":
      return pressed(post, needTransitionSchema.omit({ needId: true }), async ({ to }) => {
        await sourcing.transition(actor, { needId, to });
        return redirectWithToast(here, `sourcing.toast.status_${to}`);
      });
    case "decide":
      return pressed(post, decideResponseSchema, async (decision) => {
        await sourcing.decideResponse(actor, decision);
        return redirectWithToast(here, `sourcing.toast.decision_${decision.decision}`);
      });
    case "respond":
      return submit(post, responseFormSchema, async (response) => {
        await sourcing.respond(actor, { needId, ...response });
        return redirectWithToast(here, "sourcing.toast.responded");
      });
    case "consortiumRespond":
      return submit(post, consortiumResponseSchema, async (response) => {
        await sourcing.respond(actor, { needId, ...response });
        return redirectWithToast(here, "sourcing.toast.consortiumResponded");
      });
    case "consortium":
      return pressed(post, consortiumSchema.pick({ networkId: true, firmIds: true }), async (consortium) => {
        const created = await sourcing.createConsortium(actor, { needId, ...consortium });
        return redirectWithToast(`/initiatives/${created.initiativeId}`, "sourcing.toast.consortiumCreated");
      });
    default:
      return unknownForm(post);
  }
}

export default function NeedPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<FormResult>();
  const { need, viewer } = page;
  useLiveRoom(`need:${need.id}`);
  // Rankings move when an SME's profile or ledger changes.
  useLiveRoom("needs:all");
  const navigation = useNavigation();

  return (
    <article className="stack sourcing-page need-page">
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to="/needs">{t("sourcing.title")}</Link> · {need.buyerName}
          </p>
          <h1>{need.product}</h1>
        </div>
        <NeedStatus status={need.status} testId="need-status" />
      </header>
      <FormError messages={[result?.error]} />
      {viewer.owner && need.status === "draft" ? <p className="notice card">{t("sourcing.page.draftNotice")}</p> : null}
      {page.transitions.length > 0 ? (
        <Form method="post" className="actions transitions" aria-label={t("sourcing.page.statusActions")}>
          <input type="hidden" name="intent" value="transition" />
          {page.transitions.map((to) => (
            <button
              key={to}
              type="submit"
              name="to"
              value={to}
              className={`button${to === "open" ? "" : " button-secondary"}`}
              disabled={navigation.state !== "idle"}
            >
              {t(`sourcing.transition.${to}`)}
            </button>
          ))}
        </Form>
      ) : null}
      <NeedFacts page={page} />
      {viewer.answersForFirm ? <SmeSection page={page} /> : null}
      {page.matches ? <Matches page={page} /> : null}
      {page.proposals ? <Proposals page={page} /> : null}
      {viewer.formsConsortia ? <Consortia page={page} /> : null}
      {viewer.owner || page.responses.length > 0 ? <Responses page={page} /> : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
