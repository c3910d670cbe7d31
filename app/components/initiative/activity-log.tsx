import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatMoney, formatNumber } from "../../../i18n/format";
import type { InitiativeView } from "../../../server/services/initiatives/get-initiative";
import { clubActivityText } from "../learning/club-panel";
import { FormattedDate } from "../formatted";
import { standActivityText } from "../stand/panel";

const ACTIVITY_ACTIONS = new Set([
  "initiative.created",
  "initiative.updated",
  "initiative.open",
  "initiative.locked",
  "initiative.completed",
  "initiative.cancelled",
  "participant.joined",
  "participant.left",
  "commitment.made",
  "commitment.changed",
  "commitment.withdrawn",
  "jointbuy.break_reached",
  "budget.set",
]);

type Entry = InitiativeView["activity"][number];

/** What changed in one entry (quantities, totals, status, budget), in the reader's language. */
function entryDetails(entry: Entry, t: TFunction, locale: string, quote: { unit: string; currency: string | undefined }): string[] {
  const { unit, currency } = quote;
  const num = (value: unknown) => (typeof value === "number" ? formatNumber(locale, value) : "—");
  const status = (value: unknown) => (typeof value === "string" ? t(`initiatives.status.${value}`) : "—");
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const out: string[] = [];
  const has = (key: string) => key in before || key in after;
  if (
    entry.action === "jointbuy.break_reached" &&
    typeof after.minQuantity === "number" &&
    typeof after.unitPriceMinor === "number" &&
    currency
  ) {
    out.push(
      t("initiatives.activityDetail.break", {
        quantity: num(after.minQuantity),
        unit,
        price: formatMoney(locale, after.unitPriceMinor, currency),
      }),
    );
  } else if (has("quantity")) {
    out.push(t("initiatives.activityDetail.quantity", { before: num(before.quantity), after: num(after.quantity), unit }));
  }
  if (has("total")) {
    out.push(
      "total" in before
        ? t("initiatives.activityDetail.total", { before: num(before.total), after: num(after.total), unit })
        : t("initiatives.activityDetail.totalNow", { after: num(after.total), unit }),
    );
  }
  if (has("status") && entry.action !== "initiative.created")
    out.push(t("initiatives.activityDetail.status", { before: status(before.status), after: status(after.status) }));
  if (entry.action === "budget.set" && typeof after.budgetMinor === "number" && typeof after.currency === "string") {
    out.push(t("initiatives.activityDetail.budget", { amount: formatMoney(locale, after.budgetMinor, after.currency) }));
  }
  return out;
}

/** The initiative's history: who did what, with what changed. */
export function ActivityLog({ view }: { view: InitiativeView }) {
  const { t, i18n } = useTranslation();
  const quote = { unit: view.jointBuy?.quote.unit ?? "", currency: view.jointBuy?.quote.currency };
  return (
    <section className="card stack activity-log" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t("initiatives.activity.title")}</h2>
      {view.activity.length === 0 ? (
        <p className="muted">{t("initiatives.activity.empty")}</p>
      ) : (
        <ol className="activity-list" data-testid="activity">
          {view.activity.map((entry) => {
            const extra = entryDetails(entry, t, i18n.language, quote);
            return (
              <li key={entry.id}>
                <p>
                  <strong>{entry.actorName}</strong>{" "}
                  {ACTIVITY_ACTIONS.has(entry.action)
                    ? t(`initiatives.activity.${entry.action.replace(/\./g, "_")}`)
                    : (standActivityText(entry, t, i18n.language) ?? clubActivityText(entry, t) ?? entry.action)}
                  {extra.length ? <span className="activity-detail"> — {extra.join("; ")}</span> : null}
                </p>
                <p className="muted small">
                  <FormattedDate value={entry.createdAt} style="datetime" />
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
