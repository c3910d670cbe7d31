import { getFormProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { minorDigits } from "../../../db/reference/currencies";
import { minorToDecimal } from "../../../server/domain/money";
import type { InitiativeView } from "../../../server/services/initiatives/get-initiative";
import { useFormResult } from "../../lib/form-result";
import { FormattedMoney, FormattedNumber } from "../formatted";
import { BudgetFields, type BudgetFormInput } from "./budget-fields";

/** The generic tool's budget: the figures, each firm's share, and the form to set them. */

type Budget = NonNullable<InitiativeView["budget"]>;

export function BudgetPanel({ view }: { view: InitiativeView }) {
  const { t } = useTranslation();
  const { budget } = view;
  return (
    <section className="card stack" aria-labelledby="budget-heading" data-testid="budget">
      <h2 id="budget-heading">{t("initiatives.budget.title")}</h2>
      {budget ? (
        <>
          <BudgetFacts budget={budget} />
          <BudgetShares budget={budget} viewerFirmId={view.viewer.firmId} />
        </>
      ) : (
        <p className="muted">{t("initiatives.budget.none")}</p>
      )}
      {view.permissions.update ? <BudgetForm view={view} /> : null}
    </section>
  );
}

function BudgetFacts({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const money = (minor: number) => <FormattedMoney amountMinor={minor} currency={budget.currency} />;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t("initiatives.budget.budget")}</dt>
          <dd>{money(budget.budgetMinor)}</dd>
        </div>
        <div>
          <dt>{t("initiatives.budget.funded")}</dt>
          <dd>{money(budget.fundedTotal)}</dd>
        </div>
        <div>
          <dt>{t("initiatives.budget.toSplit")}</dt>
          <dd>{money(budget.toSplit)}</dd>
        </div>
        <div>
          <dt>{t("initiatives.fields.splitRule")}</dt>
          <dd>{t(`initiatives.splitRules.${budget.splitRule}`)}</dd>
        </div>
      </dl>
      <h3>{t("initiatives.fields.fundingSources")}</h3>
      {budget.funding.length === 0 ? (
        <p className="muted">{t("initiatives.budget.noFunding")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("initiatives.fields.sponsor")}</th>
                <th scope="col">{t("initiatives.fields.fundingKind")}</th>
                <th scope="col">{t("initiatives.budget.amount")}</th>
              </tr>
            </thead>
            <tbody>
              {budget.funding.map((f, index) => (
                <tr key={`${f.sponsor}-${index}`}>
                  <th scope="row">{f.sponsor}</th>
                  <td>
                    {f.kind === "percent" ? (
                      <FormattedNumber
                        value={(f.percentBasisPoints ?? 0) / 10000}
                        options={{ style: "percent", maximumFractionDigits: 2 }}
                      />
                    ) : (
                      t("initiatives.fundingKinds.fixed")
                    )}
                  </td>
                  <td>{money(f.amountMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function BudgetShares({ budget, viewerFirmId }: { budget: Budget; viewerFirmId: string | null }) {
  const { t } = useTranslation();
  const money = (minor: number) => <FormattedMoney amountMinor={minor} currency={budget.currency} />;
  return (
    <>
      <h3>{t("initiatives.budget.shares")}</h3>
      {budget.missingFigures.length > 0 ? (
        <p className="notice" role="status" data-testid="missing-figures">
          {t(
            budget.splitRule === "by_turnover"
              ? "initiatives.budget.missingTurnover"
              : budget.splitRule === "custom"
                ? "initiatives.budget.missingWeights"
                : "initiatives.budget.missingEmployees",
            {
              firms: budget.missingFigures.map((m) => m.firmName).join(", "),
            },
          )}
        </p>
      ) : null}
      {budget.shares.length === 0 ? (
        <p className="muted">{t("initiatives.budget.noShares")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="shares">
            <thead>
              <tr>
                <th scope="col">{t("initiatives.page.firm")}</th>
                <th scope="col">{t("initiatives.budget.share")}</th>
              </tr>
            </thead>
            <tbody>
              {budget.shares.map((s) => (
                <tr key={s.firmId} className={s.firmId === viewerFirmId ? "own-line" : undefined}>
                  <th scope="row">{s.firmName}</th>
                  <td>{money(s.amountMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The budget's form values as they stand (a blank form without a budget). */
function budgetDefaults(budget: Budget | null): { budget: BudgetFormInput } {
  if (!budget) return { budget: { amount: "", currency: "", splitRule: "equal", fundingSources: [] } };
  const digits = minorDigits(budget.currency);
  return {
    budget: {
      amount: minorToDecimal(budget.budgetMinor, digits),
      currency: budget.currency,
      splitRule: budget.splitRule,
      fundingSources: budget.funding.map((f) => ({
        sponsor: f.sponsor,
        kind: f.kind,
        value: f.kind === "percent" ? String((f.percentBasisPoints ?? 0) / 100) : minorToDecimal(f.amountMinor, digits),
      })),
    },
  };
}

function BudgetForm({ view }: { view: InitiativeView }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { participants } = view;
  const { lastResult } = useFormResult("budget");
  const [form, fields] = useForm<{ budget: BudgetFormInput }>({
    id: "budget",
    lastResult,
    defaultValue: budgetDefaults(view.budget),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack budget-form no-print">
      <h3>{t("initiatives.budget.setTitle")}</h3>
      <input type="hidden" name="intent" value="budget" />
      <BudgetFields form={form} field={fields.budget} t={t} headingLevel={3} />
      {participants.length > 0 ? (
        <fieldset>
          <legend>{t("initiatives.budget.weights")}</legend>
          <p className="hint">{t("initiatives.budget.weightsHint")}</p>
          <div className="grid-3">
            {participants.map((p) => (
              <div className="field" key={p.firmId}>
                <label htmlFor={`weight-${p.firmId}`}>{p.name}</label>
                <input id={`weight-${p.firmId}`} name={`weight-${p.firmId}`} type="number" min={0} step={1} inputMode="numeric" />
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {t("initiatives.budget.save")}
        </button>
      </div>
    </Form>
  );
}
