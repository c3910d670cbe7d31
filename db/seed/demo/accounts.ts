import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "../../client";
import type { Role } from "../../../server/domain/roles";
import { account, user } from "../../schema/auth";
import { firm, firmCapacity, firmCertification, firmMember } from "../../schema/firms";
import { notification } from "../../schema/notifications";
import { DEMO_LEARNING_LOGINS } from "./club-people";
import { AGENCY, DEMO_SMES, firmRows } from "./firms";
import { demoId, firmId } from "./ids";

/**
 * The Sinos Valley demo's firms and people: every firm with its certifications and capacities,
 * and the demo logins, each the owner of its firm.
 */

export const DEMO_PASSWORD = "jointly-demo-2026";

export interface UserSeed {
  email: string;
  name: string;
  role: Role;
  /** The firm the user owns (key of an SME, buyer or the agency); none for the administrator. */
  firmKey: string | null;
  note: string;
  /** Receives an unread "welcome" notification. */
  welcome?: boolean;
}

export const USERS: UserSeed[] = [
  { email: "admin@jointly.example", name: "Demo Administrator", role: "admin", firmKey: null, note: "administrator of the installation" },
  {
    email: "broker@jointly.example",
    name: "Mariana Vogel",
    role: "broker",
    firmKey: AGENCY.key,
    note: "broker of the Sinos Valley footwear network",
    welcome: true,
  },
  {
    email: "tannery@jointly.example",
    name: "Cláudia Arnold",
    role: "sme",
    firmKey: "curtume-arroio-verde",
    note: "owner of Curtume Arroio Verde, a finishing tannery",
    welcome: true,
  },
  {
    email: "soles@jointly.example",
    name: "Ricardo Pereira",
    role: "sme",
    firmKey: "solados-pampa",
    note: "owner of Solados Pampa, a sole maker",
  },
  {
    email: "oem@jointly.example",
    name: "Paulo Ferraresi",
    role: "sme",
    firmKey: "calcados-ferraresi",
    note: "owner of Calçados Ferraresi, an OEM exporter dependent on one US buyer",
  },
  {
    email: "brand@jointly.example",
    name: "Luciana Machado",
    role: "sme",
    firmKey: "passo-firme",
    note: "owner of Passo Firme, a manufacturer with its own brand",
  },
  {
    email: "exporter@jointly.example",
    name: "Fernando Schneider",
    role: "sme",
    firmKey: "sinos-export",
    note: "owner of Sinos Export Trading, an export agent",
  },
  {
    email: "retailer@jointly.example",
    name: "Karen Mitchell",
    role: "buyer",
    firmKey: "stridewell",
    note: "sourcing manager of Stridewell Stores, a US retail chain",
  },
  {
    email: "buyinggroup@jointly.example",
    name: "Stefan Brandt",
    role: "buyer",
    firmKey: "schuhring",
    note: "buyer of Schuhring, a German buying group",
  },
];

export const DEMO_LOGINS: {
  password: string;
  users: Array<{ role: "admin" | "broker" | "sme" | "buyer"; email: string; note: string }>;
} = {
  password: DEMO_PASSWORD,
  // The Sinos Valley's, then the Eastern Cape auto-components network's (club-people.ts).
  users: [...USERS.map(({ role, email, note }) => ({ role, email, note })), ...DEMO_LEARNING_LOGINS],
};

/**
 * A better-auth user with its credential account, the rows a sign-up writes (unverified email,
 * no language chosen, the password hashed by better-auth's own function).
 */
async function insertAccount(tx: Tx, seed: { name: string; email: string; role: Role }): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(user).values({ id, name: seed.name, email: seed.email, emailVerified: false, role: seed.role, locale: null });
  await tx.insert(account).values({
    id: crypto.randomUUID(),
    accountId: id,
    providerId: "credential",
    userId: id,
    password: await hashPassword(DEMO_PASSWORD),
  });
  return id;
}

/** The user's id: the existing account's when the email is registered, else a new account's. */
export async function ensureUser(tx: Tx, seed: { name: string; email: string; role: Role }): Promise<string> {
  const [existing] = await tx.select({ id: user.id }).from(user).where(eq(user.email, seed.email));
  return existing?.id ?? (await insertAccount(tx, seed));
}

/** Writes the firms and the logins; returns each login's user id by email. */
export async function seedAccounts(tx: Tx, now: Date): Promise<Map<string, string>> {
  await tx.insert(firm).values(firmRows(now)).onConflictDoNothing();
  await tx
    .insert(firmCertification)
    .values(
      DEMO_SMES.flatMap((s) =>
        s.certifications.map((c) => ({ id: demoId(`certification:${s.key}:${c.code}`), firmId: firmId(s.key), ...c })),
      ),
    )
    .onConflictDoNothing();
  await tx
    .insert(firmCapacity)
    .values(DEMO_SMES.flatMap((s) => s.capacities.map((c, i) => ({ id: demoId(`capacity:${s.key}:${i}`), firmId: firmId(s.key), ...c }))))
    .onConflictDoNothing();

  const userIds = new Map<string, string>();
  for (const seed of USERS) {
    const userId = await ensureUser(tx, seed);
    userIds.set(seed.email, userId);
    if (seed.firmKey) {
      // A user belongs to at most one firm: an existing membership wins (unique on user_id).
      await tx
        .insert(firmMember)
        .values({
          id: demoId(`member:${seed.email}`),
          firmId: firmId(seed.firmKey),
          userId,
          status: "active",
          isOwner: true,
          createdAt: now,
          decidedAt: now,
        })
        .onConflictDoNothing();
    }
    if (seed.welcome) {
      await tx
        .insert(notification)
        .values({
          id: demoId(`notification:${seed.email}:welcome`),
          userId,
          type: "welcome",
          params: {},
          href: "/home",
          createdAt: now,
        })
        .onConflictDoNothing();
    }
  }
  return userIds;
}
