import { findConfigFile, loadConfig } from '../../config/load-config';
import { ConfigError } from '../../errors';
import { openDistributed } from '../../../workers/connect';
import { createLogger, flushLogger } from '../../../workers/logger';
import { startWorkers } from '../../../workers/start-workers';
import { parseQueueNames, QUEUE_NAMES, type QueueName } from '../../../workers/settings';
import { openStore } from '../open-store';
import { parsePositiveInt } from './run';

export interface WorkerCommandOptions {
  config?: string;
  db?: string;
  queues?: string;
  concurrency?: string;
  grace?: string;
}

/** `breachfeed worker`: process jobs of some queues until SIGTERM/SIGINT, then stop gracefully. */
export async function workerCommand(opts: WorkerCommandOptions): Promise<number> {
  const config = loadConfig(findConfigFile(opts.config));
  const queues = parseQueueNames(opts.queues ?? QUEUE_NAMES.join(','));
  const articles = opts.concurrency ? parsePositiveInt('--concurrency', opts.concurrency) : config.run.concurrency;
  const graceMs = opts.grace ? parsePositiveInt('--grace', opts.grace) * 1000 : 30_000;
  const concurrency: Record<QueueName, number> = { feeds: Math.min(articles, 4), articles, records: Math.min(articles, 4) };
  const logger = createLogger('breachfeed-worker');

  // Redis dropping out is logged once per spell, not once per reconnect attempt.
  let lastRedisError = 0;
  const onRedisError = (err: Error) => {
    if (Date.now() - lastRedisError > 10_000) logger.warn({ err: err.message }, 'redis connection error; reconnecting');
    lastRedisError = Date.now();
  };
  const ctx = await openDistributed(config.redisUrl, 'worker', onRedisError);
  let store;
  try {
    store = await openStore(config, opts.db);
  } catch (err) {
    await ctx.close();
    throw err;
  }
  const running = startWorkers({
    queues, concurrency, settings: ctx.settings, redis: ctx.redis, producers: ctx.queues, store,
    fetch: config.fetch, maxItemsPerFeed: config.run.maxItemsPerFeed, logger,
  });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  logger.info({ signal }, 'signal received');
  try {
    await running.close(graceMs);
  } finally {
    await store.close();
    await ctx.close();
    await flushLogger(logger);
  }
  return 0;
}

export function parseQueueOption(value: string | undefined): QueueName | undefined {
  if (value === undefined) return undefined;
  const [q, ...rest] = parseQueueNames(value, '--queue');
  if (rest.length) throw new ConfigError('--queue takes one queue name');
  return q;
}
