import { useTranslation } from "react-i18next";
import { DOMINANCE_LIMIT_BP } from "../../../server/domain/disclosure";
import type { StandCostView } from "../../../server/services/stands/get-stand";
import { formatMoney, formatNumber } from "../../../i18n/format";
import { formatM2, TableWrap } from "./plan";

/**
 * The stand's cost table: each exhibitor's gross share, what each subsidy pays towards it and
 * the net amount, with totals that reconcile to the stand's cost (the domain splits with largest
 * remainder, so they add up to the cent). Money in the reader's locale. The broker sees every line,
 * and so do the exhibitors when the stand shares costs; anyone else sees its own line, the totals
 * only when the network's disclosure rule allows them (`totals` null and `totalsWithheld` saying
 * why otherwise) and nothing per subsidy
 * (`bySubsidy` null): see server/services/stands/get-stand.ts.
 */

export interface SubsidyRule {
  id: string;
  sponsor: string;
  kind: "percent" | "fixed";
  percentBasisPoints: number | null;
  amountMinor: number | null;
  capPerFirmMinor: number | null;
  maxEmployees: number | null;
}

export function StandCosts({
  costs,
  subsidies,
  allocatedDm2,
  ownFirmId,
}: {
  costs: StandCostView;
  subsidies: SubsidyRule[];
  allocatedDm2: number;
  ownFirmId: string | null;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { money } = useCostFormat(costs.currency);
  const totals = costs.totals;
  return (
    <div className="stack stand-costs" data-testid="stand-costs">
      <CostSummary costs={costs} />
      {subsidies.length > 0 ? <SubsidyList costs={costs} subsidies={subsidies} /> : null}
      {costs.own ? <OwnShare own={costs.own} currency={costs.currency} subsidies={subsidies} /> : null}

      <h3>{costs.seesAll ? t("stands.costs.allLines") : t("stands.costs.ownLine")}</h3>
      {!costs.seesAll ? <p className="muted small">{t("stands.costs.privateLines")}</p> : null}
      {totals === null ? (
        <p className="muted small" data-testid="totals-withheld">
          {costs.totalsWithheld === "dominated"
            ? t("stands.costs.totalsDominated", {
                count: costs.exhibitorCount,
                limit: formatNumber(locale, DOMINANCE_LIMIT_BP / 10_000, { style: "percent" }),
              })
            : t("stands.costs.totalsWithheld", { min: formatNumber(locale, costs.totalsFromExhibitors), count: costs.exhibitorCount })}
        </p>
      ) : null}
      <CostTable costs={costs} subsidies={subsidies} allocatedDm2={allocatedDm2} ownFirmId={ownFirmId} />
      {costs.uncoveredMinor > 0 || totals ? (
        <p className="muted small" data-testid="cost-reconciliation">
          {costs.uncoveredMinor > 0 || !totals
            ? t("stands.costs.uncovered", { total: money(costs.uncoveredMinor) })
            : t("stands.costs.reconciled", {
                total: money(costs.totalCostMinor),
                subsidies: money(totals.subsidyMinor),
                net: money(totals.netMinor),
              })}
        </p>
      ) : null}
    </div>
  );
}

/** Money in the stand's currency, areas in m² and percentages, all in the reader's locale. */
function useCostFormat(currency: string) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return {
    money: (minor: number) => formatMoney(locale, minor, currency),
    area: (dm2: number) => t("stands.plan.m2", { value: formatM2(locale, dm2) }),
    percent: (bp: number) => formatNumber(locale, bp / 10_000, { style: "percent", maximumFractionDigits: 2 }),
  };
}

