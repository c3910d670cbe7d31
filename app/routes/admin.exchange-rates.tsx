import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { CURRENCY_CODES } from "../../db/reference/currencies";
import { exchangeRateSchema } from "../../server/schemas/ledger";
import { describedBy, Field } from "../components/field";
import { FormattedDate } from "../components/formatted";
import { formatNumber } from "../../i18n/format";
import { ErrorMessage } from "../components/error-message";
import { FormError } from "../components/form-error";
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
  const { t, i18n } = useTranslation();
  const { rates } = useLoaderData<typeof loader>();
  const { lastResult, error } = useFormResult("");
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof exchangeRateSchema>>({
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  // Intl takes the decimal string exactly, so a rate is shown with all its decimals and no float error.
  const rate = (value: string) =>
    formatNumber(i18n.language, value as unknown as number, {
      maximumFractionDigits: 10,
    });
  const currencySelect = (field: typeof fields.currency, label: string) => (
    <Field id={field.id} label={label} errors={field.errors}>
      <select {...getSelectProps(field)} aria-describedby={describedBy(field.id, field.errors)}>
        <option value="">{t("common.choose")}</option>
        {CURRENCY_CODES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <div className="stack dependence-page">
      <h1>{t("dependence.rates.title")}</h1>
      <p className="muted">{t("dependence.rates.intro")}</p>
      <section className="card stack" aria-labelledby="rate-form">
        <h2 id="rate-form">{t("dependence.rates.add")}</h2>
        <Form method="post" {...getFormProps(form)} noValidate className="stack">
          <FormError messages={[...(form.errors ?? []), error]} />
          <div className="grid-2">
            {currencySelect(fields.currency, t("dependence.rates.currency"))}
            {currencySelect(fields.baseCurrency, t("dependence.rates.baseCurrency"))}
          </div>
          <div className="grid-2">
            <Field id={fields.rate.id} label={t("dependence.rates.rate")} errors={fields.rate.errors} hint={t("dependence.rates.rateHint")}>
              <input
                {...getInputProps(fields.rate, { type: "text" })}
                inputMode="decimal"
                autoComplete="off"
                aria-describedby={describedBy(fields.rate.id, fields.rate.errors, true)}
              />
            </Field>
            <Field id={fields.validFrom.id} label={t("dependence.rates.validFrom")} errors={fields.validFrom.errors}>
              <input
                {...getInputProps(fields.validFrom, { type: "date" })}
                aria-describedby={describedBy(fields.validFrom.id, fields.validFrom.errors)}
              />
            </Field>
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("dependence.rates.submit")}
            </button>
          </div>
        </Form>
      </section>
      <section className="card stack" aria-labelledby="rates-list">
        <h2 id="rates-list">{t("dependence.rates.list")}</h2>
        {rates.length === 0 ? (
          <p className="muted">{t("dependence.rates.empty")}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="rates-list" tabIndex={0}>
            <table data-testid="exchange-rates">
              <thead>
                <tr>
                  <th scope="col">{t("dependence.rates.pair")}</th>
                  <th scope="col" className="num">
                    {t("dependence.rates.rate")}
                  </th>
                  <th scope="col">{t("dependence.rates.validFrom")}</th>
                  <th scope="col">{t("dependence.rates.setBy")}</th>
                </tr>
              </thead>
              <tbody>
                {rates.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      {r.currency} → {r.baseCurrency}
                    </th>
                    <td className="num">
                      {t("dependence.rates.meaning", {
                        currency: r.currency,
                        rate: rate(r.rate),
                        base: r.baseCurrency,
                      })}
                    </td>
                    <td>
                      <FormattedDate value={r.validFrom} />
                    </td>
                    <td>{r.setByName ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
