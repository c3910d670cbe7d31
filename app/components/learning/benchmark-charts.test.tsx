import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { discloseDistribution, disclosureRule } from "../../../server/domain/disclosure";
import { getI18n } from "../../../i18n/i18n";
import { type Locale } from "../../../server/domain/locale";
import { niceScale } from "./chart-kit";
import { DistributionChart } from "./distribution-chart";
import { TrendChart } from "./trend-chart";

const render = (element: ReactElement, locale: Locale = "en") =>
  renderToString(<I18nextProvider i18n={getI18n(locale)}>{element}</I18nextProvider>);

/** Text of the figure's table, tags stripped, for asserting what a screen reader can read. */
const tableText = (html: string) => {
  const table = html.slice(html.indexOf("<table"), html.indexOf("</table>"));
  return table
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
};

/** Published statistics in the charts' shape, through the disclosure rules as the server does. */
function published(values: number[]) {
  const { n, quartiles, tails } = discloseDistribution(values, disclosureRule());
  return { n, ...quartiles!, p10: tails?.p10 ?? null, p90: tails?.p90 ?? null };
}

/** On-time delivery of five firms 78, 87, 92, 95, 100: quartiles only (the tail needs ten). */
const onTime = published([78, 87, 92, 95, 100]);
/** Ten firms: the tail too (p10 at h = 0.9: 78 + 0.9 * 2 = 79.8; p90 at h = 8.1: 98 + 0.1 * 2 = 98.2). */
const onTimeTen = published([78, 80, 84, 87, 90, 92, 95, 96, 98, 100]);

