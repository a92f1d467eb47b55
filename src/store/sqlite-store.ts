import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from '../errors';
import type { BreachRecord } from '../types';
import { storeFailureKind } from './store-failure-kind';
import { recordColumns, recordFilter } from './record-filter';
import { groupKeyOf, groupKeyOfRow } from './incident-plan';
import {
  failureStageOf, type ArticleOutcome, type ArticleStatus, type FeedState, type ImportItem, type IncidentChange, type IncidentCount, type IncidentJson, type IncidentLookup,
  type IncidentPosition, type RecordChange, type RecordQuery, type RecordStore, type StoreCounts, type StoredRecord,
} from './record-store';
import { SqliteIncidents } from './sqlite-incidents';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';

/** Opens (creating on first use) the SQLite store at `file`. */
export function openSqliteStore(file: string): SqliteStore {
  let db: Database.Database;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file);
    db.pragma('busy_timeout = 5000'); // first: other processes may be opening the same file
    db.pragma('journal_mode = WAL'); // readers (records, serve) do not block the runner
    db.pragma('synchronous = NORMAL'); // with WAL: durable across crashes of the process, fast commits
    db.pragma('foreign_keys = ON');
    migrate(db);
    const incidents = new SqliteIncidents(db);
    const built = db.prepare(`SELECT value FROM store_meta WHERE key = 'incidents_built'`).pluck();
    // Once, for records stored before incidents were kept; re-checked under the write lock.
    if (built.get() !== '1') db.transaction(() => { if (built.get() !== '1') incidents.rebuildAll(); }).immediate();
  } catch (err) {
    throw new StoreError(`store: cannot open SQLite database ${file}: ${(err as Error).message}`, { cause: err, kind: 'permanent' });
  }
  return new SqliteStore(db, file);
}

function migrate(db: Database.Database): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  // Each step under the write lock, re-checking the version: workers starting together race to migrate.
  const step = db.transaction((v: number) => {
    if (version() !== v) return;
    db.exec(SQLITE_MIGRATIONS[v]);
    db.pragma(`user_version = ${v + 1}`);
  });
  for (let v = version(); v < SQLITE_MIGRATIONS.length; v = version()) step.immediate(v);
}

/** A record filter's WHERE clause, narrowed to records that are not tombstones. */
function live(where: string): string {
  return where ? `${where} AND deleted = 0` : 'WHERE deleted = 0';
}

const FEED_STATE_SELECT = `SELECT feed_id AS feedId, etag, last_modified AS lastModified, last_polled_at AS lastPolledAt,
  last_error AS lastError, consecutive_failures AS consecutiveFailures FROM feed_state`;

export class SqliteStore implements RecordStore {
  private closing?: Promise<void>;
  private readonly incidents: SqliteIncidents;
  private readonly saveTx: Database.Transaction<(outcome: ArticleOutcome, records: BreachRecord[]) => void>;
  private readonly importBatch: (items: ImportItem[], touched: Set<string>) => void;
  /** Asked once or twice per feed item: prepared once. */
  private readonly statusByAnyKey: Database.Statement<{ key: string }, { status: ArticleStatus }>;

