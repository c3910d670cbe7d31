import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { browserMessages, MessagesProvider } from "./lib/page-messages";

// Read before React takes over the document (the element holds the page's language).
const messages = browserMessages();

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <MessagesProvider value={messages}>
        <RemixBrowser />
      </MessagesProvider>
    </StrictMode>,
  );
});
