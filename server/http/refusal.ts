import type { Request, Response } from "express";
import { getI18n } from "../../i18n/i18n";
import { isLocale, negotiateLocale, type Locale } from "../domain/locale";

/**
 * How the edge refuses a request before it reaches Remix or the API: the API's JSON error
 * shape for /api/* and Remix data requests (`?_data=`, `*.data`, or JSON clients), a small
 * translated page for a browser's form post.
 */
export interface Refusal {
  status: number;
  code: string;
  /** The English message of the JSON body (API clients read English, like every API error). */
  message: string;
  /** Key under `errors.` holding the page's `title` and `body`. */
  pageKey: string;
}

function wantsJson(req: Request): boolean {
  const url = req.originalUrl;
  if (url.startsWith("/api/")) return true;
  const [pathname, query = ""] = url.split("?");
  if (pathname.endsWith(".data") || new URLSearchParams(query).has("_data")) return true;
  return (req.headers.accept ?? "").includes("application/json") && !(req.headers.accept ?? "").includes("text/html");
}

export function refuse(req: Request, res: Response, refusal: Refusal): void {
  res.status(refusal.status);
  if (wantsJson(req)) {
    res.json({ error: { code: refusal.code, message: refusal.message } });
    return;
  }
  const locale = localeOf(req);
  const t = getI18n(locale).t;
  const title = escapeHtml(t(`errors.${refusal.pageKey}.title`));
  const body = escapeHtml(t(`errors.${refusal.pageKey}.body`));
  const back = escapeHtml(t("errors.backHome"));
  res
    .type("html")
    .send(
      `<!DOCTYPE html><html lang="${locale}" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Jointly</title></head>` +
        `<body><main id="main" role="alert"><h1>${title}</h1><p>${body}</p><p><a href="/">${back}</a></p></main></body></html>`,
    );
}

/** The language chosen before signing in (the `jointly_lng` cookie), else Accept-Language. */
function localeOf(req: Request): Locale {
  const raw = /(?:^|;\s*)jointly_lng=([^;]*)/.exec(req.headers.cookie ?? "")?.[1];
  if (raw) {
    try {
      // Remix cookies hold base64 of the URI-encoded JSON value.
      const chosen: unknown = JSON.parse(decodeURIComponent(Buffer.from(decodeURIComponent(raw), "base64").toString("utf8")));
      if (isLocale(chosen)) return chosen;
    } catch {
      // A malformed cookie is simply ignored.
    }
  }
  return negotiateLocale(req.headers["accept-language"]);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
