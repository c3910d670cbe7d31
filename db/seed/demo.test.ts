import { verifyPassword } from "better-auth/crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firmIdSchema } from "../../server/schemas/firm";
import type { Deps } from "../../server/services/deps";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { isCertificationCode } from "../reference/certifications";
import { isIsicClass } from "../reference/isic";
import { account, user } from "../schema/auth";
import { firm, firmCapacity, firmCertification, firmMember } from "../schema/firms";
import { notification } from "../schema/notifications";
import { DEMO_LOGINS, seedDemo } from "./demo";

let database: TestDatabase;
let deps: Deps;
let afterFirst: Record<string, number>;
let afterSecond: Record<string, number>;

const TABLES = { user, account, firm, firmMember, firmCertification, firmCapacity, notification };

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(TABLES)) {
    const [row] = await database.db.select({ n: count() }).from(table);
    counts[name] = row.n;
  }
  return counts;
}

beforeAll(async () => {
  // A fresh migrated database (in-memory PGlite unless TEST_DATABASE_URL is set).
  database = await createTestDatabase();
  deps = { db: database.db, publisher: { toRoom() {} }, now: () => new Date("2026-11-23T12:00:00Z") };
  await seedDemo(deps);
  afterFirst = await rowCounts();
  await seedDemo(deps);
  afterSecond = await rowCounts();
}, 60_000);

afterAll(async () => {
  await database?.drop();
});

describe("seedDemo", () => {
  it("seeds about 30 SMEs of the Sinos Valley, each with a chain position", async () => {
    const smes = await database.db.select().from(firm).where(eq(firm.kind, "sme"));
    expect(smes.length).toBeGreaterThanOrEqual(28);
    expect(smes.length).toBeLessThanOrEqual(34);
    for (const sme of smes) {
      expect(sme.link, sme.name).not.toBeNull();
      expect(sme.tier, sme.name).not.toBeNull();
      expect(sme.country).toBe("BR");
      expect(sme.region).toContain("Vale dos Sinos, RS");
      expect(sme.turnoverCurrency).toBe("BRL");
      expect(sme.employees).toBeGreaterThanOrEqual(8);
      expect(sme.employees).toBeLessThanOrEqual(240);
    }
    expect(new Set(smes.map((s) => s.link)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(smes.map((s) => s.tier))).toEqual(new Set([1, 2, 3]));
    expect(smes.filter((s) => s.sector === "1520").length).toBeGreaterThanOrEqual(10);
  });

  it("uses valid ids and only catalogue codes: ISIC classes and certifications", async () => {
    const firms = await database.db.select({ id: firm.id, sector: firm.sector }).from(firm);
    for (const f of firms) {
      expect(isIsicClass(f.sector), f.sector).toBe(true);
      // Fixed ids must still pass the routes' uuid validation.
      expect(firmIdSchema.safeParse({ firmId: f.id }).success, f.id).toBe(true);
    }
    const certifications = await database.db.select().from(firmCertification);
    expect(certifications.length).toBeGreaterThan(0);
    for (const c of certifications) expect(isCertificationCode(c.code), c.code).toBe(true);
    // One expired and one expiring soon, so the demo shows every status.
    expect(certifications.some((c) => c.expiresOn !== null && c.expiresOn < "2026-11-23")).toBe(true);
    expect(certifications.some((c) => c.expiresOn === "2027-01-15")).toBe(true);
  });

  it("gives every SME between one and three capacities", async () => {
    const rows = await database.db
      .select({ firmId: firm.id, n: count(firmCapacity.id) })
      .from(firm)
      .leftJoin(firmCapacity, eq(firmCapacity.firmId, firm.id))
      .where(eq(firm.kind, "sme"))
      .groupBy(firm.id);
    for (const row of rows) {
      expect(row.n).toBeGreaterThanOrEqual(1);
      expect(row.n).toBeLessThanOrEqual(3);
    }
  });

  it("seeds four buyers of the four kinds and one agency", async () => {
    const buyers = await database.db.select().from(firm).where(eq(firm.kind, "buyer"));
    expect(buyers.map((b) => b.buyerType).sort()).toEqual([
      "branded_marketer",
      "buying_group",
      "global_retailer",
      "trader_export_agent",
    ]);
    for (const b of buyers) expect(b.usualGovernance, b.name).not.toBeNull();
    const agencies = await database.db.select().from(firm).where(eq(firm.kind, "agency"));
    expect(agencies).toHaveLength(1);
  });

  it("creates every demo login with its role, password and firm", async () => {
    for (const login of DEMO_LOGINS.users) {
      const [row] = await database.db
        .select({ id: user.id, role: user.role, password: account.password })
        .from(user)
        .innerJoin(account, and(eq(account.userId, user.id), eq(account.providerId, "credential")))
        .where(eq(user.email, login.email));
      expect(row, login.email).toBeDefined();
      expect(row.role).toBe(login.role);
      const [membership] = await database.db
        .select({ status: firmMember.status, isOwner: firmMember.isOwner, kind: firm.kind })
        .from(firmMember)
        .innerJoin(firm, eq(firm.id, firmMember.firmId))
        .where(eq(firmMember.userId, row.id));
      if (login.role === "admin") {
        expect(membership).toBeUndefined();
      } else {
        expect(membership).toEqual({
          status: "active",
          isOwner: true,
          kind: login.role === "broker" ? "agency" : login.role,
        });
      }
    }
    // One hash check is enough (scrypt is slow): the printed password really signs in.
    const [broker] = await database.db
      .select({ password: account.password })
      .from(account)
      .innerJoin(user, eq(user.id, account.userId))
      .where(eq(user.email, "broker@jointly.example"));
    expect(await verifyPassword({ hash: broker.password!, password: DEMO_LOGINS.password })).toBe(true);
  });

  it("leaves unread welcome notifications", async () => {
    const rows = await database.db.select().from(notification);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const n of rows) {
      expect(n.type).toBe("welcome");
      expect(n.readAt).toBeNull();
    }
  });

  it("changes nothing when run a second time", () => {
    expect(afterFirst.firm).toBeGreaterThan(30);
    expect(afterSecond).toEqual(afterFirst);
  });
});
