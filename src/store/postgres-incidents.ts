import type pg from 'pg';
import type { BreachRecord } from '../types';
import { groupKeyOf, type IncidentWrite, movedTo, planIncidents, type StoredIncidentRow } from './incident-plan';
import { browseSql, changesSql, countSql, INCIDENT_ROW, incidentJson, type IncidentRow, toChange, toCount, toLookup } from './incident-rows';
import { numberPlaceholders } from './record-filter';
import type { IncidentChange, IncidentCount, IncidentJson, IncidentLookup, IncidentPosition, RecordQuery } from './record-store';

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * Re-merges the groups a write touched, inside the write transaction: one read of their records,
 * one of their stored rows, and one batched write of what changed.
 */
export async function refreshIncidents(client: Queryable, groups: Iterable<string>): Promise<void> {
  const keys = [...new Set(groups)].sort();
  if (!keys.length) return;
  const orgKeys = keys.filter((g) => g.startsWith('org:')).map((g) => g.slice(4));
  const unnamed = keys.filter((g) => g.startsWith('record:')).map((g) => g.slice(7));
  const records = await client.query<{ json: BreachRecord }>(
    'SELECT json FROM records WHERE NOT deleted AND (org_key = ANY($1::text[]) OR (org_key IS NULL AND id = ANY($2::text[])))', [orgKeys, unnamed]);
  const byGroup = new Map<string, BreachRecord[]>(keys.map((k) => [k, []]));
  for (const { json } of records.rows) byGroup.get(groupKeyOf(json))?.push(json);
  const rows = await client.query<StoredIncidentRow & { groupKey: string }>(
    'SELECT id, group_key AS "groupKey", state, merged_into AS "mergedInto", members, digest FROM incidents WHERE group_key = ANY($1::text[])', [keys]);
  const storedByGroup = new Map<string, StoredIncidentRow[]>(keys.map((k) => [k, []]));
  for (const row of rows.rows) storedByGroup.get(row.groupKey)?.push(row);
  const writes = keys.flatMap((k) => planIncidents(k, byGroup.get(k)!, storedByGroup.get(k)!));
  await writeIncidents(client, writes);
  // Records re-extracted under another organization: their old incident points to where they went.
  const moved: IncidentWrite[] = [];
  for (const d of writes) {
    if (d.state !== 'deleted') continue;
    const { rows: candidates } = await client.query<{ id: string; groupKey: string; members: string[] }>(
      `SELECT id, group_key AS "groupKey", members FROM incidents WHERE state = 'live' AND group_key IN (
        SELECT CASE WHEN org_key IS NULL THEN 'record:' || id ELSE 'org:' || org_key END FROM records WHERE NOT deleted AND id = ANY($1::text[]))`, [d.members]);
    const pointer = movedTo(d, candidates);
    if (pointer) moved.push(pointer);
  }
  await writeIncidents(client, moved);
}

async function writeIncidents(client: Queryable, writes: IncidentWrite[]): Promise<void> {
  const live = writes.filter((w) => w.state === 'live');
  if (live.length) {
    // One JSON array parameter, parsed once by PostgreSQL (see upsertRecords).
    const rows = live.map((w) => ({ id: w.id, groupKey: w.groupKey, members: w.members, digest: w.digest, json: w.json, ...w.columns }));
    await client.query(`
      INSERT INTO incidents (id, group_key, seq, state, members, digest, json, org_key, org_name, breach_date, disclosed_at,
        disclosed_sort, affected_count, data_types)
      SELECT r->>'id', r->>'groupKey', nextval('incidents_seq'), 'live', r->'members', r->>'digest', r->>'json', r->>'orgKey', r->>'orgName',
        r->>'breachDate', r->>'disclosedAt', r->>'disclosedSort', (r->>'affectedCount')::bigint, r->>'dataTypes'
      FROM (SELECT r FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(r, n) ORDER BY n) AS rows
      ON CONFLICT (id) DO UPDATE SET group_key = excluded.group_key, seq = excluded.seq, state = 'live', merged_into = NULL,
        members = excluded.members, digest = excluded.digest, json = excluded.json, org_key = excluded.org_key,
        org_name = excluded.org_name, breach_date = excluded.breach_date, disclosed_at = excluded.disclosed_at,
        disclosed_sort = excluded.disclosed_sort, affected_count = excluded.affected_count, data_types = excluded.data_types,
        updated_at = now()`, [JSON.stringify(rows)]);
  }
  const tombstones = writes.filter((w) => w.state !== 'live');
  if (tombstones.length) {
    // A tombstone keeps its last filter columns, so a filtered change feed still shows it.
    await client.query(`
      UPDATE incidents SET seq = nextval('incidents_seq'), state = t.state, merged_into = t.merged_into,
        group_key = coalesce(t.group_key, incidents.group_key), updated_at = now()
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(id, state, merged_into, group_key) WHERE incidents.id = t.id`,
    [tombstones.map((w) => w.id), tombstones.map((w) => w.state), tombstones.map((w) => (w.state === 'merged' ? w.mergedInto : null)),
      tombstones.map((w) => (w.state === 'merged' ? w.groupKey ?? null : null))]);
  }
}

/** Builds every group's incidents from the records (a store migrated from before incidents were kept). */
export async function rebuildIncidents(client: Queryable): Promise<void> {
  const { rows } = await client.query<{ g: string }>(`SELECT DISTINCT CASE WHEN org_key IS NULL THEN 'record:' || id ELSE 'org:' || org_key END AS g
    FROM records WHERE NOT deleted`);
  for (let i = 0; i < rows.length; i += 500) await refreshIncidents(client, rows.slice(i, i + 500).map((r) => r.g));
  await client.query(`UPDATE store_meta SET value = '1' WHERE key = 'incidents_built'`);
}

export async function browseIncidents(client: Queryable, query: RecordQuery, after: IncidentPosition | null, limit: number): Promise<IncidentJson[]> {
  const { sql, params } = browseSql(query, after, limit);
  return (await client.query<IncidentRow>(numberPlaceholders(sql), params)).rows.map(incidentJson);
}

export async function pageIncidentChanges(client: Queryable, query: RecordQuery, afterSeq: number, limit: number): Promise<IncidentChange[]> {
  const { sql, params } = changesSql(query, afterSeq, limit);
  return (await client.query<IncidentRow>(numberPlaceholders(sql), params)).rows.map(toChange);
}

export async function countIncidents(client: Queryable, query: RecordQuery): Promise<IncidentCount[]> {
  const { sql, params } = countSql(query);
  return (await client.query<{ month: string | null; data_types: string; n: string }>(numberPlaceholders(sql), params)).rows.map(toCount);
}

export async function getIncident(client: Queryable, id: string): Promise<IncidentLookup | null> {
  const { rows } = await client.query<IncidentRow>(`${INCIDENT_ROW} WHERE id = $1`, [id]);
  return rows[0] ? toLookup(rows[0]) : null;
}
