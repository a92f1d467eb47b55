import type { Config } from '../config/load-config';
import { ConfigError } from '../errors';
import type { RecordStore } from '../store/record-store';
import { openSqliteStore } from '../store/sqlite-store';

/** The store a command uses: --db wins, then DATABASE_URL / config, then the SQLite default. */
export function openStore(config: Config, dbOption?: string): RecordStore {
  if (dbOption) return openSqliteStore(dbOption);
  if (config.databaseUrl) {
    throw new ConfigError('store: DATABASE_URL (PostgreSQL) is not supported yet; unset it or pass --db FILE for SQLite');
  }
  return openSqliteStore(config.sqlitePath);
}
