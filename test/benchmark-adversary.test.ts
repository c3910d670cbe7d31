import fc from "fast-check";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { percentile } from "../server/domain/benchmark";
import { publicationStep, type PublishedCell } from "../server/domain/benchmark-publication";
import { discloseDistribution, disclosureRule, type DisclosedDistribution } from "../server/domain/disclosure";
import type { Deps } from "../server/services/deps";
import { expectDocumented } from "./answers";
import { makeDeps, PASSWORD } from "./factories";
import { openClub } from "./learning-fixtures";
import { api, signIn, startTestServer, type TestServer } from "./server";

/**
 * THE ADVERSARY of benchmarking clubs (issue 11, section 1; ADR 013). A member of the club knows
 * its own values, the member list and every figure ever shown to it: the report the pages, the
 * printable report and the API are built from (the service read model), the API's JSON, the
 * exported CSV it may ask for, and the socket pushes of the club's room, over successive
 * publications. We make it stronger still: it also knows WHICH firms had submitted at every
 * moment (members talk). It tries to attribute a value to another NAMED member:
 * - differencing: between two successive publications whose contributors differ by one named
 *   firm besides itself, it solves for that firm's value from the changed figures;
 * - small cells and extremes: a figure equal to a value only one named firm could hold;
 * - uniqueness: whether its observations single out any other firm at all. Two firms are
 *   indistinguishable to it when swapping everything they did gives the very same observations;
 *   a firm with no such twin can be named, one with a twin cannot (statistics are symmetric).
 * Random clubs of 1 to 12 members (seeded; the seed is printed), random submissions and
 * corrections over time with publications between them. It must never succeed. The same
 * attacks against a naive live publisher (min, median and max from 3 submissions) and against
 * a republication rule of two new firms DO succeed, so the attacks are real.
 */

type Event = { kind: "submit"; firm: string; value: number } | { kind: "publish" };

/** What the adversary observes after each event: the shown figures and who is in them (strong knowledge). */
interface Observation {
  /** Live count of submissions. */
  count: number;
  /** The figures shown (named so that min/max of the naive publisher fit), or null. */
  figures: Record<string, number> | null;
  /** The firms the shown figures were computed from (the adversary is told, worst case). */
  contributors: string[] | null;
}

type Publisher = (events: ReadonlyArray<Event>) => Observation[];

const flatten = (shown: DisclosedDistribution | null): Record<string, number> | null => {
  if (!shown?.quartiles) return null;
  return { ...shown.quartiles, ...(shown.tails ? { p10: shown.tails.p10, p90: shown.tails.p90 } : {}) };
};

/** Jointly's publisher, as a model built from the same domain functions as the service. */
function frozenPublisher(minContributors = 5, republish: typeof publicationStep = publicationStep): Publisher {
  const rule = disclosureRule(minContributors);
  return (events) => {
    const current = new Map<string, number>();
    let stored: (PublishedCell & { figures: DisclosedDistribution }) | null = null;
    return events.map((event) => {
      if (event.kind === "submit") current.set(event.firm, event.value);
      else {
        const step = republish(
          stored,
          [...current].map(([firmId, value]) => ({ firmId, value })),
          rule,
        );
        if (step.figures)
          stored = { contributorFirmIds: step.contributorFirmIds, hasFigures: step.figures.quartiles !== null, figures: step.figures };
      }
      const figures = stored ? flatten(stored.figures) : null;
      return { count: current.size, figures, contributors: figures && stored ? [...stored.contributorFirmIds].sort() : null };
    });
  };
}

/** The old rule, inline: live min, median and max from 3 submissions, changing with every submission. */
const naivePublisher: Publisher = (events) => {
  const current = new Map<string, number>();
  return events.map((event) => {
    if (event.kind === "submit") current.set(event.firm, event.value);
    const sorted = [...current.values()].sort((a, b) => a - b);
    if (sorted.length < 3) return { count: sorted.length, figures: null, contributors: null };
    return {
      count: sorted.length,
      figures: { min: sorted[0], median: percentile(sorted, 0.5), max: sorted.at(-1)! },
      contributors: [...current.keys()].sort(),
    };
  });
};

