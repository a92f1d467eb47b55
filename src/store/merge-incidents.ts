import { createHash } from 'node:crypto';
import type { BreachRecord, DataType } from '../types';

/** One breach as reported across sources: the records of the same organization and breach. */
export interface MergedIncident {
  schema: 'breachfeed.incident/1';
  /** hash(organization key, the first source's record id in canonical order). */
  id: string;
  organization: { name: string; key: string } | null;
  breachDate: BreachRecord['breachDate'];
  /** The earliest disclosure among the sources. */
  disclosedAt: string | null;
  /** The union of the sources' types, each with the evidence of one source. */
  dataTypes: { type: DataType; text: string; sources: number }[];
  /** Types some source says were not leaked and no source says were. */
  notLeaked: DataType[];
  /** The count most sources agree on (within 2%), ties to the most confident source. */
  affectedCount: (NonNullable<BreachRecord['affectedCount']> & { sources: number }) | null;
  /** 1 − Π(1 − confidence): more independent sources, more confidence. */
  confidence: number;
  sources: {
    recordId: string;
    url: string;
    title: string | null;
    publishedAt: string | null;
    feed: string | null;
    evidence: { organization: string | null; breachDate: string | null; affectedCount: string | null };
  }[];
}

// A dateless report counts as the same breach when disclosed within this many days of a dated
// one's breach period, or of another dateless report.
const DISCLOSURE_WINDOW_DAYS = 183;
const DATELESS_WINDOW_DAYS = 45;

/**
 * Merges records into incidents: same organization key and compatible dates, never two records
 * of the same article. Deterministic and independent of input order: records are clustered in a
 * canonical order, each joining the closest compatible cluster all of whose members it fits.
 */
