import pg from 'pg';
import { formatUrl, StoreError } from '../errors';
import type { BreachRecord } from '../types';
import { storeFailureKind } from './store-failure-kind';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { numberPlaceholders, recordColumns, recordFilter } from './record-filter';
import { groupKeyOf, groupKeyOfRow } from './incident-plan';
import { browseIncidents, countIncidents, getIncident, pageIncidentChanges, rebuildIncidents, refreshIncidents } from './postgres-incidents';
import {
  failureStageOf, type ArticleOutcome, type ArticleStatus, type FeedState, type ImportItem, type IncidentChange, type IncidentCount, type IncidentJson, type IncidentLookup,
  type IncidentPosition, type RecordChange, type RecordQuery, type RecordStore, type StoreCounts, type StoredRecord,
} from './record-store';

export interface PostgresStoreOptions {
  connectionString: string;
  /** Schema (namespace) to use, created when missing; tests give each run its own. @default public */
  schema?: string;
  /** Pool size. @default 5 */
  maxConnections?: number;
}

// Serializes migrations across processes that start at once (any constant works; this spells "bfeed").
const MIGRATION_LOCK_ID = 0x62666565_64;
const SEQ_LOCK_ID = 0x62666565_65;

/** Connects, applies pending migrations, and returns the store. One clear StoreError when it cannot. */
export async function openPostgresStore(opts: PostgresStoreOptions): Promise<PostgresStore> {
  const schema = opts.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new StoreError(`store: PostgreSQL schema name '${schema}' is not a plain identifier`, { kind: 'permanent' });
  const location = formatUrl(opts.connectionString);
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.maxConnections ?? 5,
    connectionTimeoutMillis: 5_000,
    options: `-c search_path=${schema}`,
  });
  pool.on('error', () => undefined); // an idle client's error surfaces on the next query instead of crashing
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
        const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
        for (let v = rows[0].v ?? 0; v < POSTGRES_MIGRATIONS.length; v++) {
          await client.query('BEGIN');
          await client.query(POSTGRES_MIGRATIONS[v]);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
          await client.query('COMMIT');
        }
        const built = await client.query<{ value: string }>(`SELECT value FROM store_meta WHERE key = 'incidents_built'`);
        if (built.rows[0]?.value !== '1') {
          // Once, for records stored before incidents were kept (still under the migration lock).
          await client.query('BEGIN');
          await rebuildIncidents(client);
          await client.query('COMMIT');
        }
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
      }
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new StoreError(`store: cannot open PostgreSQL database ${location}: ${(err as Error).message || (err as Error).name}`, { cause: err, kind: 'permanent' });
  }
  return new PostgresStore(pool, location);
}

/** A record filter's WHERE clause, narrowed to records that are not tombstones. */
function live(where: string): string {
  return where ? `${where} AND NOT deleted` : 'WHERE NOT deleted';
}

/** The batches, the next one read while the current one is written (reading and PostgreSQL overlap). */
async function* readAhead<T>(batches: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  const it = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : (batches as Iterable<T>)[Symbol.iterator]();
  let next = Promise.resolve(it.next());
  for (;;) {
    const r = await next;
    if (r.done) return;
    next = Promise.resolve(it.next());
    next.catch(() => undefined); // surfaces at the next await; not unhandled if the write fails first
    yield r.value;
  }
}

/**
 * Upserts records in one statement; a changed (or revived) record moves to the end of the change
 * order. The rows travel as one JSON array parameter: PostgreSQL parses it once, where array
 * parameters would be escaped element by element on our side.
 */
async function upsertRecords(client: pg.PoolClient, items: ImportItem[]): Promise<void> {
  if (!items.length) return;
  const rows = items.map(({ articleKey, record }) => ({ ...recordColumns(record), articleKey, json: record }));
  await client.query(`
    INSERT INTO records (id, seq, article_key, org_key, org_name, breach_date, disclosed_at, affected_count, data_types, json)
    SELECT r->>'id', nextval('records_seq'), r->>'articleKey', r->>'orgKey', r->>'orgName', r->>'breachDate', r->>'disclosedAt',
      (r->>'affectedCount')::bigint, r->>'dataTypes', r->'json'
    FROM (SELECT r FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(r, n) ORDER BY n) AS rows
    ON CONFLICT (id) DO UPDATE SET seq = CASE WHEN records.json <> excluded.json OR records.deleted THEN excluded.seq ELSE records.seq END,
      deleted = false, org_key = excluded.org_key, org_name = excluded.org_name,
      breach_date = excluded.breach_date, disclosed_at = excluded.disclosed_at, affected_count = excluded.affected_count,
      data_types = excluded.data_types, json = excluded.json, updated_at = now()`, [JSON.stringify(rows)]);
}

const FEED_STATE_SELECT = `SELECT feed_id AS "feedId", etag, last_modified AS "lastModified", last_polled_at AS "lastPolledAt",
  last_error AS "lastError", consecutive_failures AS "consecutiveFailures" FROM feed_state`;

export class PostgresStore implements RecordStore {
  private closing?: Promise<void>;

