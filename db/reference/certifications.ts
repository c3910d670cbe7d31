/**
 * The certification catalogue (DOMAIN.md "Chain position", seeds 003:687-710), version 2026-11,
 * kept here because no package carries it. Names are proper nouns; what each certifies is
 * translated under `certification.<code>` in i18n/locales.
 */

export const CERTIFICATIONS = [
  { code: "iso_9001", name: "ISO 9001", area: "quality" },
  { code: "iso_14001", name: "ISO 14001", area: "environment" },
  { code: "iso_45001", name: "ISO 45001", area: "labour" },
  { code: "sa8000", name: "SA8000", area: "labour" },
  { code: "haccp", name: "HACCP", area: "food_safety" },
  { code: "iatf_16949", name: "IATF 16949 (QS 9000)", area: "quality" },
  { code: "fsc", name: "FSC", area: "environment" },
  { code: "globalgap", name: "GLOBALG.A.P.", area: "food_safety" },
  { code: "lwg", name: "Leather Working Group", area: "environment" },
  { code: "oeko_tex", name: "OEKO-TEX Standard 100", area: "product_safety" },
  { code: "buyer_code", name: "Buyer code of conduct", area: "labour" },
] as const;

export type CertificationCode = (typeof CERTIFICATIONS)[number]["code"];
const [firstCode, ...otherCodes] = CERTIFICATIONS.map((c) => c.code);
/** A non-empty tuple, as `z.enum` wants it. */
export const CERTIFICATION_CODES: readonly [CertificationCode, ...CertificationCode[]] = [firstCode, ...otherCodes];

export function isCertificationCode(code: string): code is CertificationCode {
  return CERTIFICATIONS.some((c) => c.code === code);
}

export function certificationName(code: string): string {
  return CERTIFICATIONS.find((c) => c.code === code)?.name ?? code;
}
