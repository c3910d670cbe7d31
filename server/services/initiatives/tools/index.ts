import type { Objective } from "../../../domain/initiative";

/**
 * Which tool each objective gets: the one place to add a new initiative kind. Joint buying, the
 * trade-fair stand (joint_selling) and the benchmarking club (learning_network) have dedicated
 * tools; the other objectives use the generic budget-and-split tool.
 */
export type Tool = "joint_buy" | "stand" | "benchmark_club" | "generic";

export const TOOL_OF: Record<Objective, Tool> = {
  joint_buying: "joint_buy",
  hearing_the_market: "generic",
  joint_selling: "stand",
  product_development: "generic",
  process_improvement: "generic",
  standards_and_codes: "generic",
  learning_network: "benchmark_club",
};
