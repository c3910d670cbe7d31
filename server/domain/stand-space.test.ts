import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDm2AsM2, MAX_AREA_DM2, parseAreaM2, remainingDm2, serveWaitingList } from "./stand-space";

describe("serveWaitingList", () => {
  it("serves the head while it fits and stops at the first that does not", () => {
    const queue = [
      { id: "first", requestedDm2: 400 },
      { id: "second", requestedDm2: 300 },
      { id: "third", requestedDm2: 600 },
      { id: "fourth", requestedDm2: 100 },
    ];
    // 1,000 dm2 free: first and second fit (700); third (600) does not, so fourth (100) waits
    // behind it even though it would fit.
    expect(serveWaitingList(1000, queue)).toEqual([
      { id: "first", grantedDm2: 400 },
      { id: "second", grantedDm2: 300 },
    ]);
  });

  it("serves nobody when the head does not fit", () => {
    expect(
      serveWaitingList(500, [
        { id: "a", requestedDm2: 600 },
        { id: "b", requestedDm2: 100 },
      ]),
    ).toEqual([]);
  });

  it("serves an exact fit and the whole queue when there is room", () => {
    expect(serveWaitingList(600, [{ id: "a", requestedDm2: 600 }])).toEqual([{ id: "a", grantedDm2: 600 }]);
    expect(
      serveWaitingList(10_000, [
        { id: "a", requestedDm2: 1 },
        { id: "b", requestedDm2: 2 },
      ]),
    ).toEqual([
      { id: "a", grantedDm2: 1 },
      { id: "b", grantedDm2: 2 },
    ]);
    expect(serveWaitingList(10, [])).toEqual([]);
    expect(serveWaitingList(0, [{ id: "a", requestedDm2: 1 }])).toEqual([]);
    expect(serveWaitingList(-5, [{ id: "a", requestedDm2: 1 }])).toEqual([]);
  });

  it("refuses nonsense", () => {
    expect(() => serveWaitingList(1.5, [])).toThrow(RangeError);
    expect(() => serveWaitingList(10, [{ id: "a", requestedDm2: 0 }])).toThrow(/requested area of a/);
  });

  it("never grants more than is free, grants whole requests, and serves a prefix of the queue (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.record({ id: fc.uuid(), requestedDm2: fc.integer({ min: 1, max: 20_000 }) }), { maxLength: 20 }),
        (free, queue) => {
          const granted = serveWaitingList(free, queue);
          expect(granted.reduce((s, g) => s + g.grantedDm2, 0)).toBeLessThanOrEqual(free);
          granted.forEach((g, i) => expect(g).toEqual({ id: queue[i].id, grantedDm2: queue[i].requestedDm2 }));
          const next = queue[granted.length];
          if (next) expect(next.requestedDm2).toBeGreaterThan(free - granted.reduce((s, g) => s + g.grantedDm2, 0));
        },
      ),
    );
  });
});

describe("parseAreaM2", () => {
  it("reads m2 with up to two decimals, dot or comma, as whole dm2", () => {
    expect(parseAreaM2("12")).toBe(1200);
    expect(parseAreaM2(" 12.5 ")).toBe(1250);
    expect(parseAreaM2("12,50")).toBe(1250);
    expect(parseAreaM2("0.01")).toBe(1);
    expect(parseAreaM2("007")).toBe(700);
  });

  it("refuses what is not a positive area of at most two decimals", () => {
    for (const text of ["", "0", "0.00", "-3", "1.234", "abc", "1e3", "12 m2", "1.", ".5", "1,000.5", "Infinity"]) {
      expect(parseAreaM2(text), text).toBeNull();
    }
    expect(parseAreaM2("21474836.47")).toBe(MAX_AREA_DM2);
    expect(parseAreaM2("21474836.48")).toBeNull();
  });

  it("round-trips with formatDm2AsM2 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_AREA_DM2 }), (dm2) => {
        expect(parseAreaM2(formatDm2AsM2(dm2))).toBe(dm2);
      }),
    );
  });
});

describe("formatDm2AsM2 and remainingDm2", () => {
  it("formats plainly without trailing zeros", () => {
    expect(formatDm2AsM2(1200)).toBe("12");
    expect(formatDm2AsM2(1250)).toBe("12.5");
    expect(formatDm2AsM2(1205)).toBe("12.05");
    expect(formatDm2AsM2(5)).toBe("0.05");
    expect(formatDm2AsM2(0)).toBe("0");
    expect(formatDm2AsM2(-150)).toBe("-1.5");
  });

  it("remaining area is never negative", () => {
    expect(remainingDm2(4000, 3000)).toBe(1000);
    expect(remainingDm2(4000, 4000)).toBe(0);
    expect(remainingDm2(4000, 4100)).toBe(0);
  });
});
