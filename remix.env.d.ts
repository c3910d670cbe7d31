/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
// Brings in the typed load context (AppLoadContext's augmentation) for loaders and actions.
import type {} from "./server/load-context";
