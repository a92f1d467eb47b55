import { ApiError } from '../errors';
import type { MergedIncident } from '../store/merge-incidents';
import type { IncidentLookup, RecordQuery, RecordStore } from '../store/record-store';
import { decodeCursor, encodeCursor } from './cursor';

// The incident reads that the API routes and the web pages share (one query path for both).

export type { IncidentLookup };

/** Live incidents matching `query`, newest disclosure first; `cursor` is the previous page's nextCursor. */
export async function browseIncidents(store: RecordStore, query: RecordQuery, cursor: string | undefined, limit: number):
Promise<{ items: MergedIncident[]; nextCursor: string | null }> {
  const after = cursor === undefined ? null : decodeCursor(cursor, 'position');
  if (after === null && cursor !== undefined) throw new ApiError(400, 'cursor is not a cursor this API issued for the newest-first order', 'cursor');
  const page = await store.browseIncidents(query, after, limit + 1);
  const items = page.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: page.length > limit ? encodeCursor(`${last.disclosedAt ?? ''}|${last.id}`, 'position') : null };
}

/** One incident id, or null when it never existed. */
export async function lookupIncident(store: RecordStore, id: string): Promise<IncidentLookup | null> {
  return store.getIncident(id);
}

/** Every live incident matching `query`, newest first, a page at a time (for aggregates such as a timeline). */
export { scanIncidents } from '../store/export-records';
