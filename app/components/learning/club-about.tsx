import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "../formatted";
import { FormError } from "../form-error";
import { ClubNav, MeetingList, splitMeetings, useKpiTexts, type ClubView } from "./common";

/** The club page's head: where it belongs, its status, what a draft or ended club means, and joining. */
export function ClubHead({ view, busy, error }: { view: ClubView; busy: boolean; error: string | null }) {
  const { t } = useTranslation();
  const { club, permissions } = view;
  return (
    <>
      <header className="page-head">
        <div>
          <p className="muted small">
            <Link to={`/networks/${club.networkId}`}>{club.networkName}</Link> · {t("learning.club.kicker")}
          </p>
          <h1>{club.title}</h1>
        </div>
        <span className={`status-badge status-${club.status}`} data-testid="club-status">
          {t(`initiatives.status.${club.status}`)}
        </span>
      </header>
      <ClubNav initiativeId={club.initiativeId} current="club" showReport={permissions.readReport} />
      <FormError messages={[error]} />
      {club.status === "draft" ? (
        <p className="notice" data-testid="club-draft">
          {t("learning.club.draft")} <Link to={`/initiatives/${club.initiativeId}`}>{t("learning.club.draftLink")}</Link>
        </p>
      ) : null}
      {club.status === "completed" || club.status === "cancelled" ? <p className="notice">{t("learning.club.ended")}</p> : null}
      {permissions.join ? (
        <section className="card stack" aria-labelledby="join-heading">
          <h2 id="join-heading">{t("learning.club.joinTitle")}</h2>
          <p>{t("learning.club.joinText")}</p>
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="join" className="button" disabled={busy}>
              {t("learning.club.join")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

/** What the club is: its period kind, join-by date, members and KPIs, and its confidentiality rule. */
export function ClubAbout({ view }: { view: ClubView }) {
  const { t } = useTranslation();
  const textsOf = useKpiTexts();
  const { club, kpis } = view;
  return (
    <section className="card stack" aria-labelledby="about-heading">
      <h2 id="about-heading">{t("learning.club.about")}</h2>
      {club.description ? <p className="club-description">{club.description}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t("learning.club.periodKind")}</dt>
          <dd>{t(`learning.periodKinds.${club.periodKind}`)}</dd>
        </div>
        <div>
          <dt>{t("learning.club.joinBy")}</dt>
          <dd>
            <FormattedDate value={club.deadlineDate} />
          </dd>
        </div>
        <div>
          <dt>{t("learning.club.members")}</dt>
          <dd data-testid="club-members">{t("learning.club.memberCount", { count: view.members.length })}</dd>
        </div>
      </dl>
      <h3>{t("learning.club.kpis")}</h3>
      <ul className="kpi-chips" data-testid="club-kpis">
        {kpis.map((kpi) => {
          const texts = textsOf(kpi);
          return (
            <li key={kpi.id}>
              <strong>{texts.name}</strong>{" "}
              <span className="muted small">
                ({texts.unit}, {t(`learning.kpi.directions.${kpi.direction}`).toLowerCase()})
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted small">{t("learning.club.confidential", { min: club.minContributors })}</p>
    </section>
  );
}

/** The club's meetings, upcoming and past, with a link to the meetings page and the calendar. */
export function ClubMeetings({ view, now }: { view: ClubView; now: string }) {
  const { t } = useTranslation();
  const { club, permissions } = view;
  const { upcoming, past } = splitMeetings(view.meetings, now);
  const broker = permissions.manage || permissions.readRaw;
  return (
    <section className="card stack" aria-labelledby="club-meetings-heading">
      <div className="section-head">
        <h2 id="club-meetings-heading">{t("learning.meetings.title")}</h2>
        <Link to={`/initiatives/${club.initiativeId}/meetings`} className="button button-secondary button-small">
          {broker && permissions.manage ? t("learning.meetings.manage") : t("learning.meetings.all")}
        </Link>
      </div>
      {view.meetings.length === 0 ? <p className="muted">{t("learning.meetings.none")}</p> : null}
      {upcoming.length ? (
        <>
          <h3>{t("learning.meetings.upcoming")}</h3>
          <MeetingList initiativeId={club.initiativeId} meetings={upcoming} />
        </>
      ) : null}
      {past.length ? (
        <>
          <h3>{t("learning.meetings.past")}</h3>
          <MeetingList initiativeId={club.initiativeId} meetings={past} />
        </>
      ) : null}
      {permissions.calendar && view.meetings.length > 0 ? (
        <p>
          <a href={`/initiatives/${club.initiativeId}/meetings.ics`} download>
            {t("learning.meetings.ics")}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** A member's submission card when no period is open. */
export function NoOpenPeriod() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="no-open-heading">
      <h2 id="no-open-heading">{t("learning.submit.title")}</h2>
      <p className="muted">{t("learning.submit.noOpenPeriod")}</p>
    </section>
  );
}
