import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { InitiativeView } from "../../../server/services/initiatives/get-initiative";
import { FormattedDate } from "../formatted";
import { formatM2 } from "./plan";

/**
 * The initiative page's summary of a joint trade-fair stand (tool "stand"): the fair, the free
 * area, the viewer's own space and a clear way to the stand page, where everything else lives.
 */
export function StandPanel({ stand }: { stand: InitiativeView["stand"] }) {
  const { t, i18n } = useTranslation();
  const area = (dm2: number) => t("stands.plan.m2", { value: formatM2(i18n.language, dm2) });
  return (
    <section className="card stack stand-panel" aria-labelledby="stand-panel-heading" data-testid="stand-panel">
      <h2 id="stand-panel-heading">{t("stands.panel.title")}</h2>
      {stand ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t("stands.panel.fair")}</dt>
              <dd>
                {stand.fair.name}
                <span className="muted small">
                  {" "}
                  · {stand.fair.city} · <FormattedDate value={stand.fair.startsOn} />–<FormattedDate value={stand.fair.endsOn} />
                </span>
              </dd>
            </div>
            <div>
              <dt>{t("stands.panel.free")}</dt>
              <dd data-testid="stand-panel-free">
                {t("stands.panel.freeOf", { free: area(stand.freeDm2), total: area(stand.areaDm2) })}
                {stand.waitingCount > 0 ? (
                  <span className="muted small"> · {t("stands.panel.waitingCount", { count: stand.waitingCount })}</span>
                ) : null}
              </dd>
            </div>
            {stand.mySpace ? (
              <div>
                <dt>{t("stands.panel.mySpace")}</dt>
                <dd data-testid="stand-panel-mine">
                  {stand.mySpace.status === "waiting"
                    ? t("stands.mySpace.waiting", {
                        area: area(stand.mySpace.requestedDm2),
                        position: stand.mySpace.position,
                        count: stand.waitingCount,
                      })
                    : stand.mySpace.status === "confirmed"
                      ? t("stands.mySpace.confirmed", { area: area(stand.mySpace.grantedDm2) })
                      : t("stands.mySpace.requested", { area: area(stand.mySpace.grantedDm2) })}
                </dd>
              </div>
            ) : null}
          </dl>
          <p>
            <Link to={stand.href} className="button stand-panel-link" data-testid="stand-link">
              {t("stands.panel.open")}
            </Link>
          </p>
        </>
      ) : (
        <p className="muted">{t("stands.panel.noStand")}</p>
      )}
    </section>
  );
}

const STAND_ACTIVITY = new Set([
  "stand.updated",
  "stand.space_requested",
  "stand.space_waiting",
  "stand.space_changed",
  "stand.space_released",
  "stand.space_served",
  "stand.space_confirmed",
  "stand.space_trimmed",
  "stand.space_declined",
  "stand.task_added",
  "stand.task_updated",
  "stand.lead_added",
  "stand.lead_invited",
  "stand.lead_joined",
]);

/** The activity log's words for a stand's entries ("stand.space_trimmed" -> "trimmed space to 8 m²"), or null. */
export function standActivityText(entry: { action: string; after: unknown }, t: TFunction, locale: string): string | null {
  if (!STAND_ACTIVITY.has(entry.action)) return null;
  const text = t(`stands.activity.${entry.action.slice("stand.".length)}`);
  const after = (entry.after ?? {}) as Record<string, unknown>;
  return typeof after.areaDm2 === "number" && after.areaDm2 > 0 && entry.action !== "stand.updated"
    ? `${text} — ${t("stands.plan.m2", { value: formatM2(locale, after.areaDm2) })}`
    : text;
}
