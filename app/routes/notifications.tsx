import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormattedDate } from "../components/formatted";
import { notificationReadSchema as readSchema } from "../lib/schemas.server";
import { perform, readPost, submit, unknownForm } from "../lib/form-action.server";
import { signedIn } from "../lib/route.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await signedIn({ request, context });
  return context.services.notifications.list(actor, { limit: 100 });
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await signedIn(args);
  const post = await readPost(args.request, t);
  const { notifications } = args.context.services;
  // Back to the list, which now shows them read (the forms keep the reader's scroll position).
  const done = () => redirect("/notifications");
  switch (post.intent) {
    case "read":
      return submit(post, readSchema, async ({ notificationId }) => {
        await notifications.markRead(actor, { notificationId });
        return done();
      });
    case "read-all":
      return perform(post, async () => {
        await notifications.markRead(actor, { all: true });
        return done();
      });
    default:
      return unknownForm(post);
  }
}

export default function Notifications() {
  const { t } = useTranslation();
  const { items, unread } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("notifications.title")}</h1>
        {unread > 0 ? (
          <Form method="post" preventScrollReset>
            <button type="submit" name="intent" value="read-all" className="button button-secondary">
              {t("notifications.markAll")}
            </button>
          </Form>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="card">{t("notifications.empty")}</p>
      ) : (
        <ul className="notification-list" data-testid="notification-list">
          {items.map((n) => (
            <li key={n.id} className={`card notification${n.readAt ? "" : " unread"}`}>
              <div>
                <p className="notification-text">
                  {n.readAt ? null : <span className="tag tag-accent">{t("notifications.new")}</span>}{" "}
                  {n.href ? <Link to={n.href}>{t(`notification.${n.type}`, n.params)}</Link> : t(`notification.${n.type}`, n.params)}
                </p>
                <p className="muted">
                  <FormattedDate value={n.createdAt} style="datetime" />
                </p>
              </div>
              {n.readAt ? null : (
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="notificationId" value={n.id} />
                  <button type="submit" name="intent" value="read" className="button-link">
                    {t("notifications.markRead")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
