import { operations } from "./operations";
import { sourcingOperations } from "./operations-sourcing";
import { standOperations } from "./operations-stands";
import { learningOperations } from "./operations-learning";

/** Every /api/v1 endpoint: the router serves them and the OpenAPI document lists them. */
export const allOperations = [...operations, ...sourcingOperations, ...standOperations, ...learningOperations];
