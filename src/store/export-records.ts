import { setImmediate } from 'node:timers/promises';
import type { BreachRecord } from '../types';
import type { MergedIncident } from './merge-incidents';
import type { IncidentJson, IncidentPosition, RecordQuery, RecordStore } from './record-store';

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
  let left = query.limit ?? Number.POSITIVE_INFINITY;
  for (let after = 0; left > 0;) {
    const page = await store.pageRecords(query, after, Math.min(BATCH, left));
    for (const p of page) yield p.record;
    left -= page.length;
    if (page.length < BATCH) return;
    after = page[page.length - 1].seq;
    await setImmediate(); // let a server answer other requests between batches
  }
}

/** Records as NDJSON or CSV text chunks, streamed. */
export function exportRecords(store: RecordStore, format: ExportFormat, query: RecordQuery = {}): AsyncGenerator<string> {
  return chunked(scanRecords(store, query), format === 'csv' ? RECORD_CSV_HEADER : '', format === 'csv' ? recordCsvLine : (r) => `${JSON.stringify(r)}\n`);
}

// Incidents are read in smaller batches than records: one can hold thousands of sources.
const INCIDENT_BATCH = 200;

/** Every live incident matching `query`, newest first, as stored JSON text, a batch at a time (flat memory). */
export async function* scanIncidentJson(store: RecordStore, query: RecordQuery = {}): AsyncGenerator<IncidentJson> {
  for (let after: IncidentPosition | null = null; ;) {
    const page = await store.browseIncidents(query, after, INCIDENT_BATCH);
    yield* page;
    if (page.length < INCIDENT_BATCH) return;
    after = page[page.length - 1];
    await setImmediate(); // let a server answer other requests between batches
  }
}

const INCIDENT_CSV_COLUMNS = [
  'id', 'organization', 'organization_key', 'breach_date', 'disclosed_at', 'data_types', 'not_leaked',
  'affected_count', 'confidence', 'source_count', 'source_urls',
];

/** One incident as a CSV line; list fields joined with ';'. */
function incidentCsvLine(i: MergedIncident): string {
  return `${[
    i.id, i.organization?.name ?? null, i.organization?.key ?? null, i.breachDate?.value ?? null, i.disclosedAt,
    i.dataTypes.map((d) => d.type).join(';'), i.notLeaked.join(';'), i.affectedCount?.value ?? null, i.confidence,
    i.sources.length, i.sources.map((x) => x.url).join(';'),
  ].map(csvCell).join(',')}\r\n`;
}

/** Live incidents as NDJSON or CSV text chunks, streamed. */
export function exportIncidents(store: RecordStore, format: ExportFormat, query: RecordQuery = {}): AsyncGenerator<string> {
  return chunked(scanIncidentJson(store, query), format === 'csv' ? `${INCIDENT_CSV_COLUMNS.join(',')}\r\n` : '',
    format === 'csv' ? (i) => incidentCsvLine(JSON.parse(i.json) as MergedIncident) : (i) => `${i.json}\n`);
}

/** Lines gathered into chunks of about 64 KiB, after an optional header. */
async function* chunked<T>(items: AsyncIterable<T>, header: string, line: (item: T) => string): AsyncGenerator<string> {
  let chunk = header;
  for await (const item of items) {
    chunk += line(item);
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
