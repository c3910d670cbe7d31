import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { translations } from "../i18n/i18n";
import { NonceProvider } from "./lib/nonce";
import { MessagesProvider, type MessagesSource } from "./lib/page-messages";

/**
 * How long Remix lets a deferred value stream before rejecting it. The render itself is never
 * aborted on a clock: loaders have all resolved before it starts, so it always finishes, only
 * more slowly when the process is busy (a burst of requests). Aborting it on a timer answered
 * a busy server's slow renders with 500s; it stops only when the client goes away.
 */
export const streamTimeout = 5_000;

/** The server renders in any language. */
const serverMessages: MessagesSource = { pageLocale: "en", get: (locale) => translations[locale], load: () => Promise.resolve() };

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <MessagesProvider value={serverMessages}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </MessagesProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error instanceof Error ? error : new Error(String(error)));
        },
        onError(error: unknown) {
          // A client that went away is not a server error.
          if (request.signal.aborted) return;
          responseStatusCode = 500;
          loadContext.logger.error({ err: error, afterShell: shellRendered }, "render error");
        },
      },
    );
    request.signal.addEventListener("abort", () => abort(), { once: true });
  });
}

/** Unexpected errors of loaders, actions and renders: logged with the request's id. */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  // Thrown Responses (404, 403) are expected and rendered by error boundaries.
  if (error instanceof Response) return;
  context.logger.error({ err: error }, "request failed");
};
