import { getFormProps, getInputProps, getSelectProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { CURRENCY_CODES } from "../../../db/reference/currencies";
import { formatDecimal } from "../../../i18n/format";
import type { exchangeRateSchema } from "../../../server/schemas/ledger";
import type { listExchangeRates } from "../../../server/services/ledger/list-exchange-rates";
import { describedBy, Field } from "../field";
import { FormattedDate } from "../formatted";
import { FormError } from "../form-error";

/** The administrators' exchange-rate page: the form that sets a rate and the list of rates. */

type RateForm = FormMetadata<z.input<typeof exchangeRateSchema>>;
type ExchangeRateRow = Awaited<ReturnType<typeof listExchangeRates>>["rates"][number];

function CurrencySelect<S>({ field, label }: { field: FieldMetadata<S>; label: string }) {
  const { t } = useTranslation();
  return (
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
}

export function ExchangeRateForm({ form, error, submitting }: { form: RateForm; error: string | null; submitting: boolean }) {
  const { t } = useTranslation();
  const fields = form.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormError messages={[...(form.errors ?? []), error]} />
      <div className="grid-2">
        <CurrencySelect field={fields.currency} label={t("dependence.rates.currency")} />
        <CurrencySelect field={fields.baseCurrency} label={t("dependence.rates.baseCurrency")} />
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
        <button type="submit" className="button" disabled={submitting}>
          {t("dependence.rates.submit")}
        </button>
      </div>
    </Form>
  );
}

export function ExchangeRatesTable({ rates }: { rates: ExchangeRateRow[] }) {
  const { t, i18n } = useTranslation();
  return (
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
                  // A rate is shown with all its decimals.
                  rate: formatDecimal(i18n.language, r.rate, { maximumFractionDigits: 10 }),
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
  );
}
