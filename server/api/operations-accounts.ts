import { createUserSchema, localeSchema } from "../schemas/accounts";
import type { Operation } from "./operation";
import { userListResponse, userResponse } from "./responses-accounts";

/** Accounts: administrators create and list them; everyone chooses their language. */
export const accountOperations = [
  {
    operationId: "createUser",
    method: "post",
    path: "/users",
    summary: "Create an account of any role, e.g. a broker (administrators only)",
    tag: "users",
    body: createUserSchema,
    conflict: "The email is already taken",
    response: userResponse,
    status: 201,
    run: ({ services, actor, body }) => services.accounts.createUser(actor, body),
  },
  {
    operationId: "listUsers",
    method: "get",
    path: "/users",
    summary: "All accounts (administrators only)",
    tag: "users",
    response: userListResponse,
    run: ({ services, actor }) => services.accounts.listUsers(actor),
  },
  {
    operationId: "setMyLocale",
    method: "put",
    path: "/me/locale",
    summary: "Choose the language of the interface",
    tag: "users",
    body: localeSchema,
    response: localeSchema,
    run: ({ services, actor, body }) => services.accounts.setLocale(actor, body),
  },
] as const satisfies readonly Operation[];
