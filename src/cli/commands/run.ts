import { findConfigFile, loadConfig } from '../../config/load-config';
import { ConfigError } from '../../errors';
import { closeHttpClients } from '../../ingest/http-get';
import { runInline, type RunEvent } from '../../pipeline/run-inline';
import type { FeedConfig } from '../../types';
import { formatSummary } from '../format';
import { openStore } from '../open-store';
import { createProgress } from '../progress';

export interface RunCommandOptions {
  config?: string;
  feed?: string[];
  db?: string;
  concurrency?: string;
  retryFailingFeeds?: boolean;
}

/** `breachfeed run`: one inline pass over every configured feed. */
export async function runCommand(opts: RunCommandOptions): Promise<number> {
  const config = loadConfig(findConfigFile(opts.config));
  const feeds = opts.feed?.length ? opts.feed.map(feedFromUrl) : config.feeds;
  const concurrency = opts.concurrency ? parsePositiveInt('--concurrency', opts.concurrency) : config.run.concurrency;
  const store = await openStore(config, opts.db);
  try {
    const summary = await runWithProgress({
      feeds, store, fetch: config.fetch, concurrency, maxItemsPerFeed: config.run.maxItemsPerFeed, ignoreBackoff: opts.retryFailingFeeds,
    });
    process.stdout.write(`${formatSummary(summary)}\ndatabase: ${store.location}\n`);
    return 0;
  } finally {
    await closeHttpClients();
    await store.close();
  }
}

/** Runs the inline runner with a progress display on stderr. */
export async function runWithProgress(opts: Parameters<typeof runInline>[0]): ReturnType<typeof runInline> {
  const progress = createProgress('articles');
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

export function feedFromUrl(url: string): FeedConfig {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError(`run: --feed ${url} is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ConfigError(`run: --feed ${url} is not an http(s) URL`);
  const id = `${u.hostname}${u.pathname}`.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/-+$/, '');
  return { id, url };
}

export function parsePositiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${flag} must be a positive integer (got ${value})`);
  return n;
}
