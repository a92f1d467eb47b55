import type Database from 'better-sqlite3';
import type { BreachRecord } from '../types';
import { type IncidentWrite, movedTo, planIncidents, type StoredIncidentRow } from './incident-plan';
import { browseSql, changesSql, countSql, INCIDENT_ROW, incidentJson, type IncidentRow, toChange, toCount, toLookup } from './incident-rows';
import type { IncidentChange, IncidentCount, IncidentJson, IncidentLookup, IncidentPosition, RecordQuery } from './record-store';

/** The incidents table of the SQLite store: kept up to date inside the store's write transactions. */
export class SqliteIncidents {
  private readonly recordsOfOrg: Database.Statement;
  private readonly unnamedRecord: Database.Statement;
  private readonly rowsOfGroup: Database.Statement;
  private readonly upsertLive: Database.Statement;
  private readonly setTombstone: Database.Statement;
  private readonly liveIncidentsOfRecords: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.recordsOfOrg = db.prepare('SELECT json FROM records WHERE org_key = ? AND deleted = 0').pluck();
    this.unnamedRecord = db.prepare('SELECT json FROM records WHERE id = ? AND org_key IS NULL AND deleted = 0').pluck();
    this.rowsOfGroup = db.prepare('SELECT id, state, merged_into AS mergedInto, members, digest FROM incidents WHERE group_key = ?');
    const nextSeq = '(SELECT coalesce(max(seq), 0) + 1 FROM incidents)';
    this.upsertLive = db.prepare(`
      INSERT INTO incidents (id, group_key, seq, state, merged_into, members, digest, json, org_key, org_name, breach_date,
        disclosed_at, disclosed_sort, affected_count, data_types, updated_at)
      VALUES (@id, @groupKey, ${nextSeq}, 'live', NULL, @members, @digest, @json, @orgKey, @orgName, @breachDate,
        @disclosedAt, @disclosedSort, @affectedCount, @dataTypes, @now)
      ON CONFLICT(id) DO UPDATE SET group_key = excluded.group_key, seq = excluded.seq, state = 'live', merged_into = NULL,
        members = excluded.members, digest = excluded.digest, json = excluded.json, org_key = excluded.org_key,
        org_name = excluded.org_name, breach_date = excluded.breach_date, disclosed_at = excluded.disclosed_at,
        disclosed_sort = excluded.disclosed_sort, affected_count = excluded.affected_count, data_types = excluded.data_types,
        updated_at = excluded.updated_at`);
    // A tombstone keeps its last filter columns, so a filtered change feed still shows it.
    this.setTombstone = db.prepare(`UPDATE incidents SET seq = ${nextSeq}, state = @state, merged_into = @mergedInto,
      group_key = coalesce(@groupKey, group_key), updated_at = @now WHERE id = @id`);
    this.liveIncidentsOfRecords = db.prepare(`SELECT id, group_key AS groupKey, members FROM incidents WHERE state = 'live' AND group_key IN (
      SELECT CASE WHEN org_key IS NULL THEN 'record:' || id ELSE 'org:' || org_key END FROM records WHERE deleted = 0 AND id IN (SELECT value FROM json_each(?)))`);
  }

  /** Re-merges the groups a write touched; call inside the write transaction. */
  refresh(groups: Iterable<string>): void {
    const now = new Date().toISOString();
    const deleted: { id: string; members: string[] }[] = [];
    for (const group of [...new Set(groups)].sort()) {
      const jsons = (group.startsWith('org:') ? this.recordsOfOrg.all(group.slice(4)) : this.unnamedRecord.all(group.slice(7))) as string[];
      const records = jsons.map((j) => JSON.parse(j) as BreachRecord);
      const stored = (this.rowsOfGroup.all(group) as (Omit<StoredIncidentRow, 'members'> & { members: string })[])
        .map((r) => ({ ...r, members: JSON.parse(r.members) as string[] }));
      for (const w of planIncidents(group, records, stored)) {
        this.write(w, now);
        if (w.state === 'deleted') deleted.push(w);
      }
    }
    // Records re-extracted under another organization: their old incident points to where they went.
    for (const d of deleted) {
      const candidates = (this.liveIncidentsOfRecords.all(JSON.stringify(d.members)) as { id: string; groupKey: string; members: string }[])
        .map((c) => ({ ...c, members: JSON.parse(c.members) as string[] }));
      const pointer = movedTo(d, candidates);
      if (pointer) this.write(pointer, now);
    }
  }

  /** Builds every group's incidents from the records (a store migrated from before incidents were kept). */
  rebuildAll(): void {
    const groups = this.db.prepare(`SELECT DISTINCT CASE WHEN org_key IS NULL THEN 'record:' || id ELSE 'org:' || org_key END
      FROM records WHERE deleted = 0`).pluck().all() as string[];
    this.refresh(groups);
    this.db.prepare(`UPDATE store_meta SET value = '1' WHERE key = 'incidents_built'`).run();
  }

  private write(w: IncidentWrite, now: string): void {
    if (w.state === 'live') {
      this.upsertLive.run({ id: w.id, groupKey: w.groupKey, members: JSON.stringify(w.members), digest: w.digest, json: w.json, ...w.columns, now });
    } else {
      this.setTombstone.run({ id: w.id, state: w.state, mergedInto: w.state === 'merged' ? w.mergedInto : null, groupKey: w.state === 'merged' ? w.groupKey ?? null : null, now });
    }
  }

  browse(query: RecordQuery, after: IncidentPosition | null, limit: number): IncidentJson[] {
    const { sql, params } = browseSql(query, after, limit);
    return (this.db.prepare(sql).all(...params) as IncidentRow[]).map(incidentJson);
  }

  changes(query: RecordQuery, afterSeq: number, limit: number): IncidentChange[] {
    const { sql, params } = changesSql(query, afterSeq, limit);
    return (this.db.prepare(sql).all(...params) as IncidentRow[]).map(toChange);
  }

  get(id: string): IncidentLookup | null {
    const row = this.db.prepare(`${INCIDENT_ROW} WHERE id = ?`).get(id) as IncidentRow | undefined;
    return row ? toLookup(row) : null;
  }

  count(query: RecordQuery): IncidentCount[] {
    const { sql, params } = countSql(query);
    return (this.db.prepare(sql).all(...params) as { month: string | null; data_types: string; n: number }[]).map(toCount);
  }

  countLive(): number {
    return this.db.prepare(`SELECT count(*) FROM incidents WHERE state = 'live'`).pluck().get() as number;
  }
}
