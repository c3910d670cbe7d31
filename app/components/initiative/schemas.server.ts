/**
 * The initiative page's form schemas, reached through a server module: a route importing
 * server/schemas directly keeps zod in its browser chunks even when only its action uses them
 * (the bundler's code splitting keeps the import), while `.server` modules are left out.
 */
export { commitmentSchema, messageSchema, transitionSchema } from "../../../server/schemas/initiative";
