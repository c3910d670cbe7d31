import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo";
import { passwordSchema } from "../schemas/accounts";
import { isCommonPassword } from "./passwords";

describe("passwords", () => {
  it.each(["password123", "Password123", "1234567890", "qwertyuiop", "iloveyou12", "1qaz2wsx3edc", "PASSWORD1234"])(
    "refuses the common %j",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
      expect(passwordSchema.safeParse(password).error?.issues).toMatchObject([
        { message: "This password is too common: choose another", params: { key: "password_common" } },
      ]);
    },
  );

  it("asks for 10 characters at most 128, and no composition rules", () => {
    expect(passwordSchema.safeParse("ninechars").error?.issues[0].message).toBe("At least 10 characters");
    expect(passwordSchema.safeParse("x".repeat(129)).error?.issues[0].message).toBe("At most 128 characters");
    expect(passwordSchema.safeParse("tenletters").success).toBe(true);
    expect(passwordSchema.safeParse("só letras e espaços").success).toBe(true);
  });

  it("accepts the demo's and every fixture's password", () => {
    // The demo, the test factories, e2e, the two-process test, the benchmarks and README's example.
    for (const password of [
      DEMO_PASSWORD,
      "correct-horse-battery",
      "e2e-password-123",
      "admin-e2e-password",
      "two-process-password",
      "boot-admin-password",
      "bench-live-password",
      "bench-matching-password",
      "a long password",
    ]) {
      expect(passwordSchema.safeParse(password).success, password).toBe(true);
    }
  });
});
