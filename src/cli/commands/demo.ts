import path from 'node:path';
import { loadSettings } from '../../config/settings';
import { type Newsroom, startNewsroom } from '../../demo/newsroom-server';
import type { RegisterCommand } from '../action';
import { parsePort } from '../args';
import { formatRecordsTable, formatSummary } from '../format';
import { createProgress } from '../progress';
import { Runtime } from '../runtime';
import { runWithProgress } from './run';

export const DEMO_DB = path.join('data', 'demo.db');
/** The newsroom's usual port, tried first. */
export const DEMO_PORT = 47810;
/**
 * The origin records are stored under, whatever port the newsroom got: ids and dedupe then hold
 * from one demo to the next, and two demos at once store the same records.
 */
export const DEMO_ORIGIN = `http://127.0.0.1:${DEMO_PORT}`;

export const registerDemo: RegisterCommand = (program, action) => {
  program.command('demo')
    .description('run the pipeline against a bundled newsroom served on 127.0.0.1 and print the records')
    .option('--db <file>', 'SQLite file (default: DATABASE_URL, else BREACHFEED_DB, else data/demo.db)')
    .option('--port <n>', 'port of the newsroom on 127.0.0.1 (default: 47810, or a free one when that is taken)')
    .action(action(demoCommand));
};

/**
 * `breachfeed demo`: the inline run against a local newsroom on 127.0.0.1, then the records.
 * The store is chosen as for `run` from --db and the environment (DATABASE_URL, BREACHFEED_DB),
 * else data/demo.db; not from a config file, whose store is the real one.
 */
export async function demoCommand(opts: { db?: string; port?: string }): Promise<number> {
  const port = opts.port === undefined ? undefined : parsePort('demo', opts.port, 1);
  const settings = loadSettings(null, undefined, { sqlitePath: DEMO_DB });
  // The newsroom is on loopback, which the fetcher refuses by default, and only we read it.
  const rt = new Runtime({ ...settings, fetch: { ...settings.fetch, allowPrivateAddresses: true, perHostDelayMs: 0 } }, 'breachfeed-demo', 2);
  try {
    const store = await rt.openStore(opts.db);
    const newsroom = await startDemoNewsroom(port);
    try {
      const moved = newsroom.baseUrl === DEMO_ORIGIN ? '' : ` (port ${DEMO_PORT} was taken; records are stored as from ${DEMO_ORIGIN})`;
      process.stdout.write(`demo newsroom serving ${newsroom.feedUrls.length} feeds at ${newsroom.baseUrl}${moved}\n`);
      const feeds = newsroom.feedUrls.map((url) => ({ id: `demo${new URL(url).pathname.replace(/[^A-Za-z0-9]+/g, '-')}`, url }));
      const summary = await runWithProgress(createProgress('articles', null), {
        feeds,
        store,
        http: rt.http,
        robots: rt.robots,
        cpu: rt.openCpuPool(),
        concurrency: settings.run.concurrency,
        maxItemsPerFeed: settings.run.maxItemsPerFeed,
        originAliases: { [newsroom.baseUrl]: DEMO_ORIGIN },
      });
      const records = await store.listRecords();
      process.stdout.write(`\n${formatSummary(summary)}\n\nstored records (${records.length}):\n${formatRecordsTable(records)}\n`);
      process.stdout.write(`\ndatabase: ${isUrl(store.location) ? store.location : path.resolve(store.location)}\n`);
      process.stdout.write(`\n${catalogueHint(store.location, settings.api.port)}\n`);
      return 0;
    } finally {
      await newsroom.close();
    }
  } finally {
    await rt.close();
  }
}

/** On --port exactly; without it on 47810, or a free port when that one is taken (by another demo, say). */
async function startDemoNewsroom(port: number | undefined): Promise<Newsroom> {
  if (port !== undefined) return startNewsroom({ port });
  try {
    return await startNewsroom({ port: DEMO_PORT });
  } catch (err) {
    if (((err as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') return startNewsroom({ port: 0 });
    throw err;
  }
}

const isUrl = (location: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(location);

/** The last line: how to open the catalogue on what the demo stored. */
function catalogueHint(location: string, port: number): string {
  const db = isUrl(location) ? '(with the same DATABASE_URL)' : `--db ${/^[\w./:@%+=-]+$/.test(location) ? location : JSON.stringify(location)}`;
  return `to browse the incidents: breachfeed serve ${db}, then open http://127.0.0.1:${port}/`;
}
