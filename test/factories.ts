import type { Db } from "../db/client";
import type { Role } from "../server/domain/roles";
import type { Actor } from "../server/authz/actor";
import { loadActor } from "../server/services/accounts/load-actor";
import { signUp, type SignUpResult } from "../server/services/accounts/sign-up";
import { insertAccount } from "../server/services/accounts/insert-account";
import { inTransaction, type Deps } from "../server/services/deps";
import { RecordingPublisher } from "./recording-publisher";

/** Unique data per call, so test files and tests never collide. */
let counter = 0;
export const unique = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++counter}`;
export const uniqueEmail = (prefix = "user") => `${unique(prefix)}@test.example`.toLowerCase();

export const PASSWORD = "correct-horse-battery";

export function makeDeps(db: Db, now = () => new Date("2026-11-23T12:00:00Z")): Deps & { publisher: RecordingPublisher } {
  return { db, publisher: new RecordingPublisher(), now };
}

export async function actorOf(db: Db, userId: string): Promise<Actor> {
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error(`no user ${userId}`);
  return actor;
}

/** A sign-up's result that must have created an account (tests use fresh emails). */
export function created(result: SignUpResult): Extract<SignUpResult, { outcome: "created" }> {
  if (result.outcome !== "created") throw new Error("The email was already registered");
  return result;
}

/** An SME or buyer user owning a new firm, through the real sign-up use case. */
export async function createFirmOwner(
  deps: Deps,
  options: { role?: "sme" | "buyer"; firmName?: string; country?: string; sector?: string; link?: string; tier?: number } = {},
) {
  const role = options.role ?? "sme";
  const email = uniqueEmail(role);
  const result = await signUp(deps, {
    firmChoice: "create",
    role,
    name: "Test Person",
    email,
    password: PASSWORD,
    firmName: options.firmName ?? unique("Firm"),
    country: options.country ?? "BR",
    sector: options.sector ?? "1520",
    ...(role === "sme" ? { link: options.link ?? "assembly", tier: options.tier ?? 1 } : { buyerType: "global_retailer" }),
  });
  const { userId, firmId, status } = created(result);
  return { userId, firmId, status, email, actor: await actorOf(deps.db, userId) };
}

export async function createUserWithRole(deps: Deps, role: Role) {
  const email = uniqueEmail(role);
  const { id } = await inTransaction(deps, (tx) => insertAccount(tx, { name: `Test ${role}`, email, password: PASSWORD, role }));
  return { id, email, actor: await actorOf(deps.db, id) };
}
