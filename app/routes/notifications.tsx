import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormattedDate } from "../components/formatted";
import { signedIn } from "../lib/route.server";
import { isAppError, throwAsResponse } from "../lib/errors.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await signedIn({ request, context });
  return context.services.notifications.list(actor, { limit: 100 });
}

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), notificationId: z.uuid() }),
  z.object({ intent: z.literal("read-all") }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await signedIn({ request, context });
  const parsed = intentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ ok: false }, { status: 400 });
  try {
    if (parsed.data.intent === "read-all") await context.services.notifications.markRead(actor, { all: true });
    else
      await context.services.notifications.markRead(actor, {
        notificationId: parsed.data.notificationId,
      });
  } catch (error) {
    if (isAppError(error)) throwAsResponse(error);
    throw error;
  }
  return { ok: true };
}

export default function Notifications() {
  const { t } = useTranslation();
  const { items, unread } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("notifications.title")}</h1>
        {unread > 0 ? (
          <Form method="post">
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
                <Form method="post">
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
