import { hashPassword } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import { firm, firmMember } from "../../../db/schema/firms";
import type { Locale } from "../../domain/locale";
import { invalidField, invalidFields, parseInput } from "../../errors";
import { signUpSchema } from "../../schemas/accounts";
import { inTransaction, type Deps } from "../deps";
import { notify } from "../notifications/notify";
import { linkLeadToFirm } from "../stands/lead-invitation";
import { emailTaken, insertAccount } from "./insert-account";

/** What a sign-up did. Callers answer `existing` exactly as `created`: see signUp. */
export type SignUpResult = { outcome: "created"; userId: string; firmId: string; status: "active" | "pending" } | { outcome: "existing" };

/**
 * Anyone may sign up as an SME or a buyer, creating a firm (and becoming its owner) or asking
 * to join an existing firm of the same kind, which the firm's owner approves. One transaction:
 * no account without its firm or its request. A buyer signing up through a trade-fair lead's
 * invitation (`leadToken`) is recorded on that lead.
 *
 * An email that already has an account is not disclosed: the input is checked the same way and
 * the password hashed all the same (so the answer takes as long), then nothing is written and
 * the caller answers as for a new account (the owner will learn of the attempt by email once
 * Jointly sends email).
 */
export async function signUp(deps: Deps, rawInput: unknown, options: { locale?: Locale | null } = {}): Promise<SignUpResult> {
  const input = parseInput(signUpSchema, rawInput);
  return inTransaction(deps, async (tx, after): Promise<SignUpResult> => {
    if (input.firmChoice === "join") {
      const [target] = await tx.select({ id: firm.id, kind: firm.kind, name: firm.name }).from(firm).where(eq(firm.id, input.firmId));
      if (!target || target.kind !== input.role) {
        throw invalidField("firmId", "no_such_firm", "No such firm of this kind");
      }
      const passwordHash = await hashPassword(input.password);
      if (await emailTaken(tx, input.email)) return { outcome: "existing" };
      const { id: userId } = await insertAccount(tx, { ...input, locale: options.locale }, { passwordHash });
      const [member] = await tx
        .insert(firmMember)
        .values({ firmId: target.id, userId, status: "pending", isOwner: false })
        .returning({ id: firmMember.id });
      const owners = await tx
        .select({ userId: firmMember.userId })
        .from(firmMember)
        .where(and(eq(firmMember.firmId, target.id), eq(firmMember.isOwner, true), eq(firmMember.status, "active")));
      await notify(
        tx,
        after,
        owners.map((o) => ({
          userId: o.userId,
          type: "firm_join_requested",
          params: { person: input.name, firm: target.name },
          href: `/firm#member-${member.id}`,
        })),
      );
      return { outcome: "created", userId, firmId: target.id, status: "pending" };
    }

    if (input.role === "sme" && (!input.link || !input.tier)) {
      const fields: Record<string, [string, string]> = {};
      if (!input.link) fields.link = ["required", "Required for an SME"];
      if (!input.tier) fields.tier = ["required", "Required for an SME"];
      throw invalidFields(fields);
    }
    if (input.role === "buyer" && !input.buyerType) {
      throw invalidField("buyerType", "required", "Required for a buyer");
    }
    const passwordHash = await hashPassword(input.password);
    if (await emailTaken(tx, input.email)) return { outcome: "existing" };
    const { id: userId } = await insertAccount(tx, { ...input, locale: options.locale }, { passwordHash });
    const [created] = await tx
      .insert(firm)
      .values({
        kind: input.role,
        name: input.firmName,
        country: input.country,
        sector: input.sector,
        link: input.role === "sme" ? input.link : null,
        tier: input.role === "sme" ? input.tier : null,
        buyerType: input.role === "buyer" ? input.buyerType : null,
      })
      .returning({ id: firm.id });
    await tx.insert(firmMember).values({
      firmId: created.id,
      userId,
      status: "active",
      isOwner: true,
      decidedAt: deps.now(),
    });
    if (input.role === "buyer" && input.leadToken) await linkLeadToFirm(tx, after, input.leadToken, created.id, deps.now());
    return { outcome: "created", userId, firmId: created.id, status: "active" };
  });
}
