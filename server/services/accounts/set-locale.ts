import { eq } from "drizzle-orm";
import { user } from "../../../db/schema/auth";
import type { Actor } from "../../authz/actor";
import { parseInput } from "../../errors";
import { localeSchema } from "../../schemas/accounts";
import { inTransaction, type Deps } from "../deps";

/** Stores the user's language; it wins over the browser's Accept-Language from then on. */
export async function setLocale(deps: Deps, actor: Actor, rawInput: unknown) {
  const { locale } = parseInput(localeSchema, rawInput);
  return inTransaction(deps, async (tx) => {
    await tx.update(user).set({ locale, updatedAt: deps.now() }).where(eq(user.id, actor.userId));
    return { locale };
  });
}
