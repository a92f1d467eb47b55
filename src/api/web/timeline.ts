import type { IncidentCount } from '../../store/record-store';
import { dataTypeLabel } from './catalogue-query';

/** Incidents per month of disclosure, stacked by the most common data types. */
export interface Timeline {
  /** Every month from the first disclosure to the last, `YYYY-MM`, none skipped. */
  months: string[];
  /** One stack per common type, then `other` (incidents with none of them); counts align with `months`. */
  series: { type: string; label: string; counts: number[] }[];
  /** Incidents disclosed in each month (the height of each stacked bar). */
  totals: number[];
  /** The most common leaked types over the whole set: incidents that leaked each. */
  topTypes: { type: string; label: string; incidents: number }[];
  /** Incidents in the set, and those without a disclosure date (not on the chart). */
  incidents: number;
  undated: number;
}

export interface TimelineOptions {
  /** Types stacked on the chart; the rest is `other`. @default 5 */
  stackedTypes?: number;
  /** Types in the list beside the chart. @default 10 */
  listedTypes?: number;
}

/**
 * The timeline of incidents counted by month and type set (the store's countIncidents). Each incident counts once per month, in the stack of its most
 * common type (so a bar's height is the number of incidents, not of type mentions).
 */
export function timelineOf(groups: IncidentCount[], opts: TimelineOptions = {}): Timeline {
  const stacked = opts.stackedTypes ?? 5;
  const listed = opts.listedTypes ?? 10;
  const typeCounts = new Map<string, number>();
  let total = 0;
  for (const g of groups) {
    total += g.incidents;
    for (const t of new Set(g.types)) typeCounts.set(t, (typeCounts.get(t) ?? 0) + g.incidents);
  }
  const ranked = [...typeCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const stackTypes = ranked.slice(0, stacked).map(([t]) => t);
  const dated = groups.filter((g): g is IncidentCount & { month: string } => g.month !== null);
  const months = monthRange(dated.map((g) => g.month));
  const index = new Map(months.map((m, n) => [m, n]));
  const names = [...stackTypes, 'other'];
  const counts = names.map(() => months.map(() => 0));
  let undated = total;
  for (const g of dated) {
    const stack = stackTypes.findIndex((t) => g.types.includes(t));
    counts[stack < 0 ? names.length - 1 : stack][index.get(g.month) as number] += g.incidents;
    undated -= g.incidents;
  }
  const series = names.map((type, n) => ({ type, label: dataTypeLabel(type), counts: counts[n] }))
    .filter((s) => s.type !== 'other' || s.counts.some((c) => c > 0));
  return {
    months,
    series,
    totals: months.map((_, m) => counts.reduce((sum, c) => sum + c[m], 0)),
    topTypes: ranked.slice(0, listed).map(([type, incidents]) => ({ type, label: dataTypeLabel(type), incidents })),
    incidents: total,
    undated,
  };
}

/** Every `YYYY-MM` from the earliest to the latest given, in order. */
export function monthRange(months: string[]): string[] {
  if (!months.length) return [];
  let min = months[0];
  let max = months[0];
  for (const m of months) {
    if (m < min) min = m;
    if (m > max) max = m;
  }
  const out: string[] = [];
  let [y, mo] = min.split('-').map(Number);
  for (;;) {
    const m = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}`;
    out.push(m);
    if (m >= max) return out;
    if (++mo > 12) [y, mo] = [y + 1, 1];
  }
}
