import type * as betterAuthCrypto from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signUp } from "../server/services/accounts/sign-up";
import { createTestDatabase, type TestDatabase } from "./db";
import { createFirmOwner, makeDeps, uniqueEmail, unique } from "./factories";

// The slow part of a sign-up is hashing the password: an existing email must pay for it too, so
// the answer's timing does not tell registered emails apart.
const hashed = vi.hoisted(() => ({ count: 0 }));
vi.mock("better-auth/crypto", async (importOriginal) => {
  const original = await importOriginal<typeof betterAuthCrypto>();
  return {
    ...original,
    hashPassword: async (password: string) => {
      hashed.count++;
      return original.hashPassword(password);
    },
  };
});

let database: TestDatabase;
let deps: ReturnType<typeof makeDeps>;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = makeDeps(database.db);
});
afterAll(async () => {
  await database.drop();
});

const input = (email: string) => ({
  firmChoice: "create",
  role: "buyer",
  name: "Greta Müller",
  email,
  password: "a-new-and-long-passphrase",
  firmName: unique("Schuhhaus"),
  country: "DE",
  sector: "4772",
  buyerType: "global_retailer",
});

describe("sign-up work", () => {
  it("hashes the password once whether the email is new or registered", async () => {
    const owner = await createFirmOwner(deps);
    hashed.count = 0;
    expect(await signUp(deps, input(uniqueEmail("new")))).toMatchObject({ outcome: "created" });
    expect(hashed.count).toBe(1);
    expect(await signUp(deps, input(owner.email))).toEqual({ outcome: "existing" });
    expect(hashed.count).toBe(2);
    expect(
      await signUp(deps, {
        firmChoice: "join",
        role: "sme",
        name: "Jo",
        email: owner.email,
        password: "a-new-and-long-passphrase",
        firmId: owner.firmId,
      }),
    ).toEqual({
      outcome: "existing",
    });
    expect(hashed.count).toBe(3);
  });
});
