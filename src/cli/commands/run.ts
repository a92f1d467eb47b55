import { findConfigFile, loadSettings } from '../../config/settings';
import { runInline, type InlineRunOptions, type RunEvent, type RunSummary } from '../../pipeline/run-inline';
import type { RegisterCommand } from '../action';
import { collect, feedFromUrl, parsePositiveInt } from '../args';
import { formatSummary } from '../format';
import { createProgress, type Progress } from '../progress';
import { Runtime } from '../runtime';

export interface RunCommandOptions {
  config?: string;
  feed?: string[];
  db?: string;
  concurrency?: string;
  retryFailingFeeds?: boolean;
}

export const registerRun: RegisterCommand = (program, action) => {
  program.command('run')
    .description('poll every configured feed once and store the breach records (inline runner, SQLite)')
    .option('-c, --config <file>', 'config file (default: ./breachfeed.yaml if present, else built-in feeds)')
    .option('--feed <url>', 'poll this feed instead of the configured ones (repeatable)', collect)
    .option('--db <file>', 'SQLite file (default: data/breachfeed.db)')
    .option('--concurrency <n>', 'articles processed at once')
    .option('--retry-failing-feeds', 'also poll feeds that are backing off after failures')
    .action(action(runCommand));
};

/** `breachfeed run`: one inline pass over every configured feed. */
export async function runCommand(opts: RunCommandOptions): Promise<number> {
  const settings = loadSettings(findConfigFile(opts.config));
  const feeds = opts.feed?.length ? opts.feed.map((url) => feedFromUrl('run', url, settings.fetch.maxUrlChars)) : settings.feeds;
  const concurrency = opts.concurrency ? parsePositiveInt('run', '--concurrency', opts.concurrency) : settings.run.concurrency;
  // Logs go to stderr: stdout carries the summary.
  const rt = new Runtime(settings, 'breachfeed-run', 2);
  try {
    const store = await rt.openStore(opts.db);
    const progress = createProgress('articles', process.stderr.isTTY ? null : rt.logger);
    const summary = await runWithProgress(progress, {
      feeds, store, http: rt.http, robots: rt.robots, cpu: rt.openCpuPool(), concurrency, maxItemsPerFeed: settings.run.maxItemsPerFeed, ignoreBackoff: opts.retryFailingFeeds,
    });
    process.stdout.write(`${formatSummary(summary)}\ndatabase: ${store.location}\n`);
    return 0;
  } finally {
    await rt.close();
  }
}

/** Runs the inline runner, reporting feeds and articles to `progress`. */
export async function runWithProgress(progress: Progress, opts: Omit<InlineRunOptions, 'onEvent'>): Promise<RunSummary> {
  const onEvent = (e: RunEvent) => {
    if (e.type === 'feed' && !e.ok) progress.log(e.reason);
    else if (e.type === 'feed' && e.deferredUntil) progress.log(`feed ${e.feedId}: backing off after failures until ${e.deferredUntil} (--retry-failing-feeds polls it now)`);
    else if (e.type === 'feed') progress.log(`feed ${e.feedId}: ${e.notModified ? 'unchanged' : `${e.items} items`}`);
    else if (e.type === 'items') progress.setTotal(e.total);
    else progress.tick();
  };
  try {
    return await runInline({ ...opts, onEvent });
  } finally {
    progress.stop();
  }
}
