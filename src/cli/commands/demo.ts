import path from 'node:path';
import { loadConfig } from '../../config/load-config';
import { type Newsroom, startNewsroom } from '../../demo/newsroom-server';
import { ConfigError } from '../../errors';
import { closeHttpClients } from '../../ingest/http-get';
import { formatRecordsTable, formatSummary } from '../format';
import { openStore } from '../open-store';
import { runWithProgress } from './run';

export const DEMO_DB = path.join('data', 'demo.db');
/** The newsroom's usual port, tried first. */
export const DEMO_PORT = 47810;
/**
 * The origin records are stored under, whatever port the newsroom got: ids and dedupe then hold
 * from one demo to the next, and two demos at once store the same records.
 */
export const DEMO_ORIGIN = `http://127.0.0.1:${DEMO_PORT}`;

/**
 * `breachfeed demo`: the inline run against a local newsroom on 127.0.0.1, then the records.
 * The store is chosen as for `run` from --db and the environment (DATABASE_URL, BREACHFEED_DB),
 * else data/demo.db; not from a config file, whose store is the real one.
 */
export async function demoCommand(opts: { db?: string; port?: string }): Promise<number> {
  const config = loadConfig(null, process.env, DEMO_DB);
  const store = await openStore(config, opts.db);
  try {
    const newsroom = await startDemoNewsroom(opts.port);
    try {
      const moved = newsroom.baseUrl === DEMO_ORIGIN ? '' : ` (port ${DEMO_PORT} was taken; records are stored as from ${DEMO_ORIGIN})`;
      process.stdout.write(`demo newsroom serving ${newsroom.feedUrls.length} feeds at ${newsroom.baseUrl}${moved}\n`);
      const feeds = newsroom.feedUrls.map((url) => ({ id: `demo${new URL(url).pathname.replace(/[^A-Za-z0-9]+/g, '-')}`, url }));
      const summary = await runWithProgress({
        feeds,
        store,
        // The newsroom is on loopback, which the fetcher refuses by default.
        fetch: { ...config.fetch, allowPrivateAddresses: true, perHostDelayMs: 0 },
        concurrency: config.run.concurrency,
        maxItemsPerFeed: config.run.maxItemsPerFeed,
        originAliases: { [newsroom.baseUrl]: DEMO_ORIGIN },
      });
      const records = await store.listRecords();
      process.stdout.write(`\n${formatSummary(summary)}\n\nstored records (${records.length}):\n${formatRecordsTable(records)}\n`);
      process.stdout.write(`\ndatabase: ${isUrl(store.location) ? store.location : path.resolve(store.location)}\n`);
      return 0;
    } finally {
      await closeHttpClients();
      await newsroom.close();
    }
  } finally {
    await store.close();
  }
}

/** On --port exactly; without it on 47810, or a free port when that one is taken (by another demo, say). */
async function startDemoNewsroom(portOption: string | undefined): Promise<Newsroom> {
  if (portOption !== undefined) return startNewsroom({ port: parsePort(portOption) });
  try {
    return await startNewsroom({ port: DEMO_PORT });
  } catch (err) {
    if (((err as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') return startNewsroom({ port: 0 });
    throw err;
  }
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new ConfigError(`demo: --port must be 1-65535 (got ${value})`);
  return n;
}

const isUrl = (location: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
