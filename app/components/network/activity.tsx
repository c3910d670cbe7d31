import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "../formatted";
import { standActivityText } from "../stand/panel";
import { useIntentErrors } from "./intent-errors";

interface Entry {
  id: string;
  action: string;
  actorName: string;
  createdAt: string;
  initiativeId: string | null;
  initiativeTitle: string | null;
  detail: string | null;
}

/** The network's activity, newest first, each entry in the words of its area. */
export function ActivityList({ activity }: { activity: Entry[] }) {
  const { t, i18n } = useTranslation();
  const activityText = (action: string) => {
    const key = `networks.activity.${action.replaceAll(".", "_")}`;
    const learning = `learning.networkActivity.${action.replaceAll(".", "_")}`;
    if (i18n.exists(key)) return t(key);
    if (i18n.exists(learning)) return t(learning);
    // A stand's entries in the stand's words (without areas: the plan on the stand's page shows those).
    return standActivityText({ action, after: null }, t, i18n.language) ?? action;
  };
  return (
    <section className="card stack" aria-labelledby="network-activity">
      <h2 id="network-activity">{t("networks.page.activity")}</h2>
      {activity.length === 0 ? (
        <p className="muted">{t("networks.page.noActivity")}</p>
      ) : (
        <ol className="link-list activity-list" data-testid="activity">
          {activity.map((a) => (
            <li key={a.id}>
              <span className="muted small">
                <FormattedDate value={a.createdAt} style="datetime" />
              </span>{" "}
              <strong>{a.actorName}</strong> {activityText(a.action)}
              {a.initiativeId ? (
                <>
                  {": "}
                  <Link to={`/initiatives/${a.initiativeId}`}>{a.initiativeTitle}</Link>
                </>
              ) : a.detail ? (
                <>: {a.detail}</>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** An SME leaving the network. */
export function LeaveNetwork({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  const { message } = useIntentErrors("leave");
  return (
    <section className="card stack" aria-labelledby="network-leave">
      <h2 id="network-leave">{t("networks.page.leave")}</h2>
      <p className="muted">{t("networks.page.leaveHelp")}</p>
      {message()}
      <Form method="post">
        <input type="hidden" name="intent" value="leave" />
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t("networks.page.leaveSubmit")}
        </button>
      </Form>
    </section>
  );
}
