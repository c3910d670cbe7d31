import type { z } from "zod";
import type { Operation } from "./operation";
import { firmOperations } from "./operations-firms";
import { notificationOperations } from "./operations-notifications";
import { accountOperations } from "./operations-accounts";
import { networkOperations } from "./operations-networks";
import { initiativeOperations } from "./operations-initiatives";
import { ledgerOperations } from "./operations-ledger";
import { sourcingOperations } from "./operations-sourcing";
import { standOperations } from "./operations-stands";
import { learningOperations } from "./operations-learning";

/**
 * Every /api/v1 endpoint: the router serves them and the OpenAPI document lists them, in this
 * order (the document's paths follow it).
 */
const operations = [
  ...firmOperations,
  ...notificationOperations,
  ...accountOperations,
  ...networkOperations,
  ...initiativeOperations,
  ...ledgerOperations,
  ...sourcingOperations,
  ...standOperations,
  ...learningOperations,
] as const;

export const allOperations: readonly Operation[] = operations;

/** Every operation's id, as a type. */
export type OperationId = (typeof operations)[number]["operationId"];

/** What an operation's success answer carries: its documented response schema's type. */
export type ResponseOf<Id extends OperationId> = z.infer<Extract<(typeof operations)[number], { operationId: Id }>["response"]>;
