import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, certificationStatus, LINKS, linkDistance } from "./chain-position";

describe("certificationStatus", () => {
  const today = "2026-11-23";
  it("treats a certification without expiry as valid", () => {
    expect(certificationStatus(null, today)).toBe("valid");
  });
  it("is expired the day after its expiry date, not on it", () => {
    expect(certificationStatus("2026-11-22", today)).toBe("expired");
    expect(certificationStatus("2026-11-23", today)).toBe("expiring");
  });
  it("warns within 90 days of expiry", () => {
    expect(certificationStatus(addDays(today, 90), today)).toBe("expiring");
    expect(certificationStatus(addDays(today, 91), today)).toBe("valid");
  });
});

describe("addDays", () => {
  it("crosses month and leap-year boundaries in UTC", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("linkDistance", () => {
  it("is zero for the same link and one for neighbours in chain order", () => {
    expect(linkDistance("assembly", "assembly")).toBe(0);
    expect(linkDistance("components", "processing")).toBe(1);
    expect(linkDistance("inputs", "recycling")).toBe(LINKS.length - 1);
  });
  it("is symmetric (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LINKS), fc.constantFrom(...LINKS), (a, b) => {
        expect(linkDistance(a, b)).toBe(linkDistance(b, a));
      }),
    );
  });
});
