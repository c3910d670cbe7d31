/** bench:pages' and bench:api's output: Markdown table rows, printed as each cell ends. */
import type { Cell } from "./crowd-load";
import { ms } from "./shared";

const HEADER = [
  "database",
  "target",
  "users",
  "req/s",
  "p50 ms",
  "p95 ms",
  "p99 ms",
  "non-2xx / timeouts / other",
  "bare p95 ms",
  "p95 / bare",
  "RSS MB",
];

export function printHeader(): void {
  console.log(`| ${HEADER.join(" | ")} |`);
  console.log(`|${HEADER.map(() => "---").join("|")}|`);
}

export function printRow(database: string, target: string, users: number, cell: Cell, bare: Cell | null, rss: number): void {
  const ratio = bare && bare.p95 > 0 && Number.isFinite(cell.p95) ? `${(cell.p95 / bare.p95).toFixed(1)}×` : "-";
  const cells = [
    database,
    target,
    String(users),
    cell.rps.toFixed(1),
    ms(cell.p50),
    ms(cell.p95),
    ms(cell.p99),
    `${cell.non2xx} / ${cell.timeouts} / ${cell.otherErrors}`,
    bare ? ms(bare.p95) : "-",
    ratio,
    Number.isFinite(rss) ? rss.toFixed(0) : "-",
  ];
  console.log(`| ${cells.join(" | ")} |`);
}