  constructor(private readonly db: Database.Database, readonly location: string) {
    this.incidents = new SqliteIncidents(db);
    this.statusByAnyKey = db.prepare(`SELECT status FROM articles WHERE key = @key OR url_key = @key OR guid_key = @key
      ORDER BY status = 'failed' LIMIT 1`);
    const upsertArticle = db.prepare(`
      INSERT INTO articles (key, url_key, guid_key, url, canonical_url, feed, status, reason, failure_stage, record_count, first_seen_at, updated_at)
      VALUES (@key, @urlKey, @guidKey, @url, @canonicalUrl, @feed, @status, @reason, @failureStage, @recordCount, @now, @now)
      ON CONFLICT(key) DO UPDATE SET url = excluded.url, canonical_url = excluded.canonical_url,
        guid_key = COALESCE(excluded.guid_key, articles.guid_key), feed = COALESCE(articles.feed, excluded.feed), status = excluded.status, reason = excluded.reason,
        failure_stage = excluded.failure_stage, record_count = excluded.record_count, updated_at = excluded.updated_at`);
    // An imported record's article: known ones keep their verdict; the count is recounted after.
    const ensureArticle = db.prepare(`
      INSERT INTO articles (key, url_key, url, canonical_url, feed, status, record_count, first_seen_at, updated_at)
      VALUES (@key, @key, @url, @canonicalUrl, @feed, 'breach', 0, @now, @now) ON CONFLICT(key) DO NOTHING`);
    const recountArticle = db.prepare(`UPDATE articles SET record_count = (SELECT count(*) FROM records WHERE article_key = @key AND deleted = 0),
      status = 'breach', reason = NULL, failure_stage = NULL, updated_at = @now WHERE key = @key`);
    // seq: writes are serialized in SQLite, so max + 1 inside the transaction is unique and ordered.
    // A changed (or revived) record moves to the end, so incremental readers see the change.
    const upsertRecord = db.prepare(`
      INSERT INTO records (id, seq, article_key, org_key, org_name, breach_date, disclosed_at, affected_count, data_types, json, stored_at, updated_at)
      VALUES (@id, (SELECT coalesce(max(seq), 0) + 1 FROM records), @articleKey, @orgKey, @orgName, @breachDate,
        @disclosedAt, @affectedCount, @dataTypes, @json, @now, @now)
      ON CONFLICT(id) DO UPDATE SET seq = CASE WHEN records.json <> excluded.json OR records.deleted THEN excluded.seq ELSE records.seq END,
        deleted = 0, org_key = excluded.org_key, org_name = excluded.org_name,
        breach_date = excluded.breach_date, disclosed_at = excluded.disclosed_at, affected_count = excluded.affected_count,
        data_types = excluded.data_types, json = excluded.json, updated_at = excluded.updated_at`);
    const liveRecordsOf = db.prepare('SELECT id, org_key AS orgKey FROM records WHERE article_key = ? AND deleted = 0');
    const groupOfRecord = db.prepare('SELECT org_key AS orgKey FROM records WHERE id = ? AND deleted = 0');
    const statusOf = db.prepare('SELECT status FROM articles WHERE key = ?').pluck();
    // A deleted record stays as a tombstone at the end of the change order.
    const deleteRecord = db.prepare('UPDATE records SET deleted = 1, seq = (SELECT max(seq) + 1 FROM records), updated_at = ? WHERE id = ?');
    const writeRecord = (articleKey: string, r: BreachRecord, now: string) => upsertRecord.run({ ...recordColumns(r), articleKey, json: JSON.stringify(r), now });

    this.saveTx = db.transaction((outcome: ArticleOutcome, records: BreachRecord[]) => {
      const now = new Date().toISOString();
      // A failed attempt must not overwrite the verdict (and records) of an earlier success.
      const previous = statusOf.get(outcome.key) as ArticleStatus | undefined;
      if (outcome.status === 'failed' && previous && previous !== 'failed') return;
      upsertArticle.run({ ...outcome, guidKey: outcome.guidKey ?? null, failureStage: failureStageOf(outcome), recordCount: records.length, now });
      const keep = new Set(records.map((r) => r.id));
      const touched = new Set(records.map(groupKeyOf));
      // Re-extraction may yield fewer incidents: the article's records that no longer exist become tombstones.
      for (const old of liveRecordsOf.all(outcome.key) as { id: string; orgKey: string | null }[]) {
        touched.add(groupKeyOfRow(old.id, old.orgKey));
        if (!keep.has(old.id)) deleteRecord.run(now, old.id);
      }
      for (const r of records) writeRecord(outcome.key, r, now);
      this.incidents.refresh(touched);
    });

    this.importBatch = (items, touched) => {
      const now = new Date().toISOString();
      const articles = new Set<string>();
      for (const { articleKey, record: r } of items) {
        ensureArticle.run({ key: articleKey, url: r.article.url, canonicalUrl: r.article.canonicalUrl, feed: r.article.feed, now });
        const before = groupOfRecord.get(r.id) as { orgKey: string | null } | undefined;
        if (before) touched.add(groupKeyOfRow(r.id, before.orgKey));
        touched.add(groupKeyOf(r));
        articles.add(articleKey);
        writeRecord(articleKey, r, now);
      }
      for (const key of articles) recountArticle.run({ key, now });
    };
  }

  async saveArticle(outcome: ArticleOutcome, records: BreachRecord[]): Promise<void> {
    // IMMEDIATE: take the write lock up front, so a second writer waits out busy_timeout instead of failing at once.
    this.write(() => this.saveTx.immediate(outcome, records));
  }

  async importRecords(batches: AsyncIterable<ImportItem[]> | Iterable<ImportItem[]>): Promise<number> {
    // A transaction across awaits: this connection is the importer's alone while it runs.
    const touched = new Set<string>();
    let count = 0;
    this.write(() => this.db.exec('BEGIN IMMEDIATE'));
    try {
      for await (const items of batches) {
        this.write(() => this.importBatch(items, touched));
        count += items.length;
      }
      this.write(() => {
        this.incidents.refresh(touched);
        this.db.exec('COMMIT');
      });
    } finally {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    }
    return count;
  }

