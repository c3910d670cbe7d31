import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CURRENCY_CODES } from "../../db/reference/currencies";
import type { Objective } from "../../server/domain/initiative";
import { ErrorMessage } from "../components/error-message";
import { FormError } from "../components/form-error";
import { underBudgetFields } from "../components/initiative/budget-form.server";
import { newInitiativeFormSchema, toBudgetInput } from "../components/initiative/budget-schema.server";
import {
  BudgetSection,
  CommonFields,
  JointBuySection,
  newInitiativeDefaults,
  ObjectiveField,
  type NewInitiativeInput,
} from "../components/initiative/new-initiative-form";
import { useHydrated } from "../lib/browser-value";
import { formText, readPost, submit } from "../lib/form-action.server";
import { useFormResult } from "../lib/form-result";
import { idParam, loaded, signedIn, type RouteArgs } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";
import styles from "../styles/initiatives.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

const JOINT_BUYING: Objective = "joint_buying";

/** A broker of the network: the page exists for creating its initiatives. */
async function networkOf(args: RouteArgs) {
  const reader = await signedIn(args, ["initiative", "create"]);
  const view = await loaded(args.context.services.networks.get(reader.actor, { networkId: idParam(args.params, "networkId") }));
  if (!view.permissions.createInitiative) throw new Response("Forbidden", { status: 403 });
  return { ...reader, network: view.network };
}

export async function loader(args: LoaderFunctionArgs) {
  const { network } = await networkOf(args);
  return {
    network: { id: network.id, name: network.name, currency: network.currency },
    currencies: CURRENCY_CODES,
  };
}

const SECTION_PREFIX = { jointBuy: /^jointBuy[.[]/, budget: /^budget[.[]/ };

/** A joint trade-fair stand and a learning network have their own forms: carry over what was typed and go there. */
function toOwnForm(formData: FormData, networkId: string) {
  const objective = formText(formData, "objective");
  const form = objective === "joint_selling" ? "stands" : objective === "learning_network" ? "clubs" : null;
  if (!form || formData.has("__intent__")) return null;
  const carry = new URLSearchParams();
  for (const key of ["title", "description", "deadline"]) {
    const value = formText(formData, key).trim();
    if (value) carry.set(key, value);
  }
  const query = carry.toString();
  return redirect(`/networks/${networkId}/${form}/new${query ? `?${query}` : ""}`);
}

/**
 * Without JavaScript both tool sections are sent; on a real submit keep only the one the
 * objective uses (a list button's intent keeps everything, so nothing typed is lost).
 */
function keepObjectiveSection(formData: FormData, isJointBuy: boolean) {
  if (formData.has("__intent__")) return;
  const drop = isJointBuy ? SECTION_PREFIX.budget : SECTION_PREFIX.jointBuy;
  for (const key of [...formData.keys()]) if (drop.test(key)) formData.delete(key);
  if (isJointBuy) return;
  // The budget is optional: a blank amount with no funding source typed means "no budget yet".
  const amount = formText(formData, "budget.amount").trim();
  const anySponsor = [...formData.entries()].some(
    ([key, value]) => /^budget\.fundingSources\[\d+\]\.(sponsor|value)$/.test(key) && typeof value === "string" && value.trim(),
  );
  if (!amount && !anySponsor) for (const key of [...formData.keys()]) if (SECTION_PREFIX.budget.test(key)) formData.delete(key);
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t, network } = await networkOf(args);
  const post = await readPost(args.request, t, { errors: "initiatives.errors" });
  const elsewhere = toOwnForm(post.formData, network.id);
  if (elsewhere) return elsewhere;
  const isJointBuy = post.formData.get("objective") === JOINT_BUYING;
  keepObjectiveSection(post.formData, isJointBuy);
  return submit(post, newInitiativeFormSchema, async (value) => {
    const created = await underBudgetFields(
      args.context.services.initiatives.create(actor, {
        networkId: network.id,
        objective: value.objective,
        title: value.title,
        description: value.description,
        deadline: value.deadline,
        shareQuantities: value.shareQuantities,
        jointBuy: isJointBuy ? value.jointBuy : undefined,
        budget: !isJointBuy && value.budget ? toBudgetInput(value.budget) : undefined,
      }),
    );
    return redirectWithToast(`/initiatives/${created.id}`, "initiatives.toast.created");
  });
}

export default function NewInitiative() {
  const { t } = useTranslation();
  const { network, currencies } = useLoaderData<typeof loader>();
  const { lastResult, error } = useFormResult("");
  const navigation = useNavigation();
  const [form, fields] = useForm<NewInitiativeInput>({
    id: "new-initiative",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    defaultValue: newInitiativeDefaults(network.currency),
  });
  // Show only the matching tool section once JavaScript runs; without it both are shown.
  const [objective, setObjective] = useState<string>(String(fields.objective.initialValue ?? JOINT_BUYING));
  const hydrated = useHydrated();
  const isJointBuy = objective === JOINT_BUYING;

  return (
    <section className="stack initiative-new">
      <div className="page-head">
        <h1>{t("initiatives.new.title")}</h1>
        <Link to={`/networks/${network.id}`}>{t("common.cancel")}</Link>
      </div>
      <p className="muted">{t("initiatives.new.lead", { network: network.name })}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="card stack">
        <FormError messages={[...(form.errors ?? []), error]} />
        <ObjectiveField field={fields.objective} networkId={network.id} objective={objective} onChange={setObjective} />
        <CommonFields
          title={fields.title}
          description={fields.description}
          deadline={fields.deadline}
          shareQuantities={fields.shareQuantities}
        />
        <JointBuySection form={form} field={fields.jointBuy} currencies={currencies} hidden={hydrated && !isJointBuy} hydrated={hydrated} />
        <BudgetSection form={form} field={fields.budget} hidden={hydrated && isJointBuy} hydrated={hydrated} />
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("initiatives.new.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
