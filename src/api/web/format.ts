import type { MergedIncident } from '../../store/merge-incidents';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2018` → `2018`, `2018-01` → `January 2018`, `2018-01-05` → `5 January 2018`; anything else as given. */
export function formatDate(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return value;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** The date an ISO timestamp names (`2019-11-22T10:30:00+08:00` → `2019-11-22`), for `<time datetime>`. */
export function isoDay(value: string): string {
  return /^\d{4}(-\d{2}(-\d{2})?)?/.exec(value)?.[0] ?? value;
}

/** `up to 40,000 people`; null when the incident has no count. */
export function formatCount(count: MergedIncident['affectedCount']): string | null {
  if (!count) return null;
  return [count.qualifier, count.value.toLocaleString('en-US'), count.unit].filter(Boolean).join(' ');
}

/** The outlet of a source: its host (and the feed it came through). */
export function outletOf(url: string, feed: string | null): string {
  let host = '';
  try {
    host = new URL(url).host;
  } catch {
    host = '';
  }
  return [host, feed ? `via ${feed}` : ''].filter(Boolean).join(' ') || 'unknown outlet';
}
