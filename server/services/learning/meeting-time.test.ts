import { describe, expect, it } from "vitest";
import { instantOf } from "./meeting-time";

describe("instantOf", () => {
  it("keeps a date-time with an offset as written", () => {
    expect(instantOf("2027-03-04T09:00:00+02:00", "America/Sao_Paulo").toISOString()).toBe("2027-03-04T07:00:00.000Z");
    expect(instantOf("2027-03-04T09:00:00Z", "Africa/Johannesburg").toISOString()).toBe("2027-03-04T09:00:00.000Z");
  });

  it("reads a local time in the given zone", () => {
    expect(instantOf("2027-03-04T09:00", "Africa/Johannesburg").toISOString()).toBe("2027-03-04T07:00:00.000Z");
    expect(instantOf("2027-03-04T09:00", "UTC").toISOString()).toBe("2027-03-04T09:00:00.000Z");
    // Berlin in winter (+1) and in summer (+2).
    expect(instantOf("2027-01-15T10:30", "Europe/Berlin").toISOString()).toBe("2027-01-15T09:30:00.000Z");
    expect(instantOf("2027-07-15T10:30", "Europe/Berlin").toISOString()).toBe("2027-07-15T08:30:00.000Z");
  });

  it("keeps the years 0-99 as written (Date.UTC would read them as 1900-1999)", () => {
    expect(instantOf("0050-03-01T12:00", "UTC").toISOString()).toBe("0050-03-01T12:00:00.000Z");
    expect(instantOf("0099-12-31T23:30", "UTC").toISOString()).toBe("0099-12-31T23:30:00.000Z");
    expect(instantOf("1999-06-01T12:00", "UTC").toISOString()).toBe("1999-06-01T12:00:00.000Z");
  });

  it("moves a wall time skipped by a daylight-saving change forward", () => {
    // 28 March 2027, 02:30 does not exist in Berlin (02:00 -> 03:00): it becomes 03:30 CEST.
    expect(instantOf("2027-03-28T02:30", "Europe/Berlin").toISOString()).toBe("2027-03-28T01:30:00.000Z");
  });
});
