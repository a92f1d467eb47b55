// Date normalization for publication dates. Output is ISO 8601: "YYYY-MM-DD" when
// only the day is known, "YYYY-MM-DDTHH:MM:SS±HH:MM" (or "Z") when the source gives
// a time with a zone. The zone is kept as written, never converted: converting an
// evening US timestamp to UTC would move the article to the next day.
import * as chrono from 'chrono-node';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isValidDay(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function formatDay(y: number, m: number, d: number): string | null {
  return isValidDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function formatZone(zone: string | undefined): string | null {
  if (!zone) return null;
  zone = zone.replace(/^(gmt|utc)(?=[+-])/i, '');
  if (/^(z|utc|gmt|\+00:?00)$/i.test(zone)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  return m ? `${m[1]}${m[2]}:${m[3]}` : null;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const RFC = /^(?:[a-z]+,?\s+)?(\d{1,2})\s+([a-z]{3,})\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{4}|GMT|UTC)?)?/i;
const MONTH_FIRST = /^(?:[a-z]+,?\s+)?([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?\s*((?:gmt|utc)?[+-]\d{2}:?\d{2}|z|gmt|utc)?)?/i;
const EPOCH = /^\d{10}(\d{3})?$/;

/** Normalizes a machine-readable date (meta, JSON-LD, datetime attribute) to ISO, or null. */
export function normalizeDate(value: string | null | undefined): string | null {
  const s = (value ?? '').trim();
  if (!s) return null;
  let m = ISO.exec(s) ?? COMPACT.exec(s);
  if (m) {
    const day = formatDay(+m[1], +m[2], +m[3]);
    if (!day) return null;
    const zone = formatZone(m[7]);
    if (m[4] !== undefined && zone) return `${day}T${pad(+m[4])}:${m[5]}:${m[6] ?? '00'}${zone}`;
    return day;
  }
  m = RFC.exec(s);
  if (m) {
    const month = MONTHS[m[2].slice(0, 3).toLowerCase()];
    const day = month ? formatDay(+m[3], month, +m[1]) : null;
    if (!day) return null;
    const zone = formatZone(m[7] === undefined ? undefined : m[7]);
    if (m[4] !== undefined && zone) return `${day}T${pad(+m[4])}:${m[5]}:${m[6] ?? '00'}${zone}`;
    return day;
  }
  m = MONTH_FIRST.exec(s);
  if (m) {
    const month = MONTHS[m[1].slice(0, 3).toLowerCase()];
    const day = month ? formatDay(+m[3], month, +m[2]) : null;
    if (!day) return null;
    const zone = formatZone(m[8]);
    if (m[4] === undefined || !zone) return day;
    let hour = +m[4] % 12;
    if (!m[7]) hour = +m[4];
    else if (m[7].toLowerCase() === 'pm') hour += 12;
    return `${day}T${pad(hour)}:${m[5]}:${m[6] ?? '00'}${zone}`;
  }
  if (EPOCH.test(s)) {
    const ms = s.length === 13 ? +s : +s * 1000;
    const d = new Date(ms);
    return formatDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
  }
  return parseHumanDate(s);
}

// Dates in URLs: /2019/11/19/, /2019-11-19-, /20191119/. A year and month alone
// (/2019/11/) is not enough for a day-precision publication date.
const URL_DATE = /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=$|[/_.-])/;
const URL_COMPACT = /\/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-])/;
const URL_MONTH_NAME = /\/((?:19|20)\d{2})\/([a-z]{3,9})\/(\d{1,2})(?=\/)/i;

/** A publication day written into the URL's path, or null. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = URL_DATE.exec(path) ?? URL_COMPACT.exec(path);
  if (m) return formatDay(+m[1], +m[2], +m[3]);
  const named = URL_MONTH_NAME.exec(path);
  const month = named ? MONTHS[named[2].slice(0, 3).toLowerCase()] : undefined;
  return named && month ? formatDay(+named[1], month, +named[3]) : null;
}

/**
 * A date in human text ("November 19, 2019", "19 Nov 2019 10:31", "19.11.2019").
 * Only complete dates count: a weekday or "yesterday" has no fixed day without a
 * reference, and a guessed day is worse than none.
 */
export function parseHumanDate(text: string): string | null {
  const s = text.slice(0, 300);
  const dotted = /(?:^|[^\d])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)/.exec(s);
  if (dotted) return formatDay(+dotted[3], +dotted[2], +dotted[1]);
  const iso = /((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(s);
  if (iso) return formatDay(+iso[1], +iso[2], +iso[3]);
  // 27/03/2020 or 11/13/2019: read only when one number cannot be a month.
  const slashed = /(?:^|[^\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/.exec(s);
  if (slashed) {
    const [a, b, y] = [+slashed[1], +slashed[2], +slashed[3]];
    if (a > 12 && b <= 12) return formatDay(y, b, a);
    if (b > 12 && a <= 12) return formatDay(y, a, b);
  }
  const results = chrono.strict.parse(s, new Date(Date.UTC(2000, 0, 1)));
  for (const r of results) {
    // Only dates written with a month name and a full year: numeric forms are read
    // above without guessing, and "an hour ago" has no fixed day.
    if (!/\p{L}{3}/u.test(r.text) || !/(19|20)\d{2}/.test(r.text)) continue;
    const c = r.start;
    if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) continue;
    const day = formatDay(c.get('year') ?? 0, c.get('month') ?? 0, c.get('day') ?? 0);
    if (day) return day;
  }
  return null;
}
