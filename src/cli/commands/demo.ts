import path from 'node:path';
import { loadConfig } from '../../config/load-config';
import { startNewsroom } from '../../demo/newsroom-server';
import { openSqliteStore } from '../../store/sqlite-store';
import { formatRecordsTable, formatSummary } from '../format';
import { runWithProgress } from './run';

export const DEMO_DB = path.join('data', 'demo.db');

/** `breachfeed demo`: the inline run against a local newsroom on 127.0.0.1, then the records. */
export async function demoCommand(opts: { db?: string }): Promise<number> {
  const config = loadConfig(null);
  const newsroom = await startNewsroom();
  const store = openSqliteStore(opts.db ?? DEMO_DB);
  try {
    process.stdout.write(`demo newsroom serving ${newsroom.feedUrls.length} feeds at ${newsroom.baseUrl}\n`);
    const feeds = newsroom.feedUrls.map((url) => ({ id: `demo-${path.basename(new URL(url).pathname, '.xml')}`, url }));
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
    await store.close();
    await newsroom.close();
  }
}
