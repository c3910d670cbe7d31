/** The preparation plan of a joint stand: what a task is about and how far it is. */
export const STAND_TASK_CATEGORIES = ["samples", "catalogue", "stand_design", "travel", "collective_label", "other"] as const;
export type StandTaskCategory = (typeof STAND_TASK_CATEGORIES)[number];

export const STAND_TASK_STATUSES = ["todo", "in_progress", "done"] as const;
export type StandTaskStatus = (typeof STAND_TASK_STATUSES)[number];
