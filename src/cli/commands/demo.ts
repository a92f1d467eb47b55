import path from 'node:path';
import { loadConfig } from '../../config/load-config';
import { startNewsroom } from '../../demo/newsroom-server';
import { openSqliteStore } from '../../store/sqlite-store';
import { formatRecordsTable, formatSummary } from '../format';
import { ConfigError } from '../../errors';
import { closeHttpClients } from '../../ingest/http-get';
import { runWithProgress } from './run';

export const DEMO_DB = path.join('data', 'demo.db');
/** A fixed port, so article URLs (and so dedupe) are the same from one demo run to the next. */
export const DEMO_PORT = 47810;

/** `breachfeed demo`: the inline run against a local newsroom on 127.0.0.1, then the records. */
export async function demoCommand(opts: { db?: string; port?: string }): Promise<number> {
  const config = loadConfig(null);
  const port = opts.port ? parsePort(opts.port) : DEMO_PORT;
  const newsroom = await startNewsroom({ port });
  const store = openSqliteStore(opts.db ?? DEMO_DB);
  try {
    process.stdout.write(`demo newsroom serving ${newsroom.feedUrls.length} feeds at ${newsroom.baseUrl}\n`);
    const feeds = newsroom.feedUrls.map((url) => ({ id: `demo${new URL(url).pathname.replace(/[^A-Za-z0-9]+/g, '-')}`, url }));
    const summary = await runWithProgress({
      feeds,
      store,
      // The newsroom is on loopback, which the fetcher refuses by default.
      fetch: { ...config.fetch, allowPrivateAddresses: true, perHostDelayMs: 0 },
      concurrency: config.run.concurrency,
      maxItemsPerFeed: config.run.maxItemsPerFeed,
    });
    const records = await store.listRecords();
    process.stdout.write(`\n${formatSummary(summary)}\n\nstored records (${records.length}):\n${formatRecordsTable(records)}\n`);
    process.stdout.write(`\ndatabase: ${path.resolve(store.location)}\n`);
    return 0;
  } finally {
    await closeHttpClients();
    await store.close();
    await newsroom.close();
  }
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new ConfigError(`demo: --port must be 1-65535 (got ${value})`);
  return n;
}
