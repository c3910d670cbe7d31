import { eq } from "drizzle-orm";
import { user } from "../../../db/schema/auth";
import { emailSchema, passwordSchema } from "../../schemas/accounts";
import { inTransaction, type Deps } from "../deps";
import { insertAccount } from "./insert-account";

/** At boot: creates the ADMIN_EMAIL administrator once, if no user has that email yet. */
export async function ensureAdmin(deps: Deps, input: { email: string; password: string }): Promise<"created" | "exists"> {
  const email = emailSchema.parse(input.email);
  const password = passwordSchema.parse(input.password);
  return inTransaction(deps, async (tx) => {
    const [existing] = await tx.select({ id: user.id }).from(user).where(eq(user.email, email));
    if (existing) return "exists";
    await insertAccount(tx, { name: "Administrator", email, password, role: "admin" });
    return "created";
  });
}