describe("DistributionChart", () => {
  it("draws an accessible SVG with the 'you' marker and a labelled reference, and no lowest, highest or best value", () => {
    const html = render(
      <DistributionChart
        kpiName="On-time delivery"
        unit="%"
        direction="higher"
        summary={onTime}
        own={87}
        references={[{ value: 96, source: "EU auto components 2019" }]}
      />,
    );
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<svg[^>]*aria-labelledby="[^"]+-title [^"]+-desc"/);
    expect(html).toContain("<title");
    expect(html).toContain("On-time delivery: how the members compare");
    expect(html).toContain('class="bm-own"');
    expect(html).toContain("You: 87%");
    expect(html).toContain("EU auto components 2019: 96%");
    expect(html).toContain("Higher is better →");
    expect(html).toContain("Published statistics of 5 firms. Median 92%; the middle half between 87% and 95%.");
    expect(html).toContain("The 10th and 90th percentiles are shown from 10 firms.");
    const table = tableText(html);
    for (const row of ["25th percentile 87%", "Median 92%", "75th percentile 95%", "You 87%", "Reference: EU auto components 2019 96%"])
      expect(table).toContain(row);
    // Each extreme is one firm's own value: never drawn, named or listed.
    expect(html).not.toContain("78%");
    expect(html).not.toContain("100%");
    expect(html).not.toMatch(/Best in class|Lowest|Highest|bm-best|bm-extreme|10th percentile/);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("draws the tail only when it was published (from ten firms)", () => {
    const html = render(<DistributionChart kpiName="On-time delivery" unit="%" direction="higher" summary={onTimeTen} own={87} />);
    expect(html).toContain('class="bm-tails"');
    expect(html).toContain("The tail (10th to 90th percentile) from 79.8% to 98.2%.");
    const table = tableText(html);
    expect(table).toContain("10th percentile 79.8%");
    expect(table).toContain("90th percentile 98.2%");
    expect(render(<DistributionChart kpiName="On-time delivery" unit="%" direction="higher" summary={onTime} own={87} />)).not.toContain(
      'class="bm-tails"',
    );
  });

  it("without an own value: no marker, and says so", () => {
    const html = render(
      <DistributionChart
        kpiName="Scrap"
        unit="% of material"
        direction="lower"
        summary={published([1.5, 0.15, 0.9, 0.4, 0.7])}
        own={null}
      />,
    );
    expect(html).not.toContain('class="bm-own"');
    expect(html).toContain("You have not reported a value.");
    expect(tableText(html)).toContain("You Not reported");
    expect(html).toContain("← Lower is better");
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("formats for the reader's locale", () => {
    const summary = published([1250.5, 800, 2600, 350, 3000]);
    const html = render(
      <DistributionChart kpiName="Defeitos no cliente" unit="ppm" direction="lower" summary={summary} own={1250.5} />,
      "pt-BR",
    );
    // Figures in the thousands are shown without decimals unless the page asks for them.
    expect(html).toContain("Você: 1.251 ppm");
    expect(
      render(<DistributionChart kpiName="Defeitos" unit="ppm" direction="lower" summary={summary} own={1250.5} decimals={1} />, "pt-BR"),
    ).toContain("Você: 1.250,5 ppm");
    expect(render(<DistributionChart kpiName="Entregas" unit="%" direction="higher" summary={onTime} own={87} />, "es")).toMatch(
      /Usted: 87\s%/,
    );
    expect(html).toContain("Menor é melhor");
  });

  it("keeps marks inside a fixed domain and gives each chart its own ids", () => {
    const element = (
      <DistributionChart kpiName="On-time delivery" unit="%" direction="higher" summary={onTime} own={87} domain={[0, 100]} />
    );
    const html = render(
      <>
        {element}
        {element}
      </>,
    );
    const ids = [...html.matchAll(/<title id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const m of html.matchAll(/\sx[12]?="(-?[\d.]+)"/g)) {
      expect(Number(m[1])).toBeGreaterThanOrEqual(0);
      expect(Number(m[1])).toBeLessThanOrEqual(360);
    }
  });
});

describe("TrendChart", () => {
  const points = [
    { label: "2024-Q1", median: 80, own: 70, p10: 62, p90: 95 },
    { label: "2024-Q2", median: null, own: 72, p10: null, p90: null },
    { label: "2024-Q3", median: 88, own: null, p10: 75, p90: 97 },
    { label: "2024-Q4", median: 92, own: 90, p10: 81, p90: 99 },
  ];

  it("draws median, you and the tail band, with gaps for nulls and never NaN", () => {
    const html = render(
      <TrendChart
        kpiName="On-time delivery"
        unit="%"
        direction="higher"
        points={points}
        references={[{ value: 96, source: "EU benchmark" }]}
      />,
    );
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
    expect(html).toContain('role="img"');
    expect(html).toContain("On-time delivery: trend by period");
    expect(html).toContain('class="bm-median-line"');
    expect(html).toContain('class="bm-own-marker"');
    expect(html).toContain('class="bm-band"');
    // The null median of 2024-Q2 is a shaded gap, not a point at zero.
    expect(html).toContain('data-gap="2024-Q2"');
    expect(html).toContain("2024-Q2: not enough submissions");
    expect(html).toContain("The median went from 80% in 2024-Q1 to 92% in 2024-Q4.");
    expect(html).toContain("Your value went from 70% in 2024-Q1 to 90% in 2024-Q4.");
    expect(html).toContain("EU benchmark: 96%");
    // Median points only where there is a median: three circles.
    expect(html.match(/class="bm-median-point"/g)).toHaveLength(3 + 1 /* legend swatch */);
    // Lines break at the gaps: median 2024-Q1 alone, then Q3-Q4; own Q1-Q2, then Q4 alone.
    expect(html.match(/class="bm-median-line"/g)).toHaveLength(1 + 1 /* legend */);
    const table = tableText(html);
    expect(table).toContain("2024-Q1 80% 62% to 95% 70%");
    expect(table).toContain("2024-Q2 Not enough submissions Not enough submissions 72%");
    expect(table).toContain("2024-Q3 88% 75% to 97% Not reported");
    expect(html).toContain("↑ Higher is better");
  });

  it("all periods without enough submissions and no own value: an empty chart, still valid", () => {
    const html = render(
      <TrendChart
        kpiName="Scrap"
        unit="% of material"
        direction="lower"
        points={[
          { label: "2025-Q1", median: null, own: null, p10: null, p90: null },
          { label: "2025-Q2", median: null, own: null, p10: null, p90: null },
        ]}
      />,
    );
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
    expect(html.match(/data-gap=/g)).toHaveLength(2);
    expect(html.slice(0, html.indexOf("</svg>"))).not.toContain('d="M');
    expect(html).toContain("↓ Lower is better");
  });

  it("no periods at all", () => {
    const html = render(<TrendChart kpiName="Scrap" unit="%" direction="lower" points={[]} />);
    expect(html).toContain("No periods yet.");
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("thins the period labels when many quarters share a narrow chart, keeping the last", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      label: `${2023 + Math.floor(i / 4)}-Q${(i % 4) + 1}`,
      median: 80 + i,
      own: 75 + i,
      p10: 70 + i,
      p90: 95,
    }));
    const html = render(<TrendChart kpiName="On-time delivery" unit="%" direction="higher" points={many} />);
    const svg = html.slice(0, html.indexOf("</svg>"));
    const labels = [...svg.matchAll(/>(\d{4}-Q\d)</g)].map((m) => m[1]);
    expect(labels.length).toBeLessThan(12);
    expect(labels).toContain("2025-Q4");
    expect(tableText(html)).toContain("2023-Q1");
  });
});

describe("niceScale", () => {
  it("rounds the range out to tidy ticks", () => {
    expect(niceScale(78, 100)).toMatchObject({ lo: 75, hi: 100, ticks: [75, 80, 85, 90, 95, 100] });
    expect(niceScale(0.15, 1.5)).toMatchObject({ lo: 0, hi: 1.5, ticks: [0, 0.5, 1, 1.5], tickDigits: 1 });
    expect(niceScale(0.15, 1.2)).toMatchObject({ lo: 0, hi: 1.25, ticks: [0, 0.25, 0.5, 0.75, 1, 1.25], tickDigits: 2 });
    expect(niceScale(5, 5).ticks.length).toBeGreaterThan(1);
    expect(niceScale(78, 100, 5, [0, 100])).toMatchObject({ lo: 0, hi: 100, ticks: [0, 20, 40, 60, 80, 100] });
  });
});
