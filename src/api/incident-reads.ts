import { filterIncidents, loadIncidents } from '../store/export-records';
import type { MergedIncident } from '../store/merge-incidents';
import type { RecordQuery, RecordStore } from '../store/record-store';

// The incident reads that the API routes and the web pages share (one query path for both).
// TEMPORARY implementation over per-request merging; issue 12 replaces the bodies with the stored
// incidents table, keeping these signatures.

/** What an incident id answers: the incident, the incident it merged into, or that it was deleted. */
export type IncidentLookup =
  | { state: 'live'; incident: MergedIncident }
  | { state: 'merged'; id: string; mergedInto: string }
  | { state: 'deleted'; id: string };

/** Live incidents matching `query`, newest disclosure first; `cursor` is the previous page's nextCursor. */
export async function browseIncidents(store: RecordStore, query: RecordQuery, cursor: string | undefined, limit: number):
Promise<{ items: MergedIncident[]; nextCursor: string | null }> {
  const all = filterIncidents(await loadIncidents(store, { org: query.org }), query).sort(newestFirst);
  const start = cursor ? all.findIndex((i) => i.id === cursor) + 1 : 0;
  const items = all.slice(start, start + limit);
  return { items, nextCursor: start + limit < all.length ? items[items.length - 1].id : null };
}

/** One incident id, or null when it never existed. */
export async function lookupIncident(store: RecordStore, id: string): Promise<IncidentLookup | null> {
  const incident = (await loadIncidents(store)).find((i) => i.id === id);
  return incident ? { state: 'live', incident } : null;
}

/** Every live incident matching `query`, in no particular order (for aggregates such as a timeline). */
export async function* scanIncidents(store: RecordStore, query: RecordQuery): AsyncGenerator<MergedIncident> {
  yield* filterIncidents(await loadIncidents(store, { org: query.org }), query);
}

function newestFirst(a: MergedIncident, b: MergedIncident): number {
  return (b.disclosedAt ?? '').localeCompare(a.disclosedAt ?? '') || a.id.localeCompare(b.id);
}
