import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedMoney } from "../formatted";

interface Entry {
  id: string;
  period: string;
  customerName: string;
  customerFirmId: string | null;
  amountMinor: number;
  currency: string;
  market: string;
  channel: string;
  agentName: string | null;
  governance: string | null;
  exclusivity: boolean;
  expected: boolean;
}

/** A firm's sales entries, each with its delete button. */
export function LedgerEntries({ entries, busy }: { entries: Entry[]; busy: boolean }) {
  const { t } = useTranslation();
  const yesNo = (value: boolean) => (value ? t("dependence.ledger.yes") : t("dependence.ledger.no"));
  return (
    <section className="card stack" aria-labelledby="ledger-entries">
      <h2 id="ledger-entries">{t("dependence.ledger.entries")}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t("dependence.ledger.empty")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="ledger-entries" tabIndex={0}>
          <table className="ledger-table" data-testid="ledger-entries">
            <thead>
              <tr>
                <th scope="col">{t("dependence.fields.period")}</th>
                <th scope="col">{t("dependence.fields.customer")}</th>
                <th scope="col" className="num">
                  {t("dependence.fields.amount")}
                </th>
                <th scope="col">{t("dependence.fields.market")}</th>
                <th scope="col">{t("dependence.fields.channel")}</th>
                <th scope="col">{t("dependence.fields.governance")}</th>
                <th scope="col">{t("dependence.fields.exclusivity")}</th>
                <th scope="col">{t("dependence.fields.expected")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("dependence.ledger.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.period}</td>
                  <td>
                    {e.customerName}
                    {e.customerFirmId ? <span className="tag own-tag">{t("dependence.ledger.onJointly")}</span> : null}
                  </td>
                  <td className="num">
                    <FormattedMoney amountMinor={e.amountMinor} currency={e.currency} />
                  </td>
                  <td>{t(`dependence.markets.${e.market}`)}</td>
                  <td>
                    {e.channel === "agent"
                      ? t("dependence.ledger.viaAgent", {
                          agent: e.agentName ?? "",
                        })
                      : t("dependence.channels.direct")}
                  </td>
                  <td>{e.governance ? t(`governance.${e.governance}`) : "—"}</td>
                  <td>{yesNo(e.exclusivity)}</td>
                  <td>{yesNo(e.expected)}</td>
                  <td>
                    <Form method="post" className="inline-actions">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="entryId" value={e.id} />
                      <button type="submit" className="button button-small button-secondary" disabled={busy}>
                        {t("dependence.ledger.delete")}
                        <span className="visually-hidden">
                          {" "}
                          {t("dependence.ledger.deleteWhich", {
                            customer: e.customerName,
                            period: e.period,
                          })}
                        </span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
