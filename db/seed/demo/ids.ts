import { createHash } from "node:crypto";

/** Fixed namespace of the demo's name-based (RFC 4122 version 5) ids. */
const DEMO_NAMESPACE = "fb8c0485-8406-4aef-954d-6602b6b31882";

/** The same UUID for the same name on every run, so a second run conflicts instead of duplicating. */
export function demoId(name: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(DEMO_NAMESPACE.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const firmId = (key: string) => demoId(`firm:${key}`);
