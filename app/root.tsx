import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { I18nextProvider } from "react-i18next";
import { AppShell } from "./components/app-shell";
import { ErrorMessage } from "./components/error-message";
import type { RootData } from "./lib/root-data";
import { type Locale } from "../server/domain/locale";
import stylesheet from "./styles/app.css";
import { getActor } from "./lib/auth.server";
import { localeFor } from "./lib/i18n.server";
import { LiveProvider } from "./lib/live";
import { useNonce } from "./lib/nonce";
import { PageMessages, usePageI18n } from "./lib/page-messages";
import { readToast } from "./lib/toast.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Jointly" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(context);
  const locale = await localeFor(request, actor);
  const toast = await readToast(request);
  const unread = actor ? await context.services.notifications.countUnread(actor.userId) : 0;
  return data<RootData>(
    {
      locale,
      toast: toast.toast,
      unread,
      requestId: context.requestId,
      user: actor
        ? { id: actor.userId, name: actor.name, role: actor.role, hasFirm: Boolean(actor.firm), pendingFirm: Boolean(actor.pendingFirmId) }
        : null,
    },
    { headers: toast.clear ? { "Set-Cookie": toast.clear } : {} },
  );
}

function Document({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const nonce = useNonce();
  const page = usePageI18n(locale);
  return (
    <html lang={page?.locale ?? locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {page ? <I18nextProvider i18n={page.i18n}>{children}</I18nextProvider> : children}
        {page ? <PageMessages locale={page.locale} messages={page.messages} /> : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale, user } = useLoaderData<typeof loader>();
  return (
    <Document locale={locale}>
      <LiveProvider enabled={Boolean(user)}>
        <AppShell>
          <Outlet />
        </AppShell>
      </LiveProvider>
    </Document>
  );
}

export function ErrorBoundary() {
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <Document locale={root?.locale ?? "en"}>
      <main className="container" id="main">
        <ErrorMessage />
      </main>
    </Document>
  );
}
