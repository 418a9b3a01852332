// One row of the `npm run bench` table. Every bench file exports an async function returning rows;
// bench/run.ts lists those functions in BENCHES and prints one table.
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The target, e.g. '< 5 ms', or '(context)' for a row that only informs. */
  aim: string;
  ok: boolean;
  note?: string;
}

export function printTable(rows: BenchRow[]): void {
  const head = ['measure', 'value', 'aim', 'ok', 'note'];
  const body = rows.map((r) => [r.name, `${r.value} ${r.unit}`, r.aim, r.ok ? 'yes' : 'NO', r.note ?? '']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
}
