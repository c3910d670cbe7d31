import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The user's private calendar subscription: its address, subscribe/download, and a reset. */
export function CalendarFeed({ calendar }: { calendar: { url: string; webcalUrl: string; path: string } }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="settings-calendar-title">
      <h2 id="settings-calendar-title">{t("calendar.title")}</h2>
      <p>{t("calendar.intro")}</p>
      <div className="field">
        <label htmlFor="settings-calendar-url">{t("calendar.urlLabel")}</label>
        <input
          id="settings-calendar-url"
          type="text"
          readOnly
          value={calendar.url}
          spellCheck={false}
          aria-describedby="settings-calendar-private"
          data-testid="calendar-url"
          onFocus={(e) => e.currentTarget.select()}
        />
        <p className="hint" id="settings-calendar-private">
          {t("calendar.private")}
        </p>
      </div>
      <p className="inline-actions">
        <a href={calendar.webcalUrl} className="button button-small button-secondary">
          {t("calendar.subscribe")}
        </a>
        <a href={calendar.path} className="button button-small button-secondary" download="jointly.ics">
          {t("calendar.download")}
        </a>
      </p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="calendarReset" />
        <p className="hint" id="settings-calendar-reset-hint">
          {t("calendar.resetHint")}
        </p>
        <div className="actions">
          <button type="submit" className="button button-small" aria-describedby="settings-calendar-reset-hint">
            {t("calendar.reset")}
          </button>
        </div>
      </Form>
    </section>
  );
}