  /** Runs a write; any failure is one StoreError naming the file. */
  private write<T>(work: () => T): T {
    try {
      return work();
    } catch (err) {
      throw new StoreError(`store: cannot write to ${this.location}: ${(err as Error).message}`, { cause: err, kind: storeFailureKind(err) });
    }
  }

  async getArticleStatus(key: string): Promise<ArticleStatus | null> {
    // An article is known by its canonical key, or the key of the feed link or GUID that led to it.
    return this.statusByAnyKey.get({ key })?.status ?? null;
  }

  async listRecords(query: RecordQuery = {}): Promise<BreachRecord[]> {
    const { where, params } = recordFilter(query);
    const rows = this.db.prepare(`SELECT json FROM records ${live(where)} ORDER BY disclosed_at DESC, id LIMIT ?`)
      .all(...params, query.limit ?? -1) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as BreachRecord);
  }

  async pageRecords(query: RecordQuery, afterSeq: number, limit: number): Promise<StoredRecord[]> {
    const { where, params } = recordFilter(query);
    const rows = this.db.prepare(`SELECT seq, json FROM records ${live(where)} AND seq > ? ORDER BY seq LIMIT ?`)
      .all(...params, afterSeq, limit) as { seq: number; json: string }[];
    return rows.map((r) => ({ seq: r.seq, record: JSON.parse(r.json) as BreachRecord }));
  }

  async pageRecordChanges(query: RecordQuery, afterSeq: number, limit: number): Promise<RecordChange[]> {
    const { where, params } = recordFilter(query);
    const rows = this.db.prepare(`SELECT id, seq, deleted, json FROM records ${where ? `${where} AND` : 'WHERE'} seq > ? ORDER BY seq LIMIT ?`)
      .all(...params, afterSeq, limit) as { id: string; seq: number; deleted: number; json: string }[];
    return rows.map((r) => (r.deleted ? { seq: r.seq, tombstone: { id: r.id, deleted: true } } : { seq: r.seq, record: JSON.parse(r.json) as BreachRecord }));
  }

  async browseIncidents(query: RecordQuery, after: IncidentPosition | null, limit: number): Promise<IncidentJson[]> {
    return this.incidents.browse(query, after, limit);
  }

  async pageIncidentChanges(query: RecordQuery, afterSeq: number, limit: number): Promise<IncidentChange[]> {
    return this.incidents.changes(query, afterSeq, limit);
  }

  async getIncident(id: string): Promise<IncidentLookup | null> {
    return this.incidents.get(id);
  }

  async countIncidents(query: RecordQuery): Promise<IncidentCount[]> {
    return this.incidents.count(query);
  }

  async getRecord(id: string): Promise<BreachRecord | null> {
    const row = this.db.prepare('SELECT json FROM records WHERE id = ? AND deleted = 0').get(id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as BreachRecord) : null;
  }

  async getFeedState(feedId: string): Promise<FeedState | null> {
    const row = this.db.prepare(`${FEED_STATE_SELECT} WHERE feed_id = ?`).get(feedId) as FeedState | undefined;
    return row ?? null;
  }

  async listFeedStates(): Promise<FeedState[]> {
    return this.db.prepare(`${FEED_STATE_SELECT} ORDER BY feed_id`).all() as FeedState[];
  }

  async saveFeedState(s: FeedState): Promise<void> {
    this.db.prepare(`INSERT INTO feed_state (feed_id, etag, last_modified, last_polled_at, last_error, consecutive_failures)
      VALUES (@feedId, @etag, @lastModified, @lastPolledAt, @lastError, @consecutiveFailures)
      ON CONFLICT(feed_id) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
        last_polled_at = excluded.last_polled_at, last_error = excluded.last_error,
        consecutive_failures = excluded.consecutive_failures`).run(s);
  }

  async counts(): Promise<StoreCounts> {
    const articles: Record<ArticleStatus, number> = { breach: 0, no_incident: 0, failed: 0 };
    for (const row of this.db.prepare('SELECT status, count(*) AS n FROM articles GROUP BY status').all() as { status: ArticleStatus; n: number }[]) {
      articles[row.status] = row.n;
    }
    const records = (this.db.prepare('SELECT count(*) AS n FROM records WHERE deleted = 0').get() as { n: number }).n;
    const failuresByStage: Record<string, number> = {};
    for (const row of this.db.prepare(`SELECT COALESCE(failure_stage, 'other') AS stage, count(*) AS n
        FROM articles WHERE status = 'failed' GROUP BY stage`).all() as { stage: string; n: number }[]) {
      failuresByStage[row.stage] = row.n;
    }
    return { articles, records, incidents: this.incidents.countLive(), failuresByStage };
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  close(): Promise<void> {
    this.closing ??= Promise.resolve().then(() => {
      if (this.db.open) this.db.close();
    });
    return this.closing;
  }
}
