import { createHash } from 'node:crypto';
import type { BreachRecord } from '../types';
import { mergeIncidents, type MergedIncident } from './merge-incidents';
import { dataTypesColumn } from './record-filter';

// Incidents are kept on write, one organization (a "group") at a time: every write re-merges the
// groups it touched, from their current records, and compares the result with the stored rows.
// The live incidents are what mergeIncidents gives for the records, whatever order they came in;
// an id that stops being live stays as a tombstone, pointing at the incident that holds most of
// its last sources (merged), or saying it is gone (deleted).

/** The group of a record: its organization key; an unnamed victim is a group of its own. */
export function groupKeyOf(r: BreachRecord): string {
  return groupKeyOfRow(r.id, r.organization?.key ?? null);
}

/** The group of a stored record row, from its id and organization key column. */
export function groupKeyOfRow(id: string, orgKey: string | null): string {
  return orgKey === null ? `record:${id}` : `org:${orgKey}`;
}

export type IncidentState = 'live' | 'merged' | 'deleted';

/** What the store keeps of an incident row to plan the next change. */
export interface StoredIncidentRow {
  id: string;
  state: IncidentState;
  mergedInto: string | null;
  /** The record ids of its sources when it was last live. */
  members: string[];
  /** Digest of the live incident's JSON: a re-merge that changes nothing writes nothing. */
  digest: string | null;
}

/** One row to write; the store gives it the next change sequence number. */
export type IncidentWrite =
  | { state: 'live'; id: string; groupKey: string; incident: MergedIncident; json: string; digest: string; members: string[]; columns: IncidentColumns }
  | { state: 'merged'; id: string; mergedInto: string; /** moves the row to its target's group */ groupKey?: string }
  | { state: 'deleted'; id: string; /** its last sources, to look for them in other groups (see movedTo) */ members: string[] };

/** The filter and sort columns of a live incident (the same names and forms as the records'). */
export interface IncidentColumns {
  orgKey: string | null;
  orgName: string | null;
  breachDate: string | null;
  disclosedAt: string | null;
  /** disclosedAt, or '' when unknown: the newest-first order's key, never null. */
  disclosedSort: string;
  affectedCount: number | null;
  dataTypes: string;
}

/** The rows to write so that the group's stored incidents match its current live records. */
export function planIncidents(groupKey: string, records: readonly BreachRecord[], stored: readonly StoredIncidentRow[]): IncidentWrite[] {
  const incidents = mergeIncidents(records);
  const byId = new Map(stored.map((row) => [row.id, row]));
  const writes: IncidentWrite[] = [];
  const memberOf = new Map<string, string>();
  for (const incident of incidents) {
    const members = incident.sources.map((s) => s.recordId);
    for (const m of members) memberOf.set(m, incident.id);
    const json = JSON.stringify(incident);
    const digest = createHash('sha1').update(json).digest('hex');
    const before = byId.get(incident.id);
    if (before?.state === 'live' && before.digest === digest) continue;
    writes.push({ state: 'live', id: incident.id, groupKey, incident, json, digest, members, columns: columnsOf(incident) });
  }
  const live = new Set(incidents.map((i) => i.id));
  for (const row of stored) {
    if (live.has(row.id)) continue;
    const target = mostSharedIncident(row.members, memberOf);
    if (target) {
      if (row.state !== 'merged' || row.mergedInto !== target) writes.push({ state: 'merged', id: row.id, mergedInto: target });
    } else if (row.state !== 'deleted') {
      writes.push({ state: 'deleted', id: row.id, members: row.members });
    }
  }
  return writes;
}

/**
 * Where an incident deleted from its group went, when its records now belong to another
 * organization (re-extracted under another name): the pointer to the live incident, among
 * `candidates` (the live incidents of the groups its records are in now), holding most of them.
 */
export function movedTo(deleted: { id: string; members: string[] }, candidates: { id: string; groupKey: string; members: string[] }[]): IncidentWrite | null {
  const memberOf = new Map<string, string>();
  for (const c of candidates) for (const m of c.members) memberOf.set(m, c.id);
  const target = mostSharedIncident(deleted.members, memberOf);
  return target ? { state: 'merged', id: deleted.id, mergedInto: target, groupKey: candidates.find((c) => c.id === target)!.groupKey } : null;
}

/** The live incident holding most of `members`; ties to the smaller id, so the choice is deterministic. */
function mostSharedIncident(members: string[], memberOf: Map<string, string>): string | null {
  const shared = new Map<string, number>();
  for (const m of members) {
    const id = memberOf.get(m);
    if (id) shared.set(id, (shared.get(id) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const [id, n] of shared) if (!best || n > best[1] || (n === best[1] && id < best[0])) best = [id, n];
  return best?.[0] ?? null;
}

function columnsOf(i: MergedIncident): IncidentColumns {
  return {
    orgKey: i.organization?.key ?? null,
    orgName: i.organization?.name ?? null,
    breachDate: i.breachDate?.value ?? null,
    disclosedAt: i.disclosedAt,
    disclosedSort: i.disclosedAt ?? '',
    affectedCount: i.affectedCount?.value ?? null,
    dataTypes: dataTypesColumn(i.dataTypes.map((d) => d.type)),
  };
}
