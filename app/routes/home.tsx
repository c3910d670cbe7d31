import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { signedIn } from "../lib/route.server";

/** Each role's own home: what it can do next, with links to it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await signedIn({ request, context });
  const notifications = await context.services.notifications.list(actor, {
    limit: 5,
  });
  return {
    role: actor.role,
    name: actor.name,
    hasFirm: Boolean(actor.firm),
    pendingFirm: Boolean(actor.pendingFirmId),
    latest: notifications.items,
  };
}

export default function Home() {
  const { t } = useTranslation();
  const { role, name, hasFirm, pendingFirm, latest } = useLoaderData<typeof loader>();
  const tasks: Array<{ to: string; key: string }> = [];
  if (role === "admin") tasks.push({ to: "/admin/users", key: "home.tasks.users" });
  if ((role === "sme" || role === "buyer") && hasFirm) tasks.push({ to: "/firm", key: "home.tasks.firm" });
  tasks.push({ to: "/firms", key: "home.tasks.directory" }, { to: "/notifications", key: "home.tasks.notifications" });
  return (
    <div className="stack">
      <h1>{t("home.greeting", { name })}</h1>
      <p className="lead">{t(`home.intro.${role}`)}</p>
      {pendingFirm ? (
        <p className="notice" role="status">
          {t("home.pending")}
        </p>
      ) : null}
      <div className="grid-2">
        <section className="card">
          <h2>{t("home.next")}</h2>
          <ul className="link-list">
            {tasks.map((task) => (
              <li key={task.to}>
                <Link to={task.to}>{t(task.key)}</Link>
              </li>
            ))}
          </ul>
        </section>
        <section className="card">
          <h2>{t("home.latest")}</h2>
          {latest.length === 0 ? (
            <p>{t("notifications.empty")}</p>
          ) : (
            <ul className="link-list">
              {latest.map((n) => (
                <li key={n.id} className={n.readAt ? "" : "unread"}>
                  {n.href ? <Link to={n.href}>{t(`notification.${n.type}`, n.params)}</Link> : t(`notification.${n.type}`, n.params)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
