import type { Config } from '../config/load-config';
import type { RecordStore } from '../store/record-store';
import { openPostgresStore } from '../store/postgres-store';
import { openSqliteStore } from '../store/sqlite-store';

/** The store a command uses: --db (SQLite) wins, then DATABASE_URL / config (PostgreSQL), then the SQLite default. */
export async function openStore(config: Config, dbOption?: string): Promise<RecordStore> {
  if (dbOption) return openSqliteStore(dbOption);
  if (config.databaseUrl) return openPostgresStore({ connectionString: config.databaseUrl });
  return openSqliteStore(config.sqlitePath);
}
