import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { account, user } from "../../../db/schema/auth";
import type { Role } from "../../domain/roles";
import { type Locale } from "../../domain/locale";
import { invalidField } from "../../errors";

/**
 * Writes a better-auth user and its credential account inside the caller's transaction, so a
 * sign-up with its firm, or an admin-created broker, is all-or-nothing.
 */
export async function insertAccount(
  tx: Tx,
  input: { name: string; email: string; password: string; role: Role; locale?: Locale | null },
  options: { passwordHash?: string } = {},
): Promise<{ id: string }> {
  if (await emailTaken(tx, input.email)) throw invalidField("email", "email_taken", "This email is already registered", "conflict");
  const id = crypto.randomUUID();
  await tx.insert(user).values({
    id,
    name: input.name,
    email: input.email,
    emailVerified: false,
    role: input.role,
    locale: input.locale ?? null,
  });
  await tx.insert(account).values({
    id: crypto.randomUUID(),
    accountId: id,
    providerId: "credential",
    userId: id,
    password: options.passwordHash ?? (await hashPassword(input.password)),
  });
  return { id };
}

export async function emailTaken(tx: Tx, email: string): Promise<boolean> {
  const [taken] = await tx.select({ id: user.id }).from(user).where(eq(user.email, email));
  return taken !== undefined;
}