/** The stand's total cost, split rule, exhibitor count and how the fair's fee was shared. */
function CostSummary({ costs }: { costs: StandCostView }) {
  const { t, i18n } = useTranslation();
  const { money } = useCostFormat(costs.currency);
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t("stands.costs.totalCost")}</dt>
          <dd data-testid="stand-total-cost">{money(costs.totalCostMinor)}</dd>
        </div>
        <div>
          <dt>{t("stands.form.splitRule")}</dt>
          <dd>{t(`stands.splitRules.${costs.splitRule}`)}</dd>
        </div>
        <div>
          <dt>{t("stands.costs.exhibitors")}</dt>
          <dd>{formatNumber(i18n.language, costs.exhibitorCount)}</dd>
        </div>
      </dl>
      {costs.feeCoverage ? (
        <p className="muted small" data-testid="fee-coverage">
          {costs.feeCoverage.fallback === "equal"
            ? t("stands.costs.feeFallback", { fee: money(costs.feeCoverage.feeMinor), count: costs.exhibitorCount })
            : t("stands.costs.feeExplained", { fee: money(costs.feeCoverage.feeMinor), rest: money(costs.feeCoverage.restByAreaMinor) })}
        </p>
      ) : null}
    </>
  );
}

/** Each subsidy's rule in words and, when the reader may see it, what it pays in all. */
function SubsidyList({ costs, subsidies }: { costs: StandCostView; subsidies: SubsidyRule[] }) {
  const { t } = useTranslation();
  const { money, percent } = useCostFormat(costs.currency);
  const paidBy = new Map((costs.bySubsidy ?? []).map((s) => [s.subsidyId, s]));
  const describe = (s: SubsidyRule) => {
    const parts = [
      s.kind === "percent"
        ? t("stands.costs.percentOfShare", { percent: percent(s.percentBasisPoints ?? 0) })
        : t("stands.costs.fixedAmount", { amount: money(s.amountMinor ?? 0) }),
    ];
    if (s.capPerFirmMinor !== null) parts.push(t("stands.costs.capPerFirm", { cap: money(s.capPerFirmMinor) }));
    parts.push(s.maxEmployees !== null ? t("stands.costs.upToEmployees", { count: s.maxEmployees }) : t("stands.costs.everyExhibitor"));
    return parts.join("; ");
  };
  return (
    <div>
      <h3>{t("stands.costs.subsidies")}</h3>
      <ul className="subsidy-list">
        {subsidies.map((s) => {
          const paid = paidBy.get(s.id);
          return (
            <li key={s.id}>
              <strong>{s.sponsor}</strong>: {describe(s)}.{" "}
              {paid ? (
                <span className="muted">
                  {t("stands.costs.subsidyPays", { amount: money(paid.amountMinor), count: paid.eligibleCount })}
                  {paid.unusedMinor > 0 ? ` ${t("stands.costs.subsidyUnused", { amount: money(paid.unusedMinor) })}` : ""}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The reader's own gross share, subsidy and net amount, and the subsidies it is not eligible for. */
function OwnShare({ own, currency, subsidies }: { own: NonNullable<StandCostView["own"]>; currency: string; subsidies: SubsidyRule[] }) {
  const { t } = useTranslation();
  const { money } = useCostFormat(currency);
  const notEligible = subsidies.filter((s) => !own.eligibleSubsidyIds.includes(s.id));
  return (
    <div className="own-cost" aria-live="polite" data-testid="own-cost-panel">
      <h3>{t("stands.costs.yourShare")}</h3>
      <p className="own-cost-figures">
        <span>
          {t("stands.costs.gross")}: <strong data-testid="own-gross">{money(own.grossMinor)}</strong>
        </span>
        <span aria-hidden="true"> − </span>
        <span>
          {t("stands.costs.subsidy")}: <strong data-testid="own-subsidy">{money(own.subsidyMinor)}</strong>
        </span>
        <span aria-hidden="true"> = </span>
        <span>
          {t("stands.costs.net")}: <strong data-testid="own-cost">{money(own.netMinor)}</strong>
        </span>
      </p>
      {notEligible.length > 0 ? (
        <p className="muted small">{t("stands.costs.notEligibleFor", { sponsors: notEligible.map((s) => s.sponsor).join(", ") })}</p>
      ) : null}
    </div>
  );
}

type CostTableProps = { costs: StandCostView; subsidies: SubsidyRule[]; allocatedDm2: number; ownFirmId: string | null };

/** One line per exhibitor the reader may see (gross, each subsidy, net) and the totals when allowed. */
function CostTable({ costs, subsidies, allocatedDm2, ownFirmId }: CostTableProps) {
  const { t } = useTranslation();
  return (
    <TableWrap label={t("stands.costs.caption", { currency: costs.currency })}>
      <table className="cost-table" data-testid="cost-table">
        <caption className="visually-hidden">{t("stands.costs.caption", { currency: costs.currency })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("stands.plan.exhibitor")}</th>
            <th scope="col" className="num">
              {t("stands.plan.area")}
            </th>
            <th scope="col" className="num">
              {t("stands.costs.gross")}
            </th>
            {subsidies.map((s) => (
              <th scope="col" className="num" key={s.id}>
                {t("stands.costs.subsidyColumn", { sponsor: s.sponsor })}
              </th>
            ))}
            <th scope="col" className="num">
              {t("stands.costs.net")}
            </th>
          </tr>
        </thead>
        <tbody>
          {costs.lines.length === 0 ? (
            <tr>
              <td colSpan={4 + subsidies.length} className="muted">
                {t("stands.costs.noLines")}
              </td>
            </tr>
          ) : null}
          {costs.lines.map((line) => (
            <CostLine key={line.firmId} line={line} currency={costs.currency} subsidies={subsidies} own={line.firmId === ownFirmId} />
          ))}
        </tbody>
        {costs.totals ? <CostTotals costs={costs} totals={costs.totals} subsidies={subsidies} allocatedDm2={allocatedDm2} /> : null}
      </table>
    </TableWrap>
  );
}

function CostLine({
  line,
  currency,
  subsidies,
  own,
}: {
  line: StandCostView["lines"][number];
  currency: string;
  subsidies: SubsidyRule[];
  own: boolean;
}) {
  const { t } = useTranslation();
  const { money, area } = useCostFormat(currency);
  return (
    <tr className={own ? "own-line" : undefined} data-firm={line.firmId}>
      <th scope="row">
        {line.firmName}
        {own ? <span className="tag own-tag">{t("stands.plan.you")}</span> : null}
      </th>
      <td className="num">{area(line.areaDm2)}</td>
      <td className="num">{money(line.grossMinor)}</td>
      {subsidies.map((s) => {
        const amount = line.subsidies.find((x) => x.subsidyId === s.id);
        return (
          <td className="num" key={s.id}>
            {line.eligibleSubsidyIds.includes(s.id) && amount ? (
              `− ${money(amount.amountMinor)}`
            ) : (
              <span className="muted">
                <span aria-hidden="true">—</span>
                <span className="visually-hidden">{t("stands.costs.notEligible")}</span>
              </span>
            )}
          </td>
        );
      })}
      <td className="num">
        <strong>{money(line.netMinor)}</strong>
      </td>
    </tr>
  );
}

/** The totals row: per subsidy when the reader may see that, else all subsidies in one cell. */
function CostTotals({
  costs,
  totals,
  subsidies,
  allocatedDm2,
}: {
  costs: StandCostView;
  totals: NonNullable<StandCostView["totals"]>;
  subsidies: SubsidyRule[];
  allocatedDm2: number;
}) {
  const { t } = useTranslation();
  const { money, area } = useCostFormat(costs.currency);
  const paidBy = new Map((costs.bySubsidy ?? []).map((s) => [s.subsidyId, s]));
  return (
    <tfoot>
      <tr>
        <th scope="row">{t("stands.costs.totalRow", { count: costs.exhibitorCount })}</th>
        <td className="num">{area(allocatedDm2)}</td>
        <td className="num" data-testid="total-gross">
          {money(totals.grossMinor)}
        </td>
        {subsidies.length === 0 ? null : costs.bySubsidy ? (
          subsidies.map((s) => (
            <td className="num" key={s.id}>
              − {money(paidBy.get(s.id)?.amountMinor ?? 0)}
            </td>
          ))
        ) : (
          <td className="num" colSpan={subsidies.length}>
            − {money(totals.subsidyMinor)}
            {subsidies.length > 1 ? <span className="visually-hidden"> ({t("stands.costs.allSubsidies")})</span> : null}
          </td>
        )}
        <td className="num" data-testid="total-net">
          {money(totals.netMinor)}
        </td>
      </tr>
    </tfoot>
  );
}
