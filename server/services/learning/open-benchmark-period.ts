import { eq } from "drizzle-orm";
import { benchmarkClub, benchmarkPeriod } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { parsePeriodLabel, submissionDue } from "../../domain/benchmark";
import { AppError, invalidField, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { openPeriodSchema } from "../../schemas/learning";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { assertManager, assertRunning, clubPeriods, visibleClub } from "./club-access";
import { clubPage, notifyMembers } from "./notices";
import { defaultPeriod } from "./periods";

const EXAMPLE_LABEL = { quarter: "2026-Q3", half: "2026-H2", year: "2026" } as const;

/**
 * Years a period may be in: dates are kept within 1900-9999 (server/schemas/dates.ts), and the
 * default due date of a period of 9999 would fall in the year 10000.
 */
const PERIOD_YEARS = { min: 1900, max: 9998 } as const;

/**
 * A broker opens a reporting period for submissions: the one named (a label of the club's
 * kind), or the one after the latest. Members are told; they report until the due date (by
 * default a month after the period ends, and at least a month from today) and may correct their
 * values until it is closed.
 */
export async function openBenchmarkPeriod(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(openPeriodSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleClub(tx, actor, input.initiativeId, { lock: true });
    assertManager(actor, facts);
    assertRunning(facts);
    const kind = facts.club.periodKind;
    const existing = await clubPeriods(tx, input.initiativeId);
    const period = input.label
      ? parsePeriodLabel(kind, input.label)
      : defaultPeriod(
          kind,
          existing.map((p) => p.label),
          deps.now(),
        );
    if (!period) throw invalidField("label", `period_label_${kind}`, `Not a ${kind} of this club: write it like ${EXAMPLE_LABEL[kind]}`);
    const year = Number(period.label.slice(0, 4));
    if (year < PERIOD_YEARS.min || year > PERIOD_YEARS.max) {
      throw invalidField(
        "label",
        "period_label_year_range",
        `The period's year must be between ${PERIOD_YEARS.min} and ${PERIOD_YEARS.max}`,
      );
    }
    if (existing.some((p) => p.label === period.label)) {
      const message = `The period ${period.label} exists already`;
      throw new AppError("conflict", message, { label: [message] }, { label: "learning.periods.exists" });
    }
    const now = deps.now();
    const today = now.toISOString().slice(0, 10);
    if (input.submissionDue !== undefined && input.submissionDue < today)
      throw invalidField("submissionDue", "due_in_past", "The due date has passed already");
    // By default a month after the period ends, and never less than a month from today.
    const due = input.submissionDue ?? [submissionDue(period.endsOn), submissionDue(today)].sort().at(-1)!;
    if (due < period.startsOn) throw invalidField("submissionDue", "due_before_period", "The due date cannot be before the period starts");
    const [created] = await tx
      .insert(benchmarkPeriod)
      .values({
        initiativeId: input.initiativeId,
        label: period.label,
        startsOn: period.startsOn,
        endsOn: period.endsOn,
        submissionDue: due,
        status: "open",
        openedAt: now,
      })
      .returning();
    await tx.update(benchmarkClub).set({ updatedAt: now }).where(eq(benchmarkClub.initiativeId, input.initiativeId));
    await recordActivity(tx, actor, {
      networkId: facts.row.networkId,
      initiativeId: input.initiativeId,
      action: "benchmark.period_opened",
      after: { period: period.label, submissionDue: due },
    });
    await notifyMembers(tx, after, facts.participantFirmIds, {
      type: "benchmark_period_opened",
      params: { club: facts.row.title, period: period.label },
      href: clubPage(input.initiativeId),
    });
    after.publish(initiativeRoom(input.initiativeId), "club:updated", { initiativeId: input.initiativeId });
    return {
      id: created.id,
      initiativeId: input.initiativeId,
      label: created.label,
      startsOn: created.startsOn,
      endsOn: created.endsOn,
      submissionDue: created.submissionDue,
      status: created.status,
    };
  });
}