  constructor(private readonly pool: pg.Pool, readonly location: string) {}

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (err) {
      throw new StoreError(`store: PostgreSQL ${this.location} failed: ${(err as Error).message}`, { cause: err, kind: storeFailureKind(err) });
    }
  }

  async saveArticle(outcome: ArticleOutcome, records: BreachRecord[]): Promise<void> {
    await this.transaction(async (client) => {
      // Row lock, so concurrent writers of the same article take turns.
      const prev = await client.query<{ status: ArticleStatus }>('SELECT status FROM articles WHERE key = $1 FOR UPDATE', [outcome.key]);
      const previous = prev.rows[0]?.status;
      // A failed attempt must not overwrite the verdict (and records) of an earlier success.
      if (outcome.status === 'failed' && previous && previous !== 'failed') return;
      await client.query(
        `INSERT INTO articles (key, url_key, url, canonical_url, feed, status, reason, record_count, guid_key, failure_stage)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (key) DO UPDATE SET url = excluded.url, canonical_url = excluded.canonical_url,
           guid_key = COALESCE(excluded.guid_key, articles.guid_key),
           feed = COALESCE(articles.feed, excluded.feed), status = excluded.status, reason = excluded.reason,
           failure_stage = excluded.failure_stage, record_count = excluded.record_count, updated_at = now()`,
        [outcome.key, outcome.urlKey, outcome.url, outcome.canonicalUrl, outcome.feed, outcome.status, outcome.reason, records.length, outcome.guidKey ?? null,
          failureStageOf(outcome)],
      );
      // Serializes record writers for the rest of this transaction, so seq order is commit order
      // and a cursor reader never skips a row committed late with a smaller seq.
      await client.query('SELECT pg_advisory_xact_lock($1)', [SEQ_LOCK_ID]);
      const before = await client.query<{ id: string; org_key: string | null }>('SELECT id, org_key FROM records WHERE article_key = $1 AND NOT deleted', [outcome.key]);
      // Re-extraction may yield fewer incidents: the article's records that no longer exist become tombstones.
      await client.query(`UPDATE records SET deleted = true, seq = nextval('records_seq'), updated_at = now()
        WHERE article_key = $1 AND NOT deleted AND NOT (id = ANY($2::text[]))`, [outcome.key, records.map((r) => r.id)]);
      await upsertRecords(client, records.map((record) => ({ articleKey: outcome.key, record })));
      await refreshIncidents(client, [...before.rows.map((r) => groupKeyOfRow(r.id, r.org_key)), ...records.map(groupKeyOf)]);
    });
  }

  async importRecords(batches: AsyncIterable<ImportItem[]> | Iterable<ImportItem[]>): Promise<number> {
    let count = 0;
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [SEQ_LOCK_ID]);
      const touched = new Set<string>();
      const touchedArticles = new Set<string>();
      for await (const items of readAhead(batches)) {
        const latest = [...new Map(items.map((i) => [i.record.id, i])).values()]; // one row may be written once per statement
        const before = await client.query<{ id: string; org_key: string | null }>('SELECT id, org_key FROM records WHERE id = ANY($1::text[]) AND NOT deleted',
          [latest.map((i) => i.record.id)]);
        for (const r of before.rows) touched.add(groupKeyOfRow(r.id, r.org_key));
        for (const i of latest) touched.add(groupKeyOf(i.record));
        const articles = [...new Map(latest.map((i) => [i.articleKey, i.record.article])).entries()];
        // An imported record's article: known ones keep their verdict; the count is recounted after.
        await client.query(`INSERT INTO articles (key, url_key, url, canonical_url, feed, status, record_count)
          SELECT key, key, url, canonical_url, feed, 'breach', 0 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(key, url, canonical_url, feed)
          ON CONFLICT (key) DO NOTHING`,
        [articles.map(([k]) => k), articles.map(([, a]) => a.url), articles.map(([, a]) => a.canonicalUrl), articles.map(([, a]) => a.feed)]);
        await upsertRecords(client, latest);
        for (const [key] of articles) touchedArticles.add(key);
        count += items.length;
      }
      // Once at the end, as one join: per batch, the recount grows with the table.
      await client.query(`UPDATE articles SET status = 'breach', reason = NULL, failure_stage = NULL, updated_at = now(), record_count = c.n
        FROM (SELECT article_key, count(*) AS n FROM records WHERE NOT deleted AND article_key = ANY($1::text[]) GROUP BY article_key) AS c
        WHERE articles.key = c.article_key`, [[...touchedArticles]]);
      const groups = [...touched];
      for (let i = 0; i < groups.length; i += 2000) await refreshIncidents(client, groups.slice(i, i + 2000));
    });
    return count;
  }

  /** Runs `work` in one transaction on one pooled client; any failure is one StoreError. */
  private async transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw new StoreError(`store: cannot reach PostgreSQL ${this.location}: ${(err as Error).message}`, { cause: err, kind: 'retryable' });
    }
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new StoreError(`store: cannot write to ${this.location}: ${(err as Error).message}`, { cause: err, kind: storeFailureKind(err) });
    } finally {
      client.release();
    }
  }

  async browseIncidents(query: RecordQuery, after: IncidentPosition | null, limit: number): Promise<IncidentJson[]> {
    return this.read((c) => browseIncidents(c, query, after, limit));
  }

  async pageIncidentChanges(query: RecordQuery, afterSeq: number, limit: number): Promise<IncidentChange[]> {
    return this.read((c) => pageIncidentChanges(c, query, afterSeq, limit));
  }

  async getIncident(id: string): Promise<IncidentLookup | null> {
    return this.read((c) => getIncident(c, id));
  }

  async countIncidents(query: RecordQuery): Promise<IncidentCount[]> {
    return this.read((c) => countIncidents(c, query));
  }

  /** A read on the pool; any failure is one StoreError. */
  private async read<T>(work: (pool: pg.Pool) => Promise<T>): Promise<T> {
    try {
      return await work(this.pool);
    } catch (err) {
      throw new StoreError(`store: PostgreSQL ${this.location} failed: ${(err as Error).message}`, { cause: err, kind: storeFailureKind(err) });
    }
  }

  async getArticleStatus(key: string): Promise<ArticleStatus | null> {
    const { rows } = await this.query<{ status: ArticleStatus }>(
      `SELECT status FROM articles WHERE key = $1 OR url_key = $1 OR guid_key = $1 ORDER BY status = 'failed' LIMIT 1`, [key]);
    return rows[0]?.status ?? null;
  }

  async listRecords(query: RecordQuery = {}): Promise<BreachRecord[]> {
    const { where, params } = recordFilter(query);
    const { rows } = await this.query<{ json: BreachRecord }>(
      numberPlaceholders(`SELECT json FROM records ${live(where)} ORDER BY disclosed_at DESC NULLS LAST, id LIMIT ?`),
      [...params, query.limit ?? null]);
    return rows.map((r) => r.json);
  }

  async pageRecords(query: RecordQuery, afterSeq: number, limit: number): Promise<StoredRecord[]> {
    const { where, params } = recordFilter(query);
    const { rows } = await this.query<{ seq: string; json: BreachRecord }>(
      numberPlaceholders(`SELECT seq, json FROM records ${live(where)} AND seq > ? ORDER BY seq LIMIT ?`),
      [...params, afterSeq, limit]);
    return rows.map((r) => ({ seq: Number(r.seq), record: r.json }));
  }

  async pageRecordChanges(query: RecordQuery, afterSeq: number, limit: number): Promise<RecordChange[]> {
    const { where, params } = recordFilter(query);
    const { rows } = await this.query<{ id: string; seq: string; deleted: boolean; json: BreachRecord }>(
      numberPlaceholders(`SELECT id, seq, deleted, json FROM records ${where ? `${where} AND` : 'WHERE'} seq > ? ORDER BY seq LIMIT ?`),
      [...params, afterSeq, limit]);
    return rows.map((r) => (r.deleted ? { seq: Number(r.seq), tombstone: { id: r.id, deleted: true } } : { seq: Number(r.seq), record: r.json }));
  }

  async getRecord(id: string): Promise<BreachRecord | null> {
    const { rows } = await this.query<{ json: BreachRecord }>('SELECT json FROM records WHERE id = $1 AND NOT deleted', [id]);
    return rows[0]?.json ?? null;
  }

  async getFeedState(feedId: string): Promise<FeedState | null> {
    const { rows } = await this.query<FeedState>(`${FEED_STATE_SELECT} WHERE feed_id = $1`, [feedId]);
    return rows[0] ?? null;
  }

  async listFeedStates(): Promise<FeedState[]> {
    return (await this.query<FeedState>(`${FEED_STATE_SELECT} ORDER BY feed_id`)).rows;
  }

  async saveFeedState(s: FeedState): Promise<void> {
    await this.query(
      `INSERT INTO feed_state (feed_id, etag, last_modified, last_polled_at, last_error, consecutive_failures)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (feed_id) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
         last_polled_at = excluded.last_polled_at, last_error = excluded.last_error,
         consecutive_failures = excluded.consecutive_failures`,
      [s.feedId, s.etag, s.lastModified, s.lastPolledAt, s.lastError, s.consecutiveFailures]);
  }

  async counts(): Promise<StoreCounts> {
    const articles: Record<ArticleStatus, number> = { breach: 0, no_incident: 0, failed: 0 };
    const a = await this.query<{ status: ArticleStatus; n: string }>('SELECT status, count(*) AS n FROM articles GROUP BY status');
    for (const row of a.rows) articles[row.status] = Number(row.n);
    const r = await this.query<{ n: string }>('SELECT count(*) AS n FROM records WHERE NOT deleted');
    const i = await this.query<{ n: string }>(`SELECT count(*) AS n FROM incidents WHERE state = 'live'`);
    const failuresByStage: Record<string, number> = {};
    const f = await this.query<{ stage: string; n: string }>(`SELECT COALESCE(failure_stage, 'other') AS stage, count(*) AS n
      FROM articles WHERE status = 'failed' GROUP BY 1`);
    for (const row of f.rows) failuresByStage[row.stage] = Number(row.n);
    return { articles, records: Number(r.rows[0].n), incidents: Number(i.rows[0].n), failuresByStage };
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
