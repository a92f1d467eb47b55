import { findConfigFile, loadSettings, QUEUE_NAMES } from '../../config/settings';
import { type DistributedStatus, readStatus } from '../../../workers/operator';
import { backoffUntil } from '../../pipeline/poll-feed';
import type { FeedState } from '../../store/record-store';
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
    ...failing.map((f) => `  ${f.feedId}: ${f.consecutiveFailures} failure${f.consecutiveFailures > 1 ? 's' : ''} in a row, next poll after ${backoffUntil(f)?.toISOString()}; last error: ${f.lastError}`),
  ];
}

export function formatStatus(s: DistributedStatus): string {
  const header = ['queue', 'waiting', 'active', 'delayed', 'completed', 'failed', 'paused'];
  const rows = QUEUE_NAMES.map((q) => {
    const c = s.queues[q];
    return [q, String(c.waiting), String(c.active), String(c.delayed), String(c.completed), String(c.failed), c.paused ? 'yes' : 'no'];
  });
  const i = s.items;
  const a = s.store.articles;
  return [
    formatTable(header, rows, { right: [1, 2, 3, 4, 5, 6] }),
    `schedulers: ${s.schedulers}`,
    `items:      ${i.seen} seen = ${i.records} with records + ${i.noIncident} no incident + ${i.duplicate} duplicate + ${i.skipped} skipped by robots.txt + ${i.failed} failed + ${i.inFlight} in flight`,
    `store:      ${a.breach} breach articles, ${a.no_incident} without incident, ${a.failed} failed; ${s.store.records} records (${s.store.location})`,
  ].join('\n');
}

/** `breachfeed status`: queue counts per state, the item accounting, the store's counts. */
export async function statusCommand(opts: StatusCommandOptions): Promise<number> {
  const rt = new Runtime(loadSettings(findConfigFile(opts.config)), 'breachfeed-status', 2);
  try {
    const ctx = await rt.openDistributed('command');
    const store = await rt.openStore(opts.db);
    const status = await readStatus(ctx.queues, ctx.ledger, store);
    const feeds = await store.listFeedStates();
    process.stdout.write(opts.json
      ? `${JSON.stringify({ ...status, feeds: feeds.map((f) => ({ ...f, nextPollAfter: backoffUntil(f)?.toISOString() ?? null })) })}\n`
      : `${formatStatus(status)}\n${formatFailingFeeds(feeds).join('\n')}\n`);
    return 0;
  } finally {
    await rt.close();
  }
}
