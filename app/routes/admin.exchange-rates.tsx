import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { exchangeRateSchema } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { ExchangeRateForm, ExchangeRatesTable } from "../components/ledger/exchange-rates";
import styles from "../styles/dependence.css";
import { readPost, submit } from "../lib/form-action.server";
import { useFormResult } from "../lib/form-result";
import { loaded, signedIn } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await signedIn(args, ["exchangeRate", "set"]);
  return loaded(args.context.services.ledger.listExchangeRates(actor));
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args, ["exchangeRate", "set"]);
  return submit(await readPost(args.request, t), exchangeRateSchema, async (rate) => {
    await args.context.services.ledger.setExchangeRate(actor, rate);
    return redirectWithToast("/admin/exchange-rates", "dependence.toast.rateSaved");
  });
}

export default function ExchangeRates() {
  const { t } = useTranslation();
  const { rates } = useLoaderData<typeof loader>();
  const { lastResult, error } = useFormResult("");
  const navigation = useNavigation();
  const [form] = useForm<z.input<typeof exchangeRateSchema>>({
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  return (
    <div className="stack dependence-page">
      <h1>{t("dependence.rates.title")}</h1>
      <p className="muted">{t("dependence.rates.intro")}</p>
      <section className="card stack" aria-labelledby="rate-form">
        <h2 id="rate-form">{t("dependence.rates.add")}</h2>
        <ExchangeRateForm form={form} error={error} submitting={navigation.state === "submitting"} />
      </section>
      <section className="card stack" aria-labelledby="rates-list">
        <h2 id="rates-list">{t("dependence.rates.list")}</h2>
        {rates.length === 0 ? <p className="muted">{t("dependence.rates.empty")}</p> : <ExchangeRatesTable rates={rates} />}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
