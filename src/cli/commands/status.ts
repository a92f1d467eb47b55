import { findConfigFile, loadConfig } from '../../config/load-config';
import { openDistributed } from '../../../workers/connect';
import { type DistributedStatus, readStatus } from '../../../workers/operator';
import { QUEUE_NAMES } from '../../../workers/settings';
import { backoffUntil } from '../../pipeline/poll-feed';
import type { FeedState } from '../../store/record-store';
import { openStore } from '../open-store';

export interface StatusCommandOptions {
  config?: string;
  db?: string;
  json?: boolean;
}

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
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const i = s.items;
  const a = s.store.articles;
  return [
    line(header),
    ...rows.map(line),
    `schedulers: ${s.schedulers}`,
    `items:      ${i.seen} seen = ${i.records} with records + ${i.noIncident} no incident + ${i.duplicate} duplicate + ${i.skipped} skipped by robots.txt + ${i.failed} failed + ${i.inFlight} in flight`,
    `store:      ${a.breach} breach articles, ${a.no_incident} without incident, ${a.failed} failed; ${s.store.records} records (${s.store.location})`,
  ].join('\n');
}

/** `breachfeed status`: queue counts per state, the item accounting, the store's counts. */
export async function statusCommand(opts: StatusCommandOptions): Promise<number> {
  const config = loadConfig(findConfigFile(opts.config));
  const ctx = await openDistributed(config.redisUrl, 'command');
  try {
    const store = await openStore(config, opts.db);
    try {
      const status = await readStatus(ctx.queues, ctx.ledger, store);
      const feeds = await store.listFeedStates();
      process.stdout.write(opts.json
        ? `${JSON.stringify({ ...status, feeds: feeds.map((f) => ({ ...f, nextPollAfter: backoffUntil(f)?.toISOString() ?? null })) })}\n`
        : `${formatStatus(status)}\n${formatFailingFeeds(feeds).join('\n')}\n`);
      return 0;
    } finally {
      await store.close();
    }
  } finally {
    await ctx.close();
  }
}
