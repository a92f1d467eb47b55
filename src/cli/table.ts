/** Cuts a cell to `max` characters, marking the cut. */
export function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export interface TableOptions {
  /** Columns aligned right (numbers). */
  right?: number[];
  /** A line of dashes under the header. */
  rule?: boolean;
}

/** An aligned text table for people: columns two spaces apart, no trailing blanks. */
export function formatTable(header: string[], rows: string[][], opts: TableOptions = {}): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (opts.right?.includes(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...(opts.rule ? [line(widths.map((w) => '-'.repeat(w)))] : []), ...rows.map(line)].join('\n');
}
