import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatMoney, formatNumber } from "../../../i18n/format";
import type { InitiativeView } from "../../../server/services/initiatives/get-initiative";
import { useFormResult } from "../../lib/form-result";
import { describedBy, Field } from "../field";
import { FormattedMoney } from "../formatted";

/**
 * The joint purchase: the supplier's quote and price breaks, the pooled quantities and what
 * they cost, the reader's own commitment, and each firm's line.
 */

type JointBuy = NonNullable<InitiativeView["jointBuy"]>;

/** Money in the quote's currency and quantities in its unit, in the reader's locale. */
function useAmounts(quote: JointBuy["quote"]) {
  const { i18n } = useTranslation();
  return {
    money: (minor: number) => <FormattedMoney amountMinor={minor} currency={quote.currency} />,
    qty: (n: number) => `${formatNumber(i18n.language, n)} ${quote.unit}`,
    price: (minor: number) => formatMoney(i18n.language, minor, quote.currency),
    number: (n: number) => formatNumber(i18n.language, n),
  };
}

export function JointBuyPanel({ view, jointBuy }: { view: InitiativeView; jointBuy: JointBuy }) {
  const { t } = useTranslation();
  const { initiative, permissions } = view;
  return (
    <section className="card stack" aria-labelledby="joint-buy-heading" data-testid="joint-buy">
      <h2 id="joint-buy-heading">{t("initiatives.jointBuy.title")}</h2>
      <QuoteFacts jointBuy={jointBuy} />
      <PriceBreaks jointBuy={jointBuy} />
      <Pool view={view} jointBuy={jointBuy} />
      {permissions.commit ? <CommitForm jointBuy={jointBuy} /> : null}
      <Lines view={view} jointBuy={jointBuy} />
      {permissions.purchaseSummary ? (
        <div className="purchase-summary no-print">
          <a className="button button-secondary" href={`/initiatives/${initiative.id}/purchase-summary.csv`} download>
            {t("initiatives.jointBuy.download")}
          </a>
          <p className="muted small">{t("initiatives.jointBuy.printHint")}</p>
        </div>
      ) : null}
    </section>
  );
}

function QuoteFacts({ jointBuy }: { jointBuy: JointBuy }) {
  const { t } = useTranslation();
  const { quote } = jointBuy;
  const unit = quote.unit;
  const { qty } = useAmounts(quote);
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t("initiatives.fields.inputName")}</dt>
          <dd>{quote.inputName}</dd>
        </div>
        <div>
          <dt>{t("initiatives.fields.supplierName")}</dt>
          <dd>{quote.supplierName}</dd>
        </div>
        <div>
          <dt>{t("initiatives.fields.unit")}</dt>
          <dd>{unit}</dd>
        </div>
        <div>
          <dt>{t("initiatives.fields.minimumQuantity")}</dt>
          <dd>{qty(quote.minimumQuantity)}</dd>
        </div>
      </dl>
      {quote.specification ? (
        <div>
          <h3>{t("initiatives.fields.specification")}</h3>
          <p className="initiative-description">{quote.specification}</p>
        </div>
      ) : null}
    </>
  );
}

