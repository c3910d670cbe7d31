/**
 * Space on a joint trade-fair stand (DOMAIN.md "Joint trade-fair stand"). Areas are whole
 * square decimetres (1 m2 = 100 dm2), so sums are exact and the database can check that a
 * stand is never overbooked.
 */

/** A firm's request for space, from asking to being granted, queued, declined or released. */
export const SPACE_STATUSES = ["requested", "confirmed", "waiting", "declined", "released"] as const;
export type SpaceStatus = (typeof SPACE_STATUSES)[number];

/** How a broker answers a request for space. */
export const SPACE_DECISIONS = ["confirm", "trim", "decline"] as const;

/** The largest area the database's `integer` columns hold. */
export const MAX_AREA_DM2 = 2_147_483_647;

/** Area still free on a stand; never negative. */
export function remainingDm2(areaDm2: number, allocatedDm2: number): number {
  return Math.max(0, areaDm2 - allocatedDm2);
}

/**
 * Serves a stand's waiting list when space is freed. `queue` is in queue order (oldest first).
 * Strictly first come, first served: the head is granted its full request while it fits, and
 * serving stops at the first request that does not fit, even if a smaller one behind it would.
 * Nobody jumps the queue by asking for less; the broker, who knows the firms, can trim the head
 * request or decline it by hand, after which the list is served again.
 */
export function serveWaitingList(
  freeDm2: number,
  queue: ReadonlyArray<{ id: string; requestedDm2: number }>,
): Array<{ id: string; grantedDm2: number }> {
  if (!Number.isSafeInteger(freeDm2)) throw new RangeError(`free area must be an integer, got ${freeDm2}`);
  const granted: Array<{ id: string; grantedDm2: number }> = [];
  let free = Math.max(0, freeDm2);
  for (const { id, requestedDm2 } of queue) {
    if (!Number.isSafeInteger(requestedDm2) || requestedDm2 <= 0) {
      throw new RangeError(`requested area of ${id} must be a positive integer, got ${requestedDm2}`);
    }
    if (requestedDm2 > free) break;
    granted.push({ id, grantedDm2: requestedDm2 });
    free -= requestedDm2;
  }
  return granted;
}

const AREA = /^(\d{1,8})(?:[.,](\d{1,2}))?$/;

/**
 * "12", "12.5", "12,50" (m2, at most two decimals, dot or comma) -> whole dm2 (1200, 1250,
 * 1250). Null when the text is not such a number, is zero, or exceeds what the database holds.
 */
export function parseAreaM2(text: string): number | null {
  const match = AREA.exec(text.trim());
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  const dm2 = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (dm2 <= 0 || dm2 > MAX_AREA_DM2) return null;
  return dm2;
}

/**
 * 1250 -> "12.5", 1200 -> "12", 1205 -> "12.05": plain, locale-free m2 for form fields, CSV and
 * calendar text (pages format numbers with Intl).
 */
export function formatDm2AsM2(dm2: number): string {
  if (!Number.isSafeInteger(dm2)) throw new RangeError(`area must be an integer, got ${dm2}`);
  const sign = dm2 < 0 ? "-" : "";
  const abs = Math.abs(dm2);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}
