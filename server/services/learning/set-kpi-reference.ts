import { and, eq } from "drizzle-orm";
import { kpiReference } from "../../../db/schema/learning";
import type { Actor } from "../../authz/actor";
import { validateKpiValue } from "../../domain/benchmark";
import { invalidField, invalidFields, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { setReferenceSchema } from "../../schemas/learning";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { assertManager, clubKpis, clubPeriod, visibleClub } from "./club-access";
import { valueProblem } from "./submit-kpi-values";

/**
 * A broker sets an external reference value of a KPI in a period (for example an international
 * benchmark), labelled with its source; the report draws it as a line. Setting the same source
 * again replaces its value.
 */
export async function setKpiReference(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(setReferenceSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleClub(tx, actor, input.initiativeId, { lock: true });
    assertManager(actor, facts);
    const period = await clubPeriod(tx, input.initiativeId, input.periodId);
    const kpi = (await clubKpis(tx, input.initiativeId)).find((k) => k.id === input.kpiId);
    if (!kpi) throw invalidField("kpiId", "kpi_not_in_club", "Not a KPI of this club");
    const problem = validateKpiValue(input.value, kpi);
    if (problem) {
      throw invalidFields({ value: valueProblem(problem, kpi) });
    }
    const where = and(eq(kpiReference.periodId, period.id), eq(kpiReference.kpiId, kpi.id), eq(kpiReference.source, input.source));
    const [existing] = await tx.select({ id: kpiReference.id }).from(kpiReference).where(where);
    const id = existing
      ? (
          await tx
            .update(kpiReference)
            .set({ value: input.value, createdBy: actor.userId })
            .where(eq(kpiReference.id, existing.id))
            .returning({ id: kpiReference.id })
        )[0].id
      : (
          await tx
            .insert(kpiReference)
            .values({
              periodId: period.id,
              kpiId: kpi.id,
              value: input.value,
              source: input.source,
              createdBy: actor.userId,
              createdAt: deps.now(),
            })
            .returning({ id: kpiReference.id })
        )[0].id;
    await recordActivity(tx, actor, {
      networkId: facts.row.networkId,
      initiativeId: input.initiativeId,
      action: "benchmark.reference_set",
      after: { period: period.label, kpi: kpi.name, value: input.value, source: input.source },
    });
    after.publish(initiativeRoom(input.initiativeId), "club:updated", { initiativeId: input.initiativeId });
    return { id, initiativeId: input.initiativeId, periodId: period.id, kpiId: kpi.id, value: input.value, source: input.source };
  });
}
