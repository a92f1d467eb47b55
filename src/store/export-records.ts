import type { BreachRecord } from '../types';
import { mergeIncidents, type MergedIncident } from './merge-incidents';
import type { RecordQuery, RecordStore } from './record-store';

export type ExportFormat = 'ndjson' | 'csv';

const CSV_COLUMNS = [
  'id', 'organization', 'organization_key', 'breach_date', 'breach_date_precision', 'disclosed_at', 'data_types',
  'not_leaked', 'affected_count', 'affected_unit', 'affected_qualifier', 'confidence', 'article_title', 'article_url', 'feed',
];

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV header line (RFC 4180, CRLF). */
export const RECORD_CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;

/** One record as a CSV line; list fields joined with ';'. */
export function recordCsvLine(r: BreachRecord): string {
  return `${[
    r.id, r.organization?.name ?? null, r.organization?.key ?? null, r.breachDate?.value ?? null,
    r.breachDate?.precision ?? null, r.disclosedAt, r.dataTypes.map((d) => d.type).join(';'), r.notLeaked.join(';'),
    r.affectedCount?.value ?? null, r.affectedCount?.unit ?? null, r.affectedCount?.qualifier ?? null, r.confidence,
    r.article.title, r.article.url, r.article.feed,
  ].map(csvCell).join(',')}\r\n`;
}

const BATCH = 1000;

/** Every matching record in change order, a batch at a time: memory stays flat however many there are. */
export async function* scanRecords(store: RecordStore, query: RecordQuery = {}): AsyncGenerator<BreachRecord> {
  let after = 0;
  for (;;) {
    const page = await store.pageRecords(query, after, BATCH);
    for (const p of page) yield p.record;
    if (page.length < BATCH) return;
    after = page[page.length - 1].seq;
  }
}

/** Records as NDJSON or CSV text chunks, streamed. */
export async function* exportRecords(store: RecordStore, format: ExportFormat, query: RecordQuery = {}): AsyncGenerator<string> {
  if (format === 'csv') yield RECORD_CSV_HEADER;
  let chunk = '';
  for await (const r of scanRecords(store, query)) {
    chunk += format === 'csv' ? recordCsvLine(r) : `${JSON.stringify(r)}\n`;
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** All incidents merged from the matching records (needs every record of an organization at once). */
export async function loadIncidents(store: RecordStore, query: RecordQuery = {}): Promise<MergedIncident[]> {
  const records: BreachRecord[] = [];
  for await (const r of scanRecords(store, query)) records.push(r);
  return mergeIncidents(records);
}

/** Incidents that match a query, judged on the merged incident (types of any source, merged count). */
export function filterIncidents(incidents: MergedIncident[], q: RecordQuery): MergedIncident[] {
  const org = q.org?.toLowerCase();
  return incidents.filter((i) =>
    (!org || (i.organization !== null && (i.organization.name.toLowerCase().includes(org) || i.organization.key.includes(org))))
    && (!q.dataType || i.dataTypes.some((d) => d.type === q.dataType))
    && (!q.since || (i.disclosedAt !== null && i.disclosedAt >= q.since))
    && (!q.until || (i.disclosedAt !== null && i.disclosedAt.slice(0, q.until.length) <= q.until))
    && (q.minCount === undefined || (i.affectedCount !== null && i.affectedCount.value >= q.minCount)));
}

const INCIDENT_CSV_COLUMNS = [
  'id', 'organization', 'organization_key', 'breach_date', 'disclosed_at', 'data_types', 'not_leaked',
  'affected_count', 'confidence', 'source_count', 'source_urls',
];

/** Incidents as NDJSON or CSV text. */
export function* formatIncidents(incidents: MergedIncident[], format: ExportFormat): Generator<string> {
  if (format === 'csv') yield `${INCIDENT_CSV_COLUMNS.join(',')}\r\n`;
  for (const i of incidents) {
    yield format === 'ndjson'
      ? `${JSON.stringify(i)}\n`
      : `${[
        i.id, i.organization?.name ?? null, i.organization?.key ?? null, i.breachDate?.value ?? null, i.disclosedAt,
        i.dataTypes.map((d) => d.type).join(';'), i.notLeaked.join(';'), i.affectedCount?.value ?? null, i.confidence,
        i.sources.length, i.sources.map((x) => x.url).join(';'),
      ].map(csvCell).join(',')}\r\n`;
  }
}
