import { Form, NavLink, useLocation, useSubmit } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "../../server/domain/locale";
import { TOAST_COOKIE, useRootData } from "../lib/root-data";
import { useLiveState } from "../lib/live";

const NAV: Record<string, Array<{ to: string; key: string }>> = {
  admin: [
    { to: "/home", key: "nav.home" },
    { to: "/admin/users", key: "nav.users" },
    { to: "/admin/exchange-rates", key: "nav.exchangeRates" },
    { to: "/networks", key: "nav.networks" },
    { to: "/needs", key: "nav.needs" },
    { to: "/firms", key: "nav.directory" },
  ],
  broker: [
    { to: "/home", key: "nav.home" },
    { to: "/networks", key: "nav.networks" },
    { to: "/needs", key: "nav.needs" },
    { to: "/fairs", key: "stands.fairs.title" },
    { to: "/firms", key: "nav.directory" },
  ],
  sme: [
    { to: "/home", key: "nav.home" },
    { to: "/firm", key: "nav.myFirm" },
    { to: "/networks", key: "nav.networks" },
    { to: "/needs", key: "nav.needs" },
    { to: "/fairs", key: "stands.fairs.title" },
    { to: "/firms", key: "nav.directory" },
  ],
  buyer: [
    { to: "/home", key: "nav.home" },
    { to: "/firm", key: "nav.myFirm" },
    { to: "/needs", key: "nav.needs" },
    { to: "/firms", key: "nav.directory" },
  ],
};

export function AppShell({ children }: { children: ReactNode }) {
  const root = useRootData();
  const { t } = useTranslation();
  const user = root?.user ?? null;
  const links = user ? NAV[user.role] : [];
  const toast = useToast(root?.toast ?? null);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <a className="brand" href={user ? "/home" : "/"}>
            <span aria-hidden="true" className="brand-mark">
              ◆
            </span>{" "}
            Jointly
          </a>
          <nav aria-label={t("nav.label")} className="main-nav">
            <ul>
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} prefetch="intent">
                    {t(link.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-tools">
            <LanguageSwitcher />
            {user ? (
              <>
                <NavLink to="/notifications" className="bell" data-testid="notification-bell">
                  <span>{t("nav.notifications")}</span>
                  <span className={`badge${root!.unread > 0 ? " badge-alert" : ""}`} data-testid="unread-count">
                    <span className="visually-hidden">{t("nav.unread", { count: root!.unread })}</span>
                    <span aria-hidden="true">{root!.unread}</span>
                  </span>
                </NavLink>
                <LiveIndicator />
                <NavLink to="/settings">{t("nav.settings")}</NavLink>
                <Form method="post" action="/logout">
                  <button type="submit" className="button-link">
                    {t("nav.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <NavLink to="/login">{t("nav.signIn")}</NavLink>
                <NavLink to="/signup" className="button button-small">
                  {t("nav.signUp")}
                </NavLink>
              </>
            )}
          </div>
        </div>
      </header>
      {toast ? (
        <div className="container">
          <p className="toast" role="status" key={toast.id}>
            {/* A key with a dot is a full key ("networks.toast.created"); a bare one lives under toast. */}
            {toast.key.includes(".") ? t(toast.key) : t(`toast.${toast.key}`)}
          </p>
        </div>
      ) : null}
      <main id="main" className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">{t("footer.tagline")}</div>
      </footer>
    </>
  );
}

function LiveIndicator() {
  const state = useLiveState();
  const { t } = useTranslation();
  return (
    <span className={`live live-${state}`} data-testid="live-state" data-state={state}>
      <span aria-hidden="true" className="live-dot" />
      <span className="visually-hidden">{t(`live.${state}`)}</span>
    </span>
  );
}

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const submit = useSubmit();
  const location = useLocation();
  return (
    <Form method="post" action="/locale" className="language-switcher" onChange={(e) => submit(e.currentTarget)}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <label htmlFor="locale-select" className="visually-hidden">
        {t("nav.language")}
      </label>
      <select id="locale-select" name="locale" defaultValue={i18n.language} key={i18n.language}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="button-small">
          {t("nav.apply")}
        </button>
      </noscript>
    </Form>
  );
}

/**
 * The toast arrives from the root loader; live revalidations run it again, so the page keeps the
 * message until the user moves to another page. The browser clears the cookie once the toast
 * shows (see TOAST_COOKIE), and a load that still carried it brings the same id, not a new toast.
 */
function useToast(fromLoader: { key: string; id: string } | null) {
  const location = useLocation();
  const [shown, setShown] = useState({ toast: fromLoader, on: location.pathname, lastId: fromLoader?.id ?? null });
  // Adjusted while rendering, so a new toast shows and an old one goes without an extra paint.
  if (fromLoader && fromLoader.id !== shown.lastId) {
    setShown({ toast: fromLoader, on: location.pathname, lastId: fromLoader.id });
  } else if (shown.toast && location.pathname !== shown.on) {
    setShown({ ...shown, toast: null });
  }
  const id = shown.toast?.id;
  useEffect(() => {
    if (id) document.cookie = `${TOAST_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
  }, [id]);
  return shown.toast;
}
