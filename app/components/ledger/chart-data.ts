import type { getFirmDependence } from "../../../server/services/ledger/get-firm-dependence";

/** The chart shows the largest buyers by name; the rest are summed as "others". */
export const NAMED_BUYERS = 4;
export const OTHERS = "__others__";

export type Figures = Awaited<ReturnType<typeof getFirmDependence>>;

/**
 * The chart's data: one bar per period, segments for the buyers with the largest shares over all
 * periods (the same colour for a buyer in every bar), then "others". A period without figures (a
 * missing rate) has no segments.
 */
export function chartOf(periods: Figures["periods"]) {
  const weight = new Map<string, { key: string; name: string; viaAgent: boolean; total: number }>();
  for (const p of periods) {
    for (const s of p.measure?.shares ?? []) {
      const w = weight.get(s.key) ?? {
        key: s.key,
        name: s.name,
        viaAgent: false,
        total: 0,
      };
      w.total += s.shareBp;
      w.viaAgent ||= s.viaAgent;
      weight.set(s.key, w);
    }
  }
  const named = [...weight.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key)).slice(0, NAMED_BUYERS);
  const bars = periods.map((p) => {
    if (!p.measure) return { period: p.period, segments: null };
    const byKey = new Map(p.measure.shares.map((s) => [s.key, s.shareBp]));
    const segments = named.map((n) => ({
      key: n.key,
      bp: byKey.get(n.key) ?? 0,
    }));
    const namedBp = segments.reduce((sum, s) => sum + s.bp, 0);
    const hasOthers = p.measure.shares.some((s) => !named.some((n) => n.key === s.key));
    segments.push({
      key: OTHERS,
      bp: hasOthers ? Math.max(0, 10_000 - namedBp) : 0,
    });
    return { period: p.period, segments };
  });
  const hasOthers = bars.some((b) => b.segments?.some((s) => s.key === OTHERS && s.bp > 0));
  const series = [
    ...named.map((n, index) => ({
      key: n.key,
      name: n.name,
      viaAgent: n.viaAgent,
      colour: index,
    })),
    ...(hasOthers ? [{ key: OTHERS, name: "", viaAgent: false, colour: NAMED_BUYERS }] : []),
  ];
  return { series, bars };
}

export type Chart = ReturnType<typeof chartOf>;