/** A republication rule of two new firms (the adversary can be one of them). */
const twoNewStep: typeof publicationStep = (previous, current, rule) => {
  const before = new Set(previous?.contributorFirmIds ?? []);
  const fresh = current.filter((c) => !before.has(c.firmId)).length;
  if (previous?.hasFigures && fresh < 2) return { outcome: "kept", figures: null, contributorFirmIds: [...previous.contributorFirmIds] };
  return {
    outcome: previous ? "refreshed" : "first",
    figures: discloseDistribution(
      current.map((c) => c.value),
      rule,
    ),
    contributorFirmIds: current.map((c) => c.firmId),
  };
};

/** The percentile each named figure is. */
const RANK_OF: Record<string, number> = { min: 0, p10: 0.1, p25: 0.25, median: 0.5, p75: 0.75, p90: 0.9, max: 1 };

const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const sameObservations = (a: Observation[], b: Observation[]) => JSON.stringify(a) === JSON.stringify(b);

interface Attribution {
  attack: string;
  firm: string;
  value: number;
}

/** The values each firm ever submitted (the truth the adversary is after). */
function valuesOf(events: ReadonlyArray<Event>): Map<string, number[]> {
  const values = new Map<string, number[]>();
  for (const e of events) if (e.kind === "submit") values.set(e.firm, [...(values.get(e.firm) ?? []), e.value]);
  return values;
}

/**
 * Every attack; returns the CORRECT attributions it made (a guess that is wrong is no success).
 * `me` is the adversary's firm.
 */
function attack(events: ReadonlyArray<Event>, observations: Observation[], me: string, publisher: Publisher): Attribution[] {
  const truth = valuesOf(events);
  const mine = truth.get(me) ?? [];
  const holds = (firm: string, value: number) => (truth.get(firm) ?? []).some((v) => same(v, value));
  const found: Attribution[] = [];
  const claim = (attackName: string, firm: string, value: number) => {
    if (holds(firm, value) && !found.some((f) => f.attack === attackName && f.firm === firm && same(f.value, value)))
      found.push({ attack: attackName, firm, value });
  };
  const distinct = observations.filter(
    (o, i) => o.figures && (i === 0 || JSON.stringify(o.figures) !== JSON.stringify(observations[i - 1].figures)),
  );

  // 1. Differencing: successive figures whose contributors differ by exactly one named other firm.
  for (let i = 1; i < distinct.length; i++) {
    const before = new Set(distinct[i - 1].contributors);
    const fresh = distinct[i].contributors!.filter((f) => !before.has(f) && f !== me);
    if (fresh.length !== 1) continue;
    const known = [...Object.values(distinct[i - 1].figures!), ...mine];
    // A figure at a whole rank (h = (n - 1) p) is one firm's value: when it is none the
    // adversary knew, and one firm is new, it is the newcomer's. Interpolated figures are skipped.
    const n = distinct[i].contributors!.length;
    const candidates = [
      ...new Set(
        Object.entries(distinct[i].figures!)
          .filter(([name]) => Math.abs(((n - 1) * RANK_OF[name]) % 1) < 1e-9)
          .map(([, v]) => v)
          .filter((v) => !known.some((k) => same(k, v))),
      ),
    ];
    if (candidates.length === 1) claim("differencing", fresh[0], candidates[0]);
  }

  // 2. Small cells and extremes: a figure only one named other firm could hold. The holders of a
  //    figure that appeared when some firms joined are among those firms.
  for (let i = 0; i < distinct.length; i++) {
    const before = new Set(i > 0 ? distinct[i - 1].contributors : []);
    const old = i > 0 ? Object.values(distinct[i - 1].figures!) : [];
    for (const value of Object.values(distinct[i].figures!)) {
      if (mine.some((m) => same(m, value))) continue;
      const appeared = !old.some((o) => same(o, value));
      const holders = distinct[i].contributors!.filter((f) => f !== me && (!appeared || i === 0 || !before.has(f)));
      if (holders.length === 1) claim("small cell / extreme", holders[0], value);
    }
  }

  // 3. Uniqueness: a firm with no indistinguishable twin is singled out, and with it every value it
  //    submitted that shows in any figure (and, for the naive publisher's full view, all of them).
  const firms = [...truth.keys()].filter((f) => f !== me);
  for (const firm of firms) {
    const twin = firms.some((other) => {
      if (other === firm || JSON.stringify(truth.get(other)) === JSON.stringify(truth.get(firm))) return false;
      const swapped = events.map((e) =>
        e.kind === "submit" && (e.firm === firm || e.firm === other) ? { ...e, firm: e.firm === firm ? other : firm } : e,
      );
      // The adversary is told who is in each publication: a swap across publications shows.
      return sameObservations(publisher(swapped), observations);
    });
    if (twin) continue;
    for (const o of distinct)
      for (const value of Object.values(o.figures!))
        if (o.contributors!.includes(firm) && holds(firm, value)) claim("uniqueness", firm, value);
  }
  return found;
}

