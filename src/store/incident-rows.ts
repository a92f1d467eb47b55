import type { IncidentState } from './incident-plan';
import { recordFilter } from './record-filter';
import type { IncidentChange, IncidentCount, IncidentJson, IncidentLookup, IncidentPosition, RecordQuery } from './record-store';

// The incident reads of both stores, as SQL with `?` placeholders (PostgreSQL numbers them).

/** An incidents row as both stores read it back. */
export interface IncidentRow {
  id: string;
  seq: number | string;
  state: IncidentState;
  merged_into: string | null;
  json: string | null;
  disclosed_sort: string;
  digest: string | null;
}

export function toChange(row: IncidentRow): IncidentChange {
  const seq = Number(row.seq);
  if (row.state === 'live') return { seq, incident: incidentJson(row) };
  return { seq, tombstone: row.state === 'merged' ? { id: row.id, mergedInto: row.merged_into! } : { id: row.id, deleted: true } };
}

export function toLookup(row: IncidentRow): IncidentLookup {
  if (row.state === 'live') return { state: 'live', incident: incidentJson(row) };
  return row.state === 'merged' ? { state: 'merged', id: row.id, mergedInto: row.merged_into! } : { state: 'deleted', id: row.id };
}

export function incidentJson(row: { id: string; disclosed_sort: string; json: string | null; digest: string | null }): IncidentJson {
  return { id: row.id, disclosedAt: row.disclosed_sort, json: row.json!, digest: row.digest! };
}

export const INCIDENT_ROW = 'SELECT id, seq, state, merged_into, disclosed_sort, json, digest FROM incidents';

/** Live incidents matching `query`, newest disclosure first (then by id, descending), after `after`. */
export function browseSql(query: RecordQuery, after: IncidentPosition | null, limit: number): { sql: string; params: unknown[] } {
  const { where, params } = recordFilter(query);
  const clauses = [`state = 'live'`, ...(where ? [where.replace(/^WHERE /, '')] : [])];
  if (after) {
    // A row-value comparison, so both stores seek in the index instead of scanning up to the page.
    clauses.push('(disclosed_sort, id) < (?, ?)');
    params.push(after.disclosedAt, after.id);
  }
  return { sql: `SELECT id, disclosed_sort, json, digest FROM incidents WHERE ${clauses.join(' AND ')} ORDER BY disclosed_sort DESC, id DESC LIMIT ?`, params: [...params, limit] };
}

/** Live incidents matching `query` counted by disclosure month and type set; rows `{month, data_types, n}`. */
export function countSql(query: RecordQuery): { sql: string; params: unknown[] } {
  const { where, params } = recordFilter(query);
  return {
    sql: `SELECT substr(disclosed_at, 1, 7) AS month, data_types, count(*) AS n FROM incidents
      WHERE state = 'live'${where ? ` AND ${where.replace(/^WHERE /, '')}` : ''} GROUP BY 1, 2`,
    params,
  };
}

export function toCount(row: { month: string | null; data_types: string; n: number | string }): IncidentCount {
  return {
    month: row.month && /^\d{4}-\d{2}$/.test(row.month) ? row.month : null,
    types: row.data_types.split(',').filter(Boolean),
    incidents: Number(row.n),
  };
}

/** Incident rows (live and tombstones) matching `query` after `afterSeq`, in change order. */
export function changesSql(query: RecordQuery, afterSeq: number, limit: number): { sql: string; params: unknown[] } {
  const { where, params } = recordFilter(query);
  return { sql: `${INCIDENT_ROW} ${where ? `${where} AND` : 'WHERE'} seq > ? ORDER BY seq LIMIT ?`, params: [...params, afterSeq, limit] };
}
