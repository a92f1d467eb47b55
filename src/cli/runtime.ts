// What an entry point builds once from the settings and hands to the stages: the HTTP client
// (with its per-host limiter), the robots.txt cache, the logger, and, when the command needs
// them, the store, the Redis connections and the CPU pool. One close() releases everything.
import type { Settings } from '../config/settings';
import { HttpClient } from '../ingest/http-get';
import { RobotsCache } from '../ingest/robots';
import { createLogger, flushLogger, type Logger } from '../logger';
import { CpuPool } from '../pipeline/cpu-pool';
import { openPostgresStore } from '../store/postgres-store';
import type { RecordStore } from '../store/record-store';
import { openSqliteStore } from '../store/sqlite-store';
import { type DistributedContext, openDistributed } from '../../workers/connect';
import type { RedisRole } from '../../workers/redis';

export class Runtime {
  readonly logger: Logger;
  readonly http: HttpClient;
  readonly robots: RobotsCache;
  private readonly cleanups: (() => Promise<unknown>)[] = [];
  private closing: Promise<void> | null = null;

  /** `logFd`: 1 for the long-running processes (JSON logs are their output), 2 where stdout carries results. */
  constructor(readonly settings: Settings, name: string, logFd: 1 | 2 = 1) {
    this.logger = createLogger(name, settings.log.level, logFd);
    this.http = new HttpClient(settings.fetch);
    this.robots = new RobotsCache(this.http);
    this.cleanups.push(() => flushLogger(this.logger), () => this.http.close());
  }

  /** The store: --db (SQLite) wins, then databaseUrl (PostgreSQL), then the SQLite file of the settings. */
  async openStore(dbOption?: string): Promise<RecordStore> {
    const s = this.settings;
    const store = dbOption ? openSqliteStore(dbOption)
      : s.databaseUrl ? await openPostgresStore({ connectionString: s.databaseUrl })
      : openSqliteStore(s.sqlitePath);
    this.cleanups.push(() => store.close());
    return store;
  }

  /** The worker threads that scrape and extract, with the settings' budgets and limits. */
  openCpuPool(): CpuPool {
    const s = this.settings;
    const pool = new CpuPool({ ...s.pool, ...s.scrape, maxTextChars: s.extract.maxTextChars });
    this.cleanups.push(() => pool.close());
    return pool;
  }

  /** Redis (checked first: one line when unreachable), the queues and the item ledger. */
  async openDistributed(role: RedisRole, onRedisError?: (err: Error) => void): Promise<DistributedContext> {
    const ctx = await openDistributed(this.settings.distributed, role, onRedisError);
    this.cleanups.push(() => ctx.close());
    return ctx;
  }

  /** Releases everything, the last opened first; every cleanup runs even if one throws. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const cleanup of [...this.cleanups].reverse()) await cleanup().catch(() => undefined);
    })();
    return this.closing;
  }
}