/** A seeded schedule: submissions (some corrections) by random members, publications between them. */
function schedule(rand: () => number, members: string[]): Event[] {
  const events: Event[] = [];
  const steps = members.length * 2 + 4;
  let value = () => Math.round((50 + rand() * 50) * 1000) / 1000;
  const used = new Set<number>();
  const fresh = () => {
    let v = value();
    while (used.has(v)) v = value();
    used.add(v);
    return v;
  };
  for (let i = 0; i < steps; i++) {
    if (rand() < 0.3) events.push({ kind: "publish" });
    else events.push({ kind: "submit", firm: members[Math.floor(rand() * members.length)], value: fresh() });
  }
  events.push({ kind: "publish" });
  value = () => 0;
  return events;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.ADVERSARY_SEED ?? Date.now() % 1_000_000);

describe("the adversary against the publication model", () => {
  it(`never names another member's value (seed ${SEED})`, () => {
    console.info(`benchmark adversary seed: ${SEED} (ADVERSARY_SEED=${SEED} to replay)`);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom(5, 5, 6, 8),
        (size, seed, threshold) => {
          const members = Array.from({ length: size }, (_, i) => `firm-${i}`);
          const events = schedule(mulberry32(seed), members);
          const publisher = frozenPublisher(threshold);
          const observations = publisher(events);
          for (const me of members)
            expect(attack(events, observations, me, publisher), `${me} of ${size}, schedule seed ${seed}`).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("the attacks succeed against the old rule: live min, median and max from 3", () => {
    const events: Event[] = [
      { kind: "submit", firm: "a", value: 80 },
      { kind: "submit", firm: "b", value: 90 },
      { kind: "submit", firm: "c", value: 70 },
      { kind: "submit", firm: "d", value: 95 },
    ];
    const found = attack(events, naivePublisher(events), "a", naivePublisher);
    // d's 95 is the new maximum: the difference names it.
    expect(found).toContainEqual({ attack: "differencing", firm: "d", value: 95 });
    expect(found.map((f) => f.attack)).toContain("uniqueness");
    // And at random: the naive publisher gives values away in most clubs of 4 or more.
    let broken = 0;
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 12 }), fc.integer({ min: 0, max: 2 ** 31 }), (size, seed) => {
        const members = Array.from({ length: size }, (_, i) => `firm-${i}`);
        const evs = schedule(mulberry32(seed), members);
        if (attack(evs, naivePublisher(evs), members[0], naivePublisher).length > 0) broken++;
      }),
      { seed: SEED, numRuns: 100 },
    );
    expect(broken).toBeGreaterThan(50);
  });

  it("they also succeed when a republication needs only two new firms and the adversary is one of them", () => {
    const five = ["a", "b", "c", "d", "e"].map((firm, i) => ({ kind: "submit" as const, firm, value: 10 + 10 * i }));
    const events: Event[] = [
      ...five,
      { kind: "publish" },
      { kind: "submit", firm: "x", value: 35 },
      { kind: "submit", firm: "y", value: 33 },
      { kind: "publish" },
    ];
    const weak = frozenPublisher(5, twoNewStep);
    // 10 20 30 40 50, then 10 20 30 33 35 40 50: the median 33 is none of x's nor an old figure.
    expect(attack(events, weak(events), "x", weak)).toContainEqual({ attack: "differencing", firm: "y", value: 33 });
    // Jointly's rule keeps the first publication: nothing to difference.
    const real = frozenPublisher(5);
    expect(attack(events, real(events), "x", real)).toEqual([]);
  });
});

/* ------------------------------------------------------------ Against the running service */

