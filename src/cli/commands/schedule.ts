import fs from 'node:fs';
import { findConfigFile, loadSettings } from '../../config/settings';
import type { FeedConfig } from '../../types';
import { enqueuePollsNow, reconcileSchedules, type ScheduleChange } from '../../../workers/scheduler';
import type { RegisterCommand } from '../action';
import { collect, feedFromUrl, parsePositiveInt } from '../args';
import { Runtime } from '../runtime';
import { formatTable } from '../table';

export interface ScheduleCommandOptions {
  config?: string;
  feed?: string[];
  now?: boolean;
  watch?: boolean;
  watchSeconds?: string;
  json?: boolean;
}

export const registerSchedule: RegisterCommand = (program, action) => {
  program.command('schedule')
    .description('create/update one job scheduler per configured feed at its interval; remove those of removed feeds')
    .option('-c, --config <file>', 'config file')
    .option('--feed <url>', 'schedule this feed instead of the configured ones (repeatable)', collect)
    .option('--now', 'also enqueue one poll of every feed right away')
    .option('--watch', 'keep running and reconcile again whenever the config file changes')
    .option('--watch-seconds <n>', 'how often --watch looks at the config file (default: 30)')
    .option('--json', 'print the changes as JSON')
    .action(action(scheduleCommand));
};

/** The feeds to schedule: --feed, else the config file's (read again on each call: --watch). */
function feedsOf(opts: ScheduleCommandOptions): FeedConfig[] {
  const settings = loadSettings(findConfigFile(opts.config));
  if (opts.feed?.length) return opts.feed.map((url) => feedFromUrl('schedule', url, settings.fetch.maxUrlChars));
  return settings.feeds;
}

export function formatScheduleChanges(changes: ScheduleChange[]): string {
  if (changes.length === 0) return '(no feeds configured, no schedulers)';
  const rows = changes.map((c) => [c.feedId, c.action, c.everyMins === null ? '-' : `${c.everyMins} min`, c.next ?? '-']);
  return formatTable(['feed', 'scheduler', 'every', 'next poll'], rows);
}

/**
 * `breachfeed schedule`: one job scheduler per configured feed, reconciled with the config
 * (new feeds added, changed intervals updated, removed feeds unscheduled). Once by default;
 * `--watch` keeps reconciling whenever the config file changes.
 */
export async function scheduleCommand(opts: ScheduleCommandOptions): Promise<number> {
  const settings = loadSettings(findConfigFile(opts.config));
  let feeds = feedsOf(opts);
  const watchMs = opts.watchSeconds ? parsePositiveInt('schedule', '--watch-seconds', opts.watchSeconds) * 1000 : 30_000;
  const rt = new Runtime(settings, 'breachfeed-schedule');
  try {
    const ctx = await rt.openDistributed(opts.watch ? 'worker' : 'command');
    const distributed = settings.distributed;
    const changes = await reconcileSchedules(ctx.queues.feeds, ctx.redis, feeds, distributed);
    const polled = opts.now ? await enqueuePollsNow(ctx.queues.feeds, feeds) : [];
    if (opts.json) process.stdout.write(`${JSON.stringify({ changes, polledNow: polled })}\n`);
    else {
      process.stdout.write(`${formatScheduleChanges(changes)}\n`);
      if (polled.length) process.stdout.write(`polls enqueued now: ${polled.length}\n`);
    }
    if (!opts.watch) return 0;

    const { logger } = rt;
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
          feeds = feedsOf(opts);
          const changed = (await reconcileSchedules(ctx.queues.feeds, ctx.redis, feeds, distributed)).filter((c) => c.action !== 'unchanged');
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
    return 0;
  } finally {
    await rt.close();
  }
}
