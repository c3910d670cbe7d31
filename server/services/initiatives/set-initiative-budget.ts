import type { Actor } from "../../authz/actor";
import { can } from "../../authz/permissions";
import { AppError, parseInput } from "../../errors";
import { initiativeRoom } from "../../realtime/events";
import { setBudgetSchema } from "../../schemas/initiative";
import { recordActivity } from "../activity";
import { inTransaction, type Deps } from "../deps";
import { visibleInitiative } from "./initiative-facts";
import { saveBudget } from "./tools/generic";
import { TOOL_OF } from "./tools/index";

/** The brokers set the generic tool's budget, funding sources, split rule and custom weights. */
export async function setInitiativeBudget(deps: Deps, actor: Actor, rawInput: unknown) {
  const input = parseInput(setBudgetSchema, rawInput);
  return inTransaction(deps, async (tx, after) => {
    const facts = await visibleInitiative(tx, actor, input.initiativeId, { lock: true });
    if (!can(actor, "initiative", "update", facts)) throw new AppError("forbidden", "Only the network's brokers set the budget");
    const { row } = facts;
    if (TOOL_OF[row.objective] !== "generic") throw new AppError("conflict", "This initiative has its own tool, not a budget");
    if (row.status !== "draft" && row.status !== "open") throw new AppError("conflict", `A ${row.status} initiative's budget is frozen`);
    const saved = await saveBudget(tx, row.id, input, deps.now());
    await recordActivity(tx, actor, {
      networkId: row.networkId,
      initiativeId: row.id,
      action: "budget.set",
      after: {
        budgetMinor: saved.budgetMinor,
        currency: input.budget.currency,
        splitRule: input.splitRule,
        fundingSources: saved.fundedSources,
      },
    });
    after.publish(initiativeRoom(row.id), "initiative:updated", { initiativeId: row.id });
    return { initiativeId: row.id };
  });
}
