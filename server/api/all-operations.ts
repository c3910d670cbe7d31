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
export const allOperations = [
  ...firmOperations,
  ...notificationOperations,
  ...accountOperations,
  ...networkOperations,
  ...initiativeOperations,
  ...ledgerOperations,
  ...sourcingOperations,
  ...standOperations,
  ...learningOperations,
];