let server: TestServer;
let deps: Deps;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  deps = { ...makeDeps(server.app.deps.db, () => new Date()), publisher: server.app.deps.publisher };
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.close();
});

/** Every number anywhere in a JSON document. */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}

describe("the adversary against the running service", () => {
  it(`sees only what the model says, and names no one (seed ${SEED})`, async () => {
    const rand = mulberry32(SEED);
    const runs = 5;
    for (let run = 0; run < runs; run++) {
      const size = 1 + Math.floor(rand() * 12);
      const club = await openClub(deps, { members: size, kpis: ["on_time_delivery"] });
      const { broker, initiativeId, kpi } = club;
      const kpiId = kpi("on_time_delivery");
      const period = await server.app.services.learning.openBenchmarkPeriod(broker.actor, { initiativeId, label: "2026-Q3" });
      const names = club.members.map((m) => m.firmId);
      const adversary = club.members[Math.floor(rand() * size)];
      const cookie = await signIn(server.url, adversary.email, PASSWORD);
      const client = api(server.url, cookie);
      const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
      sockets.push(socket);
      const heard: unknown[] = [];
      socket.on("benchmark:updated", (payload: unknown) => heard.push(payload));
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      await new Promise((resolve) => socket.emit("room:join", { room: `initiative:${initiativeId}` }, resolve));

      const events = schedule(rand, names);
      const model = frozenPublisher(5)(events);
      const observed: Observation[] = [];
      const everything: unknown[] = [];
      const byFirm = new Map(club.members.map((m) => [m.firmId, m]));
      for (const [i, event] of events.entries()) {
        if (event.kind === "submit")
          await server.app.services.learning.submitKpiValues(byFirm.get(event.firm)!.actor, {
            initiativeId,
            periodId: period.id,
            values: { [kpiId]: event.value },
          });
        else await server.app.services.learning.publishBenchmarkPeriod(broker.actor, { initiativeId, periodId: period.id });
        // What the pages and the printable report are built from, and the API's JSON.
        const report = await server.app.services.learning.getBenchmarkReport(adversary.actor, { initiativeId, periodId: period.id });
        const json = expectDocumented(
          "getBenchmarkReport",
          (await client.get(`/initiatives/${initiativeId}/club/report?periodId=${period.id}`)).body,
        );
        const csv = await client.get(`/initiatives/${initiativeId}/club/values.csv`);
        expect(csv.status, "members export no raw values").toBe(403);
        everything.push(report, json);
        const k = json.kpis[0];
        expect(JSON.parse(JSON.stringify(report.kpis[0]))).toEqual(k);
        expect(k.raw).toBeNull();
        expect(k.pending).toBeNull();
        const figures = k.published?.quartiles
          ? { ...k.published.quartiles, ...(k.published.tails ? { p10: k.published.tails.p10, p90: k.published.tails.p90 } : {}) }
          : null;
        // The model the attacks ran against is what the service shows (contributors: the model's).
        expect({ count: k.submissions, figures }, `run ${run} step ${i}`).toEqual({ count: model[i].count, figures: model[i].figures });
        observed.push({ count: k.submissions, figures, contributors: figures ? model[i].contributors : null });
      }
      const own = valuesOf(events).get(adversary.firmId) ?? [];
      expect(attack(events, observed, adversary.firmId, frozenPublisher(5)), `run ${run}: ${size} members`).toEqual([]);
      // Nothing else in anything it read names a value of another firm that no figure explains.
      const shown = new Set(observed.flatMap((o) => (o.figures ? Object.values(o.figures) : [])));
      const others = [...valuesOf(events)].filter(([firm]) => firm !== adversary.firmId).flatMap(([, v]) => v);
      for (const n of numbersIn(everything)) {
        if (others.some((v) => same(v, n)))
          expect(shown.has(n) || own.some((v) => same(v, n)), `run ${run}: ${n} read outside the published figures`).toBe(true);
      }
      // Pushes: ids and a reason, never a figure.
      await expect.poll(() => heard.length, { timeout: 5_000 }).toBeGreaterThan(0);
      for (const payload of heard) expect(Object.keys(payload as object).sort()).toEqual(["initiativeId", "periodId", "reason"]);
      socket.close();
    }
  }, 240_000);
});
