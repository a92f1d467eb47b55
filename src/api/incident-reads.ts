import { ApiError } from '../errors';
import type { MergedIncident } from '../store/merge-incidents';
import type { IncidentJson, RecordQuery, RecordStore } from '../store/record-store';
import { decodeCursor, encodeCursor } from './cursor';

// The incident reads that the API routes and the web pages share (one query path for both). The
// store hands incidents over as JSON text: the API sends it as is, the pages parse what they show.

/** What an incident id answers: the incident, the incident it merged into, or that it was deleted. */
export type IncidentLookup =
  | { state: 'live'; incident: MergedIncident }
  | { state: 'merged'; id: string; mergedInto: string }
  | { state: 'deleted'; id: string };

/** A page of live incidents matching `query`, newest disclosure first, as JSON text. */
export async function browseIncidentJson(store: RecordStore, query: RecordQuery, cursor: string | undefined, limit: number):
Promise<{ items: IncidentJson[]; nextCursor: string | null }> {
  const after = cursor === undefined ? null : decodeCursor(cursor, 'position');
  if (after === null && cursor !== undefined) throw new ApiError(400, 'cursor is not a cursor this API issued for the newest-first order', 'cursor');
  const page = await store.browseIncidents(query, after, limit + 1);
  const items = page.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: page.length > limit ? encodeCursor(`${last.disclosedAt}|${last.id}`, 'position') : null };
}

/** Live incidents matching `query`, newest disclosure first; `cursor` is the previous page's nextCursor. */
export async function browseIncidents(store: RecordStore, query: RecordQuery, cursor: string | undefined, limit: number):
Promise<{ items: MergedIncident[]; nextCursor: string | null }> {
  const page = await browseIncidentJson(store, query, cursor, limit);
  return { items: page.items.map(parseIncident), nextCursor: page.nextCursor };
}

/** One incident id, or null when it never existed. */
export async function lookupIncident(store: RecordStore, id: string): Promise<IncidentLookup | null> {
  const found = await store.getIncident(id);
  return found?.state === 'live' ? { state: 'live', incident: parseIncident(found.incident) } : found;
}

function parseIncident(i: IncidentJson): MergedIncident {
  return JSON.parse(i.json) as MergedIncident;
}
