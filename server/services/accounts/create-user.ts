import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { createUserSchema } from "../../schemas/accounts";
import { inTransaction, type Deps } from "../deps";
import { insertAccount } from "./insert-account";

/** An admin creates an account of any role (brokers are only ever created this way). */
export async function createUser(deps: Deps, actor: Actor, rawInput: unknown) {
  if (!can(actor, "user", "create")) throw new AppError("forbidden", "Only administrators create accounts");
  const input = parseInput(createUserSchema, rawInput);
  return inTransaction(deps, async (tx) => {
    const { id } = await insertAccount(tx, input);
    return { id, name: input.name, email: input.email, role: input.role };
  });
}
