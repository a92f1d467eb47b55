import { findConfigFile, loadSettings, QUEUE_NAMES } from '../../config/settings';
import { type DistributedStatus, inconsistencies, readStatus } from '../../../workers/operator';
import { NetworkError } from '../../errors';
import { feedBackoffUntil } from '../../pipeline/failure-policy';
import type { FeedState, RecordStore, StoreCounts } from '../../store/record-store';
import type { RegisterCommand } from '../action';
import { Runtime } from '../runtime';
import { formatTable } from '../table';

export interface StatusCommandOptions {
  config?: string;
  db?: string;
  json?: boolean;
}

export const registerStatus: RegisterCommand = (program, action) => {
  program.command('status')
    .description('queue counts per state, and what became of every feed item (records, no incident, duplicate, failed)')
    .option('-c, --config <file>', 'config file')
    .option('--db <file>', 'SQLite file (default: DATABASE_URL, else data/breachfeed.db)')
    .option('--json', 'print as JSON')
    .action(action(statusCommand));
};

/** Feeds whose last polls failed, with when they are asked again (back-off). */
export function formatFailingFeeds(states: FeedState[]): string[] {
  const failing = states.filter((f) => f.consecutiveFailures > 0);
  return [
    `feeds:      ${states.length} polled, ${failing.length} failing`,
    ...failing.map((f) => `  ${f.feedId}: ${f.consecutiveFailures} failure${f.consecutiveFailures > 1 ? 's' : ''} in a row, next poll after ${feedBackoffUntil(f)?.toISOString()}; last error: ${f.lastError}`),
  ];
}

/** The store's own accounting: verdicts, failures by stage. */
export function formatStoreCounts(store: StoreCounts & { location: string }): string[] {
  const a = store.articles;
  const stages = Object.entries(store.failuresByStage).sort(([x], [y]) => x.localeCompare(y)).map(([stage, n]) => `${stage} ${n}`);
  return [
    `store:      ${a.breach} breach articles, ${a.no_incident} without incident, ${a.failed} failed; ${store.records} records (${store.location})`,
    ...(stages.length ? [`failures:   ${stages.join(', ')} (by stage)`] : []),
  ];
}

export function formatStatus(s: DistributedStatus): string {
  const header = ['queue', 'waiting', 'active', 'delayed', 'completed', 'failed', 'paused'];
  const rows = QUEUE_NAMES.map((q) => {
    const c = s.queues[q];
    return [q, String(c.waiting), String(c.active), String(c.delayed), String(c.completed), String(c.failed), c.paused ? 'yes' : 'no'];
  });
  const i = s.items;
  return [
    formatTable(header, rows, { right: [1, 2, 3, 4, 5, 6] }),
    `schedulers: ${s.schedulers}`,
    `items:      ${i.seen} seen = ${i.records} with records + ${i.noIncident} no incident + ${i.duplicate} duplicate + ${i.skipped} skipped by robots.txt + ${i.failed} failed + ${i.inFlight} in flight`,
    ...inconsistencies(s).map((line) => `inconsistent: ${line}`),
    ...formatStoreCounts(s.store),
  ].join('\n');
}

/** `breachfeed status`: queue counts per state, the item accounting, the store's counts; the store's alone without Redis. */
export async function statusCommand(opts: StatusCommandOptions): Promise<number> {
  const settings = loadSettings(findConfigFile(opts.config));
  const rt = new Runtime(settings, 'breachfeed-status', 2);
  try {
    const ctx = await rt.openDistributed('command').catch((err: unknown) => {
      // The embedded default (no Redis configured, none running): the store still has an account.
      if (err instanceof NetworkError && settings.redisUrl === null) return null;
      throw err;
    });
    const store = await rt.openStore(opts.db);
    const feeds = await store.listFeedStates();
    const feedsJson = feeds.map((f) => ({ ...f, nextPollAfter: feedBackoffUntil(f)?.toISOString() ?? null }));
    if (!ctx) return printStoreStatus(store, feeds, feedsJson, opts.json);
    const status = await readStatus(ctx.queues, ctx.ledger, store);
    process.stdout.write(opts.json
      ? `${JSON.stringify({ ...status, inconsistencies: inconsistencies(status), feeds: feedsJson })}\n`
      : `${formatStatus(status)}\n${formatFailingFeeds(feeds).join('\n')}\n`);
    return 0;
  } finally {
    await rt.close();
  }
}

/** The embedded default's status (no Redis): the store's accounting and the feeds backing off. */
export function formatStoreStatus(counts: StoreCounts & { location: string }, feeds: FeedState[]): string {
  return [...formatStoreCounts(counts), ...formatFailingFeeds(feeds), 'queues:     none (no Redis configured or running: the embedded default)'].join('\n');
}

async function printStoreStatus(store: RecordStore, feeds: FeedState[], feedsJson: unknown[], json?: boolean): Promise<number> {
  const counts = { ...(await store.counts()), location: store.location };
  process.stdout.write(json ? `${JSON.stringify({ queues: null, store: counts, feeds: feedsJson })}\n` : `${formatStoreStatus(counts, feeds)}\n`);
  return 0;
}
