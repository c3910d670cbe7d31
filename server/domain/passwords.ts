import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * Passwords follow NIST SP 800-63B (5.1.1.2): a minimum length (server/auth-limits.ts), no
 * composition rules, and none found on a list of commonly used or breached passwords.
 *
 * The list: the ~49,000 most common passwords of public breaches, as maintained by zxcvbn-ts (its
 * "passwords-common" dictionary, lower case). Built on first use.
 */
let common: ReadonlySet<string> | null = null;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"] as readonly string[]);
  // The list is lower case: "Password123" is as guessable as "password123".
  return common.has(password.toLowerCase());
}
