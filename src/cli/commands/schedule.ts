import fs from 'node:fs';
import { findConfigFile, loadConfig } from '../../config/load-config';
import type { FeedConfig } from '../../types';
import { openDistributed } from '../../../workers/connect';
import { createLogger, flushLogger } from '../../../workers/logger';
import { enqueuePollsNow, reconcileSchedules, type ScheduleChange } from '../../../workers/scheduler';
import { feedFromUrl, parsePositiveInt } from './run';

export interface ScheduleCommandOptions {
  config?: string;
  feed?: string[];
  now?: boolean;
  watch?: boolean;
  watchSeconds?: string;
  json?: boolean;
}

function feedsOf(opts: ScheduleCommandOptions): { feeds: FeedConfig[]; redisUrl: string | null } {
  const config = loadConfig(findConfigFile(opts.config));
  return { feeds: opts.feed?.length ? opts.feed.map(feedFromUrl) : config.feeds, redisUrl: config.redisUrl };
}

export function formatScheduleChanges(changes: ScheduleChange[]): string {
  if (changes.length === 0) return '(no feeds configured, no schedulers)';
  const rows = changes.map((c) => [c.feedId, c.action, c.everyMins === null ? '-' : `${c.everyMins} min`, c.next ?? '-']);
  const header = ['feed', 'scheduler', 'every', 'next poll'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/**
 * `breachfeed schedule`: one job scheduler per configured feed, reconciled with the config
 * (new feeds added, changed intervals updated, removed feeds unscheduled). Once by default;
 * `--watch` keeps reconciling whenever the config file changes.
 */
export async function scheduleCommand(opts: ScheduleCommandOptions): Promise<number> {
  let { feeds, redisUrl } = feedsOf(opts);
  const watchMs = opts.watchSeconds ? parsePositiveInt('--watch-seconds', opts.watchSeconds) * 1000 : 30_000;
  const ctx = await openDistributed(redisUrl, opts.watch ? 'worker' : 'command');
  try {
    const changes = await reconcileSchedules(ctx.queues.feeds, ctx.redis, feeds, ctx.settings);
    const polled = opts.now ? await enqueuePollsNow(ctx.queues.feeds, feeds) : [];
    if (opts.json) process.stdout.write(`${JSON.stringify({ changes, polledNow: polled })}\n`);
    else {
      process.stdout.write(`${formatScheduleChanges(changes)}\n`);
      if (polled.length) process.stdout.write(`polls enqueued now: ${polled.length}\n`);
    }
    if (!opts.watch) return 0;

    const logger = createLogger('breachfeed-schedule');
    // Looked up afresh each time: a config file put in place (or removed) later is noticed too.
    const readText = () => {
      const current = findConfigFile(opts.config);
      return current ? fs.readFileSync(current, 'utf8') : '';
    };
    let lastText = readText();
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => { stop = resolve; });
    process.once('SIGTERM', () => stop());
    process.once('SIGINT', () => stop());
    const timer = setInterval(() => {
      void (async () => {
        try {
          const text = readText();
          if (text === lastText) return;
          lastText = text;
          ({ feeds } = feedsOf(opts));
          const changed = (await reconcileSchedules(ctx.queues.feeds, ctx.redis, feeds, ctx.settings)).filter((c) => c.action !== 'unchanged');
          logger.info({ changes: changed }, 'config changed: schedules reconciled');
        } catch (err) {
          // A broken edit keeps the last good schedules; say why and wait for the next edit.
          logger.error({ err: (err as Error).message }, 'config not applied');
        }
      })();
    }, watchMs);
    logger.info({ feeds: feeds.length, watchMs }, 'watching the config for changes');
    await stopped;
    clearInterval(timer);
    await flushLogger(logger);
    return 0;
  } finally {
    await ctx.close();
  }
}
