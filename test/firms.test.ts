import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firm, firmCapacity, firmCertification, firmMember } from "../db/schema/firms";
import { notification } from "../db/schema/notifications";
import { signUp } from "../server/services/accounts/sign-up";
import { decideMemberRequest } from "../server/services/firms/decide-member-request";
import { getFirm } from "../server/services/firms/get-firm";
import { getMyFirm } from "../server/services/firms/get-my-firm";
import { searchFirms } from "../server/services/firms/search-firms";
import { updateMyFirm } from "../server/services/firms/update-my-firm";
import { refusal } from "./answers";
import { createTestDatabase, type TestDatabase } from "./db";
import { actorOf, created, createFirmOwner, createUserWithRole, makeDeps, PASSWORD, unique, uniqueEmail } from "./factories";

let database: TestDatabase;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = makeDeps(database.db);
});
afterAll(async () => {
  await database.drop();
});

const smeProfile = (overrides: Record<string, unknown> = {}) => ({
  kind: "sme",
  name: "Curtume Teste",
  description: "Finished leather for footwear",
  country: "BR",
  region: "Vale dos Sinos, RS",
  sector: "1511",
  employees: 85,
  turnover: { amount: "12500000.50", currency: "BRL" },
  link: "processing",
  tier: 2,
  functions: ["production", "quality_control"],
  roleLadder: "oem",
  upgradingGoals: ["process", "functional"],
  certifications: [
    { code: "lwg", expiresOn: "2027-06-30" },
    { code: "iso_9001", expiresOn: "2026-01-31" },
  ],
  capacities: [{ product: "Finished leather", unitsPerMonth: 40000, unit: "m²", leadTimeDays: 21 }],
  ...overrides,
});

async function rowCounts() {
  const [firms, certs, caps, members, notes] = await Promise.all([
    database.db.select().from(firm),
    database.db.select().from(firmCertification),
    database.db.select().from(firmCapacity),
    database.db.select().from(firmMember),
    database.db.select().from(notification),
  ]);
  return { firms: firms.length, certs: certs.length, caps: caps.length, members: members.length, notes: notes.length };
}

