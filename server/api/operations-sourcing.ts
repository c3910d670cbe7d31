import type { Operation } from "./operations";

/** Sourcing needs, matching, consortia and responses (see ARCHITECTURE.md). */
export const sourcingOperations: Operation[] = [];
