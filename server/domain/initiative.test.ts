import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LINKS, type Link } from "./chain-position";
import {
  acceptsCommitments,
  allowedTransitions,
  assertTransition,
  canTransition,
  deriveForm,
  INITIATIVE_STATUSES,
  type InitiativeStatus,
  isJoinable,
  isTerminal,
  OBJECTIVES,
  TransitionError,
  TRANSITIONS,
} from "./initiative";

const status = fc.constantFrom(...INITIATIVE_STATUSES);

describe("OBJECTIVES", () => {
  it("lists the seven objectives of Kaplinsky & Readman", () => {
    expect(OBJECTIVES).toEqual([
      "hearing_the_market",
      "joint_selling",
      "joint_buying",
      "product_development",
      "process_improvement",
      "standards_and_codes",
      "learning_network",
    ]);
  });
});

describe("lifecycle", () => {
  it("allows exactly draft -> open | cancelled, open -> locked | cancelled, locked -> completed | cancelled", () => {
    const allowed = INITIATIVE_STATUSES.flatMap((from) =>
      INITIATIVE_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}->${to}`),
    );
    expect(allowed.sort()).toEqual(
      ["draft->open", "draft->cancelled", "open->locked", "open->cancelled", "locked->completed", "locked->cancelled"].sort(),
    );
  });

  it("never reopens a locked initiative nor skips recruiting", () => {
    expect(canTransition("locked", "open")).toBe(false);
    expect(canTransition("draft", "locked")).toBe(false);
    expect(canTransition("draft", "completed")).toBe(false);
    expect(canTransition("open", "completed")).toBe(false);
    expect(canTransition("open", "draft")).toBe(false);
  });

  it("lists the allowed next statuses", () => {
    expect(allowedTransitions("draft")).toEqual(["open", "cancelled"]);
    expect(allowedTransitions("open")).toEqual(["locked", "cancelled"]);
    expect(allowedTransitions("locked")).toEqual(["completed", "cancelled"]);
    expect(allowedTransitions("completed")).toEqual([]);
    expect(allowedTransitions("cancelled")).toEqual([]);
  });

  it("returns a copy, so callers cannot widen the table", () => {
    allowedTransitions("completed").push("open");
    expect(TRANSITIONS.completed).toEqual([]);
    expect(canTransition("completed", "open")).toBe(false);
  });

  it("treats completed and cancelled as terminal", () => {
    expect(INITIATIVE_STATUSES.filter(isTerminal)).toEqual(["completed", "cancelled"]);
  });

  it("throws a TransitionError naming both ends", () => {
    expect(() => assertTransition("draft", "open")).not.toThrow();
    let caught: unknown;
    try {
      assertTransition("completed", "open");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TransitionError);
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({ name: "TransitionError", from: "completed", to: "open" });
    expect((caught as Error).message).toContain("completed");
  });

  it("agrees between canTransition, allowedTransitions and assertTransition (property)", () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        const can = canTransition(from, to);
        expect(allowedTransitions(from).includes(to)).toBe(can);
        if (can) expect(() => assertTransition(from, to)).not.toThrow();
        else expect(() => assertTransition(from, to)).toThrow(TransitionError);
      }),
    );
  });

  it("has no path out of completed or cancelled, and no self-loops (property)", () => {
    fc.assert(
      fc.property(status, fc.array(status, { maxLength: 12 }), (start, attempts) => {
        // Follow any sequence of attempted moves, taking only allowed ones: once a walk reaches
        // completed or cancelled, nothing moves it again.
        let current = start;
        let ended: InitiativeStatus | null = isTerminal(start) ? start : null;
        for (const to of attempts) {
          if (ended !== null) expect(canTransition(current, to)).toBe(false);
          if (canTransition(current, to)) current = to;
          if (ended === null && isTerminal(current)) ended = current;
        }
        if (ended !== null) expect(current).toBe(ended);
      }),
    );
    for (const s of INITIATIVE_STATUSES) expect(canTransition(s, s)).toBe(false);
    for (const to of INITIATIVE_STATUSES) {
      expect(canTransition("completed", to)).toBe(false);
      expect(canTransition("cancelled", to)).toBe(false);
    }
  });

  it("reaches a terminal status within three moves from anywhere (the lifecycle has no cycles)", () => {
    const depth = (s: InitiativeStatus): number => (TRANSITIONS[s].length === 0 ? 0 : 1 + Math.max(...TRANSITIONS[s].map(depth)));
    expect(depth("draft")).toBe(3);
  });
});

describe("isJoinable and acceptsCommitments", () => {
  it("are true only while open", () => {
    expect(INITIATIVE_STATUSES.filter(isJoinable)).toEqual(["open"]);
    expect(INITIATIVE_STATUSES.filter(acceptsCommitments)).toEqual(["open"]);
  });
});

describe("deriveForm", () => {
  it("is no joint action yet with fewer than two firms", () => {
    expect(deriveForm([])).toEqual({ orientation: null, size: null, count: 0, links: [] });
    expect(deriveForm(["assembly"])).toEqual({ orientation: null, size: null, count: 1, links: ["assembly"] });
    expect(deriveForm([null])).toEqual({ orientation: null, size: null, count: 1, links: [] });
  });

  it("is horizontal when all firms share a link", () => {
    expect(deriveForm(["assembly", "assembly"])).toEqual({
      orientation: "horizontal",
      size: "bilateral",
      count: 2,
      links: ["assembly"],
    });
    expect(deriveForm(["assembly", "assembly", "assembly"]).size).toBe("multilateral");
  });

  it("is vertical when firms span links, listing links in chain order", () => {
    // Tanneries supplying shoe makers, with a design house (Sinos Valley).
    expect(deriveForm(["design", "processing", "assembly", "processing"])).toEqual({
      orientation: "vertical",
      size: "multilateral",
      count: 4,
      links: ["processing", "assembly", "design"],
    });
    expect(deriveForm(["retail", "inputs"])).toMatchObject({ orientation: "vertical", size: "bilateral" });
  });

  it("counts firms with an unknown link toward size but not orientation", () => {
    expect(deriveForm(["assembly", null])).toEqual({
      orientation: null,
      size: "bilateral",
      count: 2,
      links: ["assembly"],
    });
    expect(deriveForm([null, null, null])).toEqual({ orientation: null, size: "multilateral", count: 3, links: [] });
    expect(deriveForm(["assembly", null, "assembly"])).toMatchObject({
      orientation: "horizontal",
      size: "multilateral",
    });
    expect(deriveForm(["assembly", null, "design"])).toMatchObject({ orientation: "vertical", size: "multilateral" });
  });

  // Participants and the same participants in another order.
  const participantsTwice = fc
    .array(fc.option(fc.constantFrom(...LINKS), { nil: null }), { maxLength: 12 })
    .chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length, maxLength: a.length })));

  it("follows Nadvi's rules for any participants, whatever their order (property)", () => {
    fc.assert(
      fc.property(participantsTwice, ([participants, shuffled]) => {
        const form = deriveForm(participants);
        const known = participants.filter((l): l is Link => l !== null);
        const distinct = new Set(known);

        expect(form.count).toBe(participants.length);
        expect(form.size).toBe(participants.length < 2 ? null : participants.length === 2 ? "bilateral" : "multilateral");
        if (participants.length < 2 || known.length < 2) expect(form.orientation).toBeNull();
        else expect(form.orientation).toBe(distinct.size === 1 ? "horizontal" : "vertical");

        // Links: distinct, known, in chain order.
        expect(new Set(form.links)).toEqual(distinct);
        expect(form.links).toEqual([...form.links].sort((a, b) => LINKS.indexOf(a) - LINKS.indexOf(b)));
        expect(new Set(form.links).size).toBe(form.links.length);

        // Order of participants does not matter.
        expect(deriveForm(shuffled)).toEqual(form);
      }),
    );
  });
});
