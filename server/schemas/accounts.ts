import { z } from "zod";
import { ROLES } from "../domain/roles";
import { LOCALES } from "../domain/locale";
import { PASSWORD_MAX, PASSWORD_MIN } from "../auth-limits";
import { BUYER_TYPES, LINKS } from "../domain/chain-position";
import { isCommonPassword } from "../domain/passwords";
import { countrySchema, sectorSchema } from "./firm";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Must be an email address"));
/** Every new password (sign-up, admin-created accounts, password change, ADMIN_PASSWORD). */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`)
  .refine((password) => !isCommonPassword(password), {
    message: "This password is too common: choose another",
    params: { key: "password_common" },
  });
const personNameSchema = z.string().trim().min(2, "At least 2 characters").max(80);

/**
 * Self sign-up: SMEs and buyers only (brokers are created by an admin). The user either creates
 * a firm or asks to join an existing one, which its first member approves.
 */
export const signUpSchema = z.discriminatedUnion("firmChoice", [
  z.object({
    firmChoice: z.literal("create"),
    role: z.enum(["sme", "buyer"]),
    name: personNameSchema,
    email: emailSchema,
    password: passwordSchema,
    firmName: z.string().trim().min(2, "At least 2 characters").max(120),
    country: countrySchema,
    sector: sectorSchema,
    link: z.enum(LINKS).optional(),
    tier: z.number().int().min(1).max(4).optional(),
    buyerType: z.enum(BUYER_TYPES).optional(),
    /** A buyer invited from a trade-fair lead (/signup?lead=<token>): the lead records the new firm. */
    leadToken: z.string().trim().min(16).max(128).optional(),
  }),
  z.object({
    firmChoice: z.literal("join"),
    role: z.enum(["sme", "buyer"]),
    name: personNameSchema,
    email: emailSchema,
    password: passwordSchema,
    firmId: z.uuid("Choose a firm"),
  }),
]);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Required").max(PASSWORD_MAX),
  redirectTo: z.string().optional(),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Required"),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "Passwords do not match",
    params: { key: "passwords_differ" },
  });

export const createUserSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  role: z.enum(ROLES),
});

export const localeSchema = z.object({ locale: z.enum(LOCALES) });