export function mergeIncidents(records: readonly BreachRecord[]): MergedIncident[] {
  const byOrg = new Map<string, BreachRecord[]>();
  const loners: BreachRecord[][] = [];
  for (const r of records) {
    if (!r.organization) loners.push([r]); // an unnamed victim cannot be matched to anything
    else byOrg.set(r.organization.key, [...(byOrg.get(r.organization.key) ?? []), r]);
  }
  const clusters: BreachRecord[][] = [...loners];
  for (const group of byOrg.values()) clusters.push(...clusterGroup(group.sort(canonicalOrder)));
  return clusters.map(toIncident).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function canonicalOrder(a: BreachRecord, b: BreachRecord): number {
  const ka = `${a.breachDate?.value ?? '~'}|${a.disclosedAt ?? '~'}|${a.id}`;
  const kb = `${b.breachDate?.value ?? '~'}|${b.disclosedAt ?? '~'}|${b.id}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

interface Cluster {
  members: BreachRecord[];
  urls: Set<string>;
  /** One member per distinct (breach date, disclosure): compatibility and distance depend on nothing else. */
  dateShapes: Map<string, BreachRecord>;
}

// Linear in the cluster's distinct date shapes, not its members: a breach reported 5,000 times
// is a few dozen shapes, so clustering stays near-linear in the records.
function clusterGroup(sorted: BreachRecord[]): BreachRecord[][] {
  const clusters: Cluster[] = [];
  for (const r of sorted) {
    let best: { cluster: Cluster; distance: number } | null = null;
    for (const c of clusters) {
      if (c.urls.has(r.article.canonicalUrl)) continue;
      const shapes = [...c.dateShapes.values()];
      if (!shapes.every((m) => areCompatible(m, r))) continue;
      const distance = Math.min(...shapes.map((m) => dateDistanceDays(m, r)));
      if (!best || distance < best.distance) best = { cluster: c, distance };
    }
    const cluster = best?.cluster ?? { members: [], urls: new Set<string>(), dateShapes: new Map<string, BreachRecord>() };
    if (!best) clusters.push(cluster);
    cluster.members.push(r);
    cluster.urls.add(r.article.canonicalUrl);
    const shape = `${r.breachDate?.value ?? ''}|${r.disclosedAt ?? ''}`;
    if (!cluster.dateShapes.has(shape)) cluster.dateShapes.set(shape, r);
  }
  return clusters.map((c) => c.members);
}

// Merging compares the same few dates over and over: each is parsed once.
const periods = new Map<string, [number, number]>();

/** Start and end (inclusive, as day numbers) of a YYYY[-MM[-DD]] value. */
function period(value: string): [number, number] {
  let p = periods.get(value);
  if (!p) {
    const [y, m, d] = value.split('-').map(Number);
    const start = Date.UTC(y, (m ?? 1) - 1, d ?? 1);
    const end = d ? start : m ? Date.UTC(y, m, 0) : Date.UTC(y, 11, 31);
    p = [start / 86_400_000, end / 86_400_000];
    if (periods.size >= 100_000) periods.clear(); // bounded: days over three centuries
    periods.set(value, p);
  }
  return p;
}

function areCompatible(a: BreachRecord, b: BreachRecord): boolean {
  const da = a.breachDate?.value;
  const db = b.breachDate?.value;
  if (da && db) {
    const n = Math.min(da.length, db.length); // compare at the coarser precision
    return da.slice(0, n) === db.slice(0, n);
  }
  if (da || db) {
    const dated = da ? a : b;
    const other = da ? b : a;
    if (!other.disclosedAt) return false;
    const [start, end] = period(dated.breachDate!.value);
    const disclosed = period(other.disclosedAt)[0];
    return disclosed >= start && disclosed <= end + DISCLOSURE_WINDOW_DAYS;
  }
  if (!a.disclosedAt || !b.disclosedAt) return false;
  return Math.abs(period(a.disclosedAt)[0] - period(b.disclosedAt)[0]) <= DATELESS_WINDOW_DAYS;
}

function dateDistanceDays(a: BreachRecord, b: BreachRecord): number {
  const day = (r: BreachRecord) => {
    const v = r.breachDate?.value ?? r.disclosedAt;
    return v ? period(v)[0] : Number.POSITIVE_INFINITY;
  };
  const d = Math.abs(day(a) - day(b));
  return Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
}

function toIncident(members: BreachRecord[]): MergedIncident {
  const first = members[0];
  const id = createHash('sha256').update(`${first.organization?.key ?? ''}\n${first.id}`).digest('hex').slice(0, 32);

  // The most precise date any source gives; among equals, the one most sources give.
  const dates = members.map((m) => m.breachDate).filter((d): d is NonNullable<typeof d> => d !== null);
  const dateVotes = tally(dates.map((d) => d.value));
  const breachDate = dates.sort((a, b) => b.value.length - a.value.length
    || dateVotes.get(b.value)! - dateVotes.get(a.value)!
    || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))[0] ?? null;

  const types = new Map<DataType, { type: DataType; text: string; sources: number }>();
  for (const m of members) {
    for (const t of new Map(m.dataTypes.map((d) => [d.type, d])).values()) {
      const seen = types.get(t.type);
      if (seen) seen.sources++;
      else types.set(t.type, { type: t.type, text: t.text, sources: 1 });
    }
  }
  const notLeaked = [...new Set(members.flatMap((m) => m.notLeaked))].filter((t) => !types.has(t)).sort();

  const counts = members.map((m) => ({ m, c: m.affectedCount })).filter((x) => x.c !== null);
  const values = [...tally(counts.map((x) => x.c!.value))];
  const supportOf = new Map(values.map(([v]) => [v, values.reduce((n, [w, k]) => (Math.abs(w - v) <= 0.02 * Math.max(v, w) ? n + k : n), 0)]));
  const bestCount = [...counts].sort((a, b) => supportOf.get(b.c!.value)! - supportOf.get(a.c!.value)!
    || b.m.confidence - a.m.confidence || b.c!.value - a.c!.value || (a.m.id < b.m.id ? -1 : 1))[0];

  const disclosed = members.map((m) => m.disclosedAt).filter((d): d is string => !!d).sort();
  const nameVotes = tally(members.map((m) => m.organization?.name).filter((n): n is string => !!n));
  const name = [...nameVotes.keys()].sort((a, b) => nameVotes.get(b)! - nameVotes.get(a)!
    || b.length - a.length || (a < b ? -1 : 1))[0];

  return {
    schema: 'breachfeed.incident/1',
    id,
    organization: first.organization && name ? { name, key: first.organization.key } : null,
    // Fields rebuilt in one key order: the same incident is the same text (and digest) whichever store read its records.
    breachDate: breachDate && { value: breachDate.value, precision: breachDate.precision, text: breachDate.text },
    disclosedAt: disclosed[0] ?? null,
    dataTypes: [...types.values()].sort((a, b) => (a.type < b.type ? -1 : 1)),
    notLeaked,
    affectedCount: bestCount ? {
      value: bestCount.c!.value, unit: bestCount.c!.unit, qualifier: bestCount.c!.qualifier, text: bestCount.c!.text, sources: supportOf.get(bestCount.c!.value)!,
    } : null,
    confidence: Number((1 - members.reduce((p, m) => p * (1 - m.confidence), 1)).toFixed(3)),
    sources: members.map((m) => ({
      recordId: m.id,
      url: m.article.url,
      title: m.article.title,
      publishedAt: m.article.publishedAt,
      feed: m.article.feed,
      evidence: {
        organization: m.organization?.evidence ?? null,
        breachDate: m.breachDate?.text ?? null,
        affectedCount: m.affectedCount?.text ?? null,
      },
    })),
  };
}

/** How many times each value occurs (distinct values in first-seen order). */
function tally<T>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
