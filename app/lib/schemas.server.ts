import { z } from "zod";
import { addBrokerSchema, applySchema, consentSchema, decideApplicationSchema } from "../../server/schemas/network";
import { respondSchema } from "../../server/schemas/sourcing";
import { salesEntryIdSchema } from "../../server/schemas/ledger";
import { submitValuesSchema } from "../../server/schemas/learning";

/**
 * The form schemas of the route modules' actions, reached through a server module. A route that
 * imports server/schemas directly ships zod (and what the schemas import: the ISIC catalogue,
 * the password dictionary) to the browser even when only its action uses them: the bundler's
 * code splitting keeps the import. `.server` modules are left out of the browser build.
 */
export { exchangeRateSchema, periodSchema, salesEntryInputSchema } from "../../server/schemas/ledger";
export { changePasswordSchema, createUserSchema, localeSchema, signInSchema, signUpSchema } from "../../server/schemas/accounts";
export {
  addLeadSchema,
  addTaskSchema,
  decideSpaceSchema,
  fairInputSchema,
  inviteLeadSchema,
  requestSpaceSchema,
  updateTaskSchema,
} from "../../server/schemas/stands";
export { decideMemberSchema, firmProfileSchema, firmSearchSchema } from "../../server/schemas/firm";
export {
  addMeetingActionSchema,
  createBenchmarkClubSchema,
  kpiBodySchema,
  openPeriodSchema,
  periodIdSchema,
  respondToMeetingSchema,
  scheduleMeetingSchema,
  setReferenceSchema,
  updateMeetingActionSchema,
  updateMeetingSchema,
} from "../../server/schemas/learning";
export { networkIdSchema } from "../../server/schemas/network";
export { consortiumSchema, decideResponseSchema, needInputSchema, needTransitionSchema } from "../../server/schemas/sourcing";
export { commitmentSchema, messageSchema, transitionSchema } from "../../server/schemas/initiative";

/** Route forms derived from the schemas (defined here, as the schemas are absent from the browser build). */
export const salesEntryDeleteForm = salesEntryIdSchema.pick({ entryId: true });
export const clubValuesForm = submitValuesSchema
  .omit({ initiativeId: true })
  .extend({ values: submitValuesSchema.shape.values.default({}) });
/** The checkbox sends "true"; anything else (or nothing) is no consent. */
export const invitationAcceptSchema = z.object({ consent: z.preprocess((v) => v === "true", consentSchema) });
export const needResponseFormSchema = respondSchema.omit({ needId: true, initiativeId: true });
export const needConsortiumResponseSchema = respondSchema.omit({ needId: true }).required({ initiativeId: true });
export const brokerEmailForm = addBrokerSchema.pick({ email: true });
export const applicationDecisionForm = decideApplicationSchema.omit({ networkId: true });
export const applicationFirmForm = decideApplicationSchema.pick({ firmId: true });
/** The checkbox sends "true"; anything else (or nothing) is no consent. */
export const networkJoinForm = applySchema.extend({ consent: z.preprocess((v) => v === "true", consentSchema) });
export const notificationReadSchema = z.object({ notificationId: z.uuid() });