function PriceBreaks({ jointBuy }: { jointBuy: JointBuy }) {
  const { t } = useTranslation();
  const { quote, reached } = jointBuy;
  const unit = quote.unit;
  const { money, qty } = useAmounts(quote);
  return (
    <>
      <h3>{t("initiatives.jointBuy.breaks")}</h3>
      <div className="table-wrap">
        <table className="breaks-table">
          <thead>
            <tr>
              <th scope="col">{t("initiatives.fields.fromQuantity")}</th>
              <th scope="col">{t("initiatives.jointBuy.unitPriceCol", { unit })}</th>
              <th scope="col">{t("initiatives.jointBuy.breakState")}</th>
            </tr>
          </thead>
          <tbody>
            {quote.priceBreaks.map((b) => {
              const isReached = reached?.minQuantity === b.minQuantity;
              return (
                <tr key={b.minQuantity} className={isReached ? "break-reached" : undefined} aria-current={isReached ? "true" : undefined}>
                  <th scope="row">{qty(b.minQuantity)}</th>
                  <td>{money(b.unitPriceMinor)}</td>
                  <td>
                    {isReached ? (
                      <span className="tag tag-valid">{t("initiatives.jointBuy.reachedTag")}</span>
                    ) : jointBuy.total >= b.minQuantity ? (
                      <span className="muted">{t("initiatives.jointBuy.passedTag")}</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Pool({ view, jointBuy }: { view: InitiativeView; jointBuy: JointBuy }) {
  const { t } = useTranslation();
  const { viewer } = view;
  const { quote, reached, next } = jointBuy;
  const unit = quote.unit;
  const { money, qty, price, number } = useAmounts(quote);
  return (
    <>
      <h3>{t("initiatives.jointBuy.pool")}</h3>
      <div className="pool" aria-live="polite" aria-atomic="false" data-testid="pool">
        <dl className="pool-figures">
          <div>
            <dt>{t("initiatives.jointBuy.pooledTotal")}</dt>
            <dd data-testid="pool-total">{qty(jointBuy.total)}</dd>
          </div>
          <div>
            <dt>{t("initiatives.jointBuy.reachedPrice")}</dt>
            <dd data-testid="reached-price">
              {reached
                ? t("initiatives.jointBuy.perUnit", { price: price(reached.unitPriceMinor), unit })
                : t("initiatives.jointBuy.noneYet")}
            </dd>
          </div>
          <div>
            <dt>{t("initiatives.jointBuy.nextBreak")}</dt>
            <dd data-testid="next-break">
              {next && jointBuy.neededForNext !== null
                ? t("initiatives.jointBuy.nextBreakText", {
                    price: price(next.unitPriceMinor),
                    quantity: number(next.minQuantity),
                    needed: number(jointBuy.neededForNext),
                    unit,
                  })
                : t("initiatives.jointBuy.bestReached")}
            </dd>
          </div>
          <div>
            <dt>{t("initiatives.jointBuy.minimum")}</dt>
            <dd data-testid="minimum-status" className={jointBuy.meetsMinimum ? "ok-text" : "warn-text"}>
              {jointBuy.meetsMinimum
                ? t("initiatives.jointBuy.minimumMet", { quantity: number(quote.minimumQuantity), unit })
                : t("initiatives.jointBuy.minimumMissing", {
                    needed: number(jointBuy.neededForMinimum),
                    quantity: number(quote.minimumQuantity),
                    unit,
                  })}
            </dd>
          </div>
          <div>
            <dt>{t("initiatives.jointBuy.totalCost")}</dt>
            <dd data-testid="total-cost">{money(jointBuy.totalCostMinor)}</dd>
          </div>
          <div>
            <dt>{t("initiatives.jointBuy.totalSaving")}</dt>
            <dd>{money(jointBuy.totalSavingMinor)}</dd>
          </div>
        </dl>

        {viewer.isParticipant ? <OwnFigures jointBuy={jointBuy} /> : null}
      </div>
    </>
  );
}

function OwnFigures({ jointBuy }: { jointBuy: JointBuy }) {
  const { t } = useTranslation();
  const { own } = jointBuy;
  const { money, qty, price } = useAmounts(jointBuy.quote);
  return (
    <div className="own-figures" data-testid="own-figures">
      <h4>{t("initiatives.jointBuy.yours")}</h4>
      {own ? (
        <dl className="pool-figures">
          <div>
            <dt>{t("initiatives.jointBuy.ownQuantity")}</dt>
            <dd data-testid="own-quantity">{qty(own.quantity)}</dd>
          </div>
          <div>
            <dt>{t("initiatives.jointBuy.ownCost")}</dt>
            <dd data-testid="own-cost">{money(own.costMinor)}</dd>
          </div>
          <div>
            <dt>{t("initiatives.jointBuy.ownSaving")}</dt>
            <dd data-testid="own-saving">
              {money(own.savingMinor)}{" "}
              <span className="muted small">{t("initiatives.jointBuy.aloneWouldCost", { cost: price(own.aloneCostMinor) })}</span>
            </dd>
          </div>
        </dl>
      ) : (
        <p className="muted" data-testid="own-cost">
          {t("initiatives.jointBuy.noCommitment")}
        </p>
      )}
    </div>
  );
}

/** The reader's own quantity (0 withdraws it). */
function CommitForm({ jointBuy }: { jointBuy: JointBuy }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { own } = jointBuy;
  const unit = jointBuy.quote.unit;
  const { lastResult } = useFormResult("commit");
  const [commitForm, commitFields] = useForm<{ quantity: number | string }>({
    id: "commit",
    lastResult,
    defaultValue: { quantity: own?.quantity ?? 0 },
    shouldValidate: "onSubmit",
  });
  const quantity = commitFields.quantity;
  return (
    <Form method="post" {...getFormProps(commitForm)} noValidate className="inline-form commit-form no-print">
      <input type="hidden" name="intent" value="commit" />
      <Field
        id={quantity.id}
        label={t("initiatives.jointBuy.yourQuantity", { unit })}
        errors={quantity.errors}
        hint={t("initiatives.jointBuy.quantityHint")}
      >
        <input
          {...getInputProps(quantity, { type: "number" })}
          key={`${own?.quantity ?? 0}`}
          defaultValue={own?.quantity ?? 0}
          min={0}
          step={1}
          aria-describedby={describedBy(quantity.id, quantity.errors, true)}
        />
      </Field>
      <button type="submit" className="button" disabled={navigation.state !== "idle"}>
        {t("common.save")}
      </button>
    </Form>
  );
}

function Lines({ view, jointBuy }: { view: InitiativeView; jointBuy: JointBuy }) {
  const { t } = useTranslation();
  const { viewer } = view;
  const { money, qty, price } = useAmounts(jointBuy.quote);
  const unit = jointBuy.quote.unit;
  return (
    <>
      <h3>{t("initiatives.jointBuy.lines")}</h3>
      {!jointBuy.seesAll ? <p className="muted small">{t("initiatives.jointBuy.ownLineOnly")}</p> : null}
      <div className="table-wrap">
        <table data-testid="lines">
          <thead>
            <tr>
              <th scope="col">{t("initiatives.page.firm")}</th>
              <th scope="col">{t("initiatives.jointBuy.quantityCol")}</th>
              <th scope="col">{t("initiatives.jointBuy.costCol")}</th>
              <th scope="col">{t("initiatives.jointBuy.aloneCol")}</th>
              <th scope="col">{t("initiatives.jointBuy.savingCol")}</th>
            </tr>
          </thead>
          <tbody>
            {jointBuy.lines.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  {t("initiatives.jointBuy.noLines")}
                </td>
              </tr>
            ) : null}
            {jointBuy.lines.map((line) => (
              <tr key={line.firmId} className={line.firmId === viewer.firmId ? "own-line" : undefined}>
                <th scope="row">{line.firmName}</th>
                <td>{qty(line.quantity)}</td>
                <td>{money(line.costMinor)}</td>
                <td>
                  {money(line.aloneCostMinor)}{" "}
                  <span className="muted small">
                    ({t("initiatives.jointBuy.perUnit", { price: price(line.aloneUnitPriceMinor), unit })})
                  </span>
                </td>
                <td>{money(line.savingMinor)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("initiatives.jointBuy.totalRow", { count: jointBuy.participantCount })}</th>
              <td>{qty(jointBuy.total)}</td>
              <td>{money(jointBuy.totalCostMinor)}</td>
              <td />
              <td>{money(jointBuy.totalSavingMinor)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
