import { findConfigFile, loadSettings, QUEUE_NAMES, type QueueName } from '../../config/settings';
import { RedisOutageLog } from '../../../workers/redis-outage-log';
import { startWorkers } from '../../../workers/start-workers';
import type { RegisterCommand } from '../action';
import { parsePositiveInt, parseQueueNames } from '../args';
import { Runtime } from '../runtime';

export interface WorkerCommandOptions {
  config?: string;
  db?: string;
  queues?: string;
  concurrency?: string;
  grace?: string;
}

export const registerWorker: RegisterCommand = (program, action) => {
  program.command('worker')
    .description('process queued jobs (BullMQ on REDIS_URL) until SIGTERM/SIGINT; JSON logs on stdout')
    .option('-c, --config <file>', 'config file')
    .option('--db <file>', 'SQLite file shared by the workers (default: DATABASE_URL, else data/breachfeed.db)')
    .option('--queues <list>', 'queues to work on: feeds,articles,records (default: all three)')
    .option('--concurrency <n>', 'articles processed at once by this process (default: run.concurrency)')
    .option('--grace <seconds>', 'on shutdown, how long running jobs may finish before they are released (default: worker.graceSecs, 30)')
    .action(action(workerCommand));
};

/** `breachfeed worker`: process jobs of some queues until SIGTERM/SIGINT, then stop gracefully. */
export async function workerCommand(opts: WorkerCommandOptions): Promise<number> {
  const settings = loadSettings(findConfigFile(opts.config));
  const queues = parseQueueNames('worker: --queues', opts.queues ?? QUEUE_NAMES.join(','));
  const articles = opts.concurrency ? parsePositiveInt('worker', '--concurrency', opts.concurrency) : settings.run.concurrency;
  const graceMs = (opts.grace ? parsePositiveInt('worker', '--grace', opts.grace) : settings.worker.graceSecs) * 1000;
  const concurrency: Record<QueueName, number> = { feeds: Math.min(articles, 4), articles, records: Math.min(articles, 4) };
  const rt = new Runtime(settings, 'breachfeed-worker');
  const { logger } = rt;

  // A Redis outage is two lines (lost, back after N s), not one per failed command.
  const outageLog = new RedisOutageLog(logger);
  try {
    const ctx = await rt.openDistributed('worker', outageLog.error);
    outageLog.watch(ctx.redis);
    const store = await rt.openStore(opts.db);
    const running = startWorkers({
      queues, concurrency, settings: settings.distributed, redis: ctx.redis, producers: ctx.queues, store,
      http: rt.http, robots: rt.robots, cpu: rt.openCpuPool(), maxItemsPerFeed: settings.run.maxItemsPerFeed, logger, outageLog,
    });
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    logger.info({ signal }, 'signal received');
    await running.close(graceMs);
    return 0;
  } finally {
    await rt.close();
  }
}
