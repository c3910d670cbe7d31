import { useTranslation } from "react-i18next";
import type { FairView } from "../../../server/services/stands/create-fair";
import { FormattedDate } from "../formatted";

/** A fair as the fairs page lists it: its country's name, and whether it is coming, running or over. */
interface FairCard extends FairView {
  countryName: string;
  state: "upcoming" | "running" | "past";
  daysToGo: number;
}

/** A fair's state on `today` and the days until it starts. */
export function fairTiming(fair: { startsOn: string; endsOn: string }, today: string): Pick<FairCard, "state" | "daysToGo"> {
  const state = fair.endsOn < today ? "past" : fair.startsOn <= today ? "running" : "upcoming";
  return { state, daysToGo: Math.round((Date.parse(`${fair.startsOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000) };
}

/** The fairs page's cards: name, state, dates, place, organiser and website. */
export function FairCards({ fairs }: { fairs: FairCard[] }) {
  const { t } = useTranslation();
  return (
    <ul className="fair-cards" data-testid="fairs">
      {fairs.map((fair) => (
        <li key={fair.id} id={`fair-${fair.id}`} className="card fair-card">
          <div className="fair-card-head">
            <h2>{fair.name}</h2>
            <span className={`tag fair-${fair.state}`}>
              {fair.state === "upcoming" ? t("stands.fairs.inDays", { count: fair.daysToGo }) : t(`stands.fairs.state_${fair.state}`)}
            </span>
          </div>
          <dl className="facts">
            <div>
              <dt>{t("stands.fairs.dates")}</dt>
              <dd>
                <FormattedDate value={fair.startsOn} />–<FormattedDate value={fair.endsOn} />
              </dd>
            </div>
            <div>
              <dt>{t("stands.fairs.place")}</dt>
              <dd>{[fair.venue, fair.city, fair.countryName].filter(Boolean).join(", ")}</dd>
            </div>
            {fair.organiser ? (
              <div>
                <dt>{t("stands.fairs.organiser")}</dt>
                <dd>{fair.organiser}</dd>
              </div>
            ) : null}
            {fair.website ? (
              <div>
                <dt>{t("stands.fairs.website")}</dt>
                <dd>
                  <a href={fair.website} rel="noopener noreferrer" target="_blank">
                    {fair.website.replace(/^https?:\/\//, "")}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