describe("sign-up", () => {
  it("creates the account, the firm and its owner membership together", async () => {
    const owner = await createFirmOwner(deps, { firmName: unique("Calçados") });
    expect(owner.status).toBe("active");
    expect(owner.actor.role).toBe("sme");
    expect(owner.actor.firm).toMatchObject({ id: owner.firmId, kind: "sme", isOwner: true });
  });

  it("rejects an SME without link and tier, writing nothing", async () => {
    const before = await rowCounts();
    const attempt = signUp(deps, {
      firmChoice: "create",
      role: "sme",
      name: "No Link",
      email: uniqueEmail(),
      password: PASSWORD,
      firmName: "Firma",
      country: "BR",
      sector: "1520",
    });
    const refused = await refusal(attempt);
    expect(refused.code).toBe("invalid_input");
    expect(Object.keys(refused.fields ?? {}).sort()).toEqual(["link", "tier"]);
    expect(await rowCounts()).toEqual(before);
  });

  it("writes nothing for a registered email without saying so; rejects an unknown country and sector with field messages", async () => {
    const owner = await createFirmOwner(deps);
    const before = await rowCounts();
    await expect(
      signUp(deps, {
        firmChoice: "create",
        role: "buyer",
        name: "Dup",
        email: owner.email,
        password: PASSWORD,
        firmName: "Xyz Ltda",
        country: "BR",
        sector: "4771",
        buyerType: "buying_group",
      }),
    ).resolves.toEqual({ outcome: "existing" });
    expect(await rowCounts()).toEqual(before);
    const invalid = await refusal(
      signUp(deps, {
        firmChoice: "create",
        role: "buyer",
        name: "Bad",
        email: uniqueEmail(),
        password: PASSWORD,
        firmName: "Xyz Ltda",
        country: "XX",
        sector: "0000",
        buyerType: "buying_group",
      }),
    );
    expect(invalid.code).toBe("invalid_input");
    expect(Object.keys(invalid.fields ?? {}).sort()).toEqual(["country", "sector"]);
  });

  it("asks to join an existing firm; the owner is notified and approves", async () => {
    const owner = await createFirmOwner(deps);
    deps.publisher.sent.length = 0;
    const email = uniqueEmail("joiner");
    const joined = created(
      await signUp(deps, { firmChoice: "join", role: "sme", name: "Joiner", email, password: PASSWORD, firmId: owner.firmId }),
    );
    expect(joined.status).toBe("pending");
    const joiner = await actorOf(database.db, joined.userId);
    expect(joiner.firm).toBeNull();
    expect(joiner.pendingFirmId).toBe(owner.firmId);
    const notes = await database.db.select().from(notification).where(eq(notification.userId, owner.userId));
    expect(notes.map((n) => n.type)).toContain("firm_join_requested");
    expect(deps.publisher.sent).toContainEqual(expect.objectContaining({ room: `user:${owner.userId}`, event: "notification:created" }));

    const mine = await getMyFirm(deps, owner.actor);
    const request = mine.members.find((m) => m.status === "pending")!;
    await decideMemberRequest(deps, owner.actor, { memberId: request.id, decision: "approve" });
    const approved = await actorOf(database.db, joined.userId);
    expect(approved.firm).toMatchObject({ id: owner.firmId, isOwner: false });
    // A plain member may not decide requests.
    await expect(decideMemberRequest(deps, approved, { memberId: request.id, decision: "approve" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("will not let a buyer join an SME firm", async () => {
    const owner = await createFirmOwner(deps);
    const refused = await refusal(
      signUp(deps, { firmChoice: "join", role: "buyer", name: "Wrong", email: uniqueEmail(), password: PASSWORD, firmId: owner.firmId }),
    );
    expect(refused.code).toBe("invalid_input");
    expect(Object.keys(refused.fields ?? {})).toEqual(["firmId"]);
  });
});

describe("firm profile", () => {
  it("replaces the profile, certifications and capacities, and pushes firm:updated", async () => {
    const owner = await createFirmOwner(deps);
    deps.publisher.sent.length = 0;
    const saved = await updateMyFirm(deps, owner.actor, smeProfile());
    expect(saved.turnover).toEqual({ amountMinor: 1250000050, currency: "BRL" });
    expect(saved.certifications.map((c) => [c.code, c.status])).toEqual([
      ["iso_9001", "expired"],
      ["lwg", "valid"],
    ]);
    expect(saved.capacities).toEqual([{ product: "Finished leather", unit: "m²", unitsPerMonth: 40000, leadTimeDays: 21 }]);
    expect(deps.publisher.sent).toEqual([
      { room: `firm:${owner.firmId}`, event: "firm:updated", payload: { firmId: owner.firmId } },
      // An SME's profile feeds every need's ranking.
      { room: "needs:all", event: "matches:changed", payload: {} },
    ]);

    const again = await updateMyFirm(deps, owner.actor, smeProfile({ certifications: [], capacities: [], turnover: undefined }));
    expect(again.certifications).toEqual([]);
    expect(again.turnover).toBeNull();
  });

  it("rejects invalid input with field paths and changes nothing", async () => {
    const owner = await createFirmOwner(deps);
    await updateMyFirm(deps, owner.actor, smeProfile());
    const before = await getMyFirm(deps, owner.actor);
    const bad = smeProfile({
      name: "",
      tier: 9,
      certifications: [{ code: "iso_9001" }, { code: "iso_9001" }],
      capacities: [{ product: "", unitsPerMonth: 0, unit: "pairs", leadTimeDays: 1 }],
    });
    const error = await refusal(updateMyFirm(deps, owner.actor, bad));
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(
      ["capacities.0.product", "capacities.0.unitsPerMonth", "certifications", "name", "tier"].sort(),
    );
    expect(await getMyFirm(deps, owner.actor)).toEqual(before);
  });

  it("rejects too many decimals for the currency and a change of kind", async () => {
    const owner = await createFirmOwner(deps);
    const decimals = await refusal(updateMyFirm(deps, owner.actor, smeProfile({ turnover: { amount: "10.5", currency: "JPY" } })));
    expect(Object.keys(decimals.fields ?? {})).toEqual(["turnover.amount"]);
    const kindChange = await refusal(
      updateMyFirm(deps, owner.actor, { kind: "buyer", name: "X Y", country: "BR", sector: "4771", buyerType: "buying_group" }),
    );
    expect(Object.keys(kindChange.fields ?? {})).toEqual(["kind"]);
  });

  it("shows private fields to the firm's members only", async () => {
    const owner = await createFirmOwner(deps);
    await updateMyFirm(deps, owner.actor, smeProfile());
    const other = await createFirmOwner(deps);
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const broker = await createUserWithRole(deps, "broker");

    const own = await getFirm(deps, owner.actor, { firmId: owner.firmId });
    expect(own.visibility).toBe("private");
    expect(own.firm).toHaveProperty("turnover");
    for (const viewer of [other.actor, buyer.actor, broker.actor]) {
      const seen = await getFirm(deps, viewer, { firmId: owner.firmId });
      expect(seen.visibility).toBe("public");
      expect(seen.firm).not.toHaveProperty("turnover");
      expect(seen.firm).not.toHaveProperty("capacities");
      expect(seen.firm).not.toHaveProperty("upgradingGoals");
    }
    await expect(getFirm(deps, other.actor, { firmId: crypto.randomUUID() })).rejects.toMatchObject({ code: "not_found" });
    await expect(getFirm(deps, other.actor, { firmId: "not-a-uuid" })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("lets neither brokers nor buyers edit an SME through updateMyFirm", async () => {
    const broker = await createUserWithRole(deps, "broker");
    await expect(updateMyFirm(deps, broker.actor, smeProfile())).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("directory search", () => {
  it("filters by sector, link, tier, country and valid certification, paginated", async () => {
    const tag = unique("Dir");
    const a = await createFirmOwner(deps, { firmName: `${tag} Alpha` });
    const b = await createFirmOwner(deps, { firmName: `${tag} Beta` });
    const c = await createFirmOwner(deps, { firmName: `${tag} Gamma` });
    await updateMyFirm(deps, a.actor, smeProfile({ name: `${tag} Alpha`, certifications: [{ code: "lwg", expiresOn: "2027-01-01" }] }));
    await updateMyFirm(deps, b.actor, smeProfile({ name: `${tag} Beta`, certifications: [{ code: "lwg", expiresOn: "2025-01-01" }] }));
    await updateMyFirm(
      deps,
      c.actor,
      smeProfile({ name: `${tag} Gamma`, country: "PK", link: "assembly", tier: 1, sector: "3250", certifications: [] }),
    );

    const viewer = a.actor;
    const all = await searchFirms(deps, viewer, { q: tag });
    expect(all.items.map((f) => f.name)).toEqual([`${tag} Alpha`, `${tag} Beta`, `${tag} Gamma`]);
    expect(all.items[0]).not.toHaveProperty("turnover");

    const certified = await searchFirms(deps, viewer, { q: tag, certification: "lwg" });
    expect(certified.items.map((f) => f.name)).toEqual([`${tag} Alpha`]);
    expect((await searchFirms(deps, viewer, { q: tag, country: "pk" })).items.map((f) => f.name)).toEqual([`${tag} Gamma`]);
    expect((await searchFirms(deps, viewer, { q: tag, link: "processing", tier: "2" })).total).toBe(2);
    expect((await searchFirms(deps, viewer, { q: tag, sector: "3250" })).total).toBe(1);

    const page2 = await searchFirms(deps, viewer, { q: tag, pageSize: 2, page: 2 });
    expect(page2).toMatchObject({ total: 3, pageCount: 2, page: 2 });
    expect(page2.items.map((f) => f.name)).toEqual([`${tag} Gamma`]);
  });

  it("treats LIKE wildcards in the query as text", async () => {
    const owner = await createFirmOwner(deps);
    const result = await searchFirms(deps, owner.actor, { q: "%" });
    expect(result.items.every((f) => f.name.includes("%") || f.region.includes("%") || f.description.includes("%"))).toBe(true);
  });

  it("rejects invalid filters with field messages", async () => {
    const owner = await createFirmOwner(deps);
    const refused = await refusal(searchFirms(deps, owner.actor, { tier: 7, link: "nowhere", pageSize: 1000 }));
    expect(refused.code).toBe("invalid_input");
    expect(Object.keys(refused.fields ?? {}).sort()).toEqual(["link", "pageSize", "tier"]);
  });
});
