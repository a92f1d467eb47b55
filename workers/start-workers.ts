// Starts BullMQ workers for some queues in this process and stops them gracefully.
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DistributedSettings, QueueName } from '../src/config/settings';
import type { HttpClient } from '../src/ingest/http-get';
import type { RobotsCache } from '../src/ingest/robots';
import type { Logger } from '../src/logger';
import type { CpuStages } from '../src/pipeline/cpu-pool';
import type { RecordStore } from '../src/store/record-store';
import { createRedisHostGate } from './host-gate';
import { ItemLedger } from './item-ledger';
import { policyBackoff, settleEndedJob } from './job-failure';
import { articlesProcessor, feedsProcessor, type ProcessorDeps, recordsProcessor } from './processors';
import { describeJobTarget, type Queues } from './queues';
import type { RedisOutageLog } from './redis-outage-log';

export interface StartWorkersOptions {
  queues: QueueName[];
  /** Jobs at once per queue in this process. */
  concurrency: Record<QueueName, number>;
  settings: DistributedSettings;
  /** Shared connection for queue writes and our own keys (maxRetriesPerRequest: null). */
  redis: Redis;
  /** Opens the queues the workers enqueue into. */
  producers: Queues;
  store: RecordStore;
  http: HttpClient;
  robots: RobotsCache;
  /** Where scrape and extract run: the process's pool of worker threads. */
  cpu?: CpuStages;
  maxItemsPerFeed: number;
  logger: Logger;
  /** Where connection and worker errors go (one line per outage). */
  outageLog: RedisOutageLog;
}

export interface RunningWorkers {
  workers: Worker[];
  /** Stops taking jobs, waits up to `graceMs` for running ones, then releases them (they are recovered as stalled). */
  close(graceMs: number): Promise<void>;
}

export function startWorkers(opts: StartWorkersOptions): RunningWorkers {
  const { settings, logger } = opts;
  const fetch = opts.http.options;
  // Every hop of every request, redirects included, keeps the per-host limits of all workers.
  opts.http.useHostGate(createRedisHostGate(opts.redis, {
    prefix: settings.prefix,
    concurrency: fetch.perHostConcurrency,
    delayMs: fetch.perHostDelayMs,
    leaseMs: fetch.timeoutMs * 2,
  }));
  const deps: ProcessorDeps = {
    store: opts.store,
    http: opts.http,
    robots: opts.robots,
    cpu: opts.cpu,
    maxItemsPerFeed: opts.maxItemsPerFeed,
    queues: opts.producers,
    ledger: new ItemLedger(opts.redis, settings.prefix, { retentionDays: settings.ledgerRetentionDays }),
    // A process that serves `records` may write the store; one that does not leaves that to those that do.
    storeVerdicts: opts.queues.includes('records'),
  };
  const processors = {
    feeds: feedsProcessor(deps),
    articles: articlesProcessor(deps),
    records: recordsProcessor(deps),
  } as Record<QueueName, (job: Job) => Promise<unknown>>;

  const workers = opts.queues.map((name) => {
    const worker = new Worker(name, processors[name], {
      connection: opts.redis,
      prefix: settings.prefix,
      concurrency: opts.concurrency[name],
      lockDuration: settings.lockMs,
      stalledInterval: Math.max(500, Math.floor(settings.lockMs / 2)),
      maxStalledCount: 2,
      // Retry delays are the failure policy's (jobs' backoff type `policy`), Retry-After included.
      settings: { backoffStrategy: policyBackoff },
      removeOnComplete: settings.keepCompleted > 0 ? { count: settings.keepCompleted } : { count: 0 },
      ...(settings.keepFailed > 0 ? { removeOnFail: { count: settings.keepFailed } } : {}),
    });
    worker.on('completed', (job, result) => {
      logger.info({ queue: name, jobId: job.id, target: describeJobTarget(name, job.data), result, attempts: job.attemptsMade }, 'job completed');
    });
    worker.on('failed', (job, err) => {
      const final = !job || job.finishedOn != null;
      const delayMs = final ? undefined : job?.delay;
      logger.warn({ queue: name, jobId: job?.id, target: job ? describeJobTarget(name, job.data) : undefined, attempts: job?.attemptsMade, final, delayMs, err: err.message }, final ? 'job failed' : 'job failed, will retry');
      // Stalled out: BullMQ failed it without running the processor, so its item is settled here.
      if (job?.deferredFailure) {
        settleEndedJob(name, job, 'stalled', { ledger: deps.ledger, store: opts.store })
          .catch((e: unknown) => logger.error({ queue: name, jobId: job.id, err: (e as Error).message }, 'could not settle a stalled job'));
      }
    });
    worker.on('stalled', (jobId) => logger.warn({ queue: name, jobId }, 'job stalled, handed back to the queue'));
    worker.on('error', (err) => opts.outageLog.error(err, { queue: name }));
    return worker;
  });
  logger.info({ queues: opts.queues, concurrency: opts.concurrency, prefix: settings.prefix, store: opts.store.location }, 'workers started');

  let closing: Promise<void> | null = null;
  return {
    workers,
    close(graceMs) {
      closing ??= (async () => {
        logger.info({ graceMs }, 'shutting down: finishing running jobs');
        const graceful = Promise.all(workers.map((w) => w.close()));
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          graceful.then(() => false),
          new Promise<boolean>((r) => { timer = setTimeout(() => r(true), graceMs); }),
        ]);
        clearTimeout(timer);
        if (timedOut) {
          logger.warn('grace period over: releasing running jobs to other workers');
          await Promise.all(workers.map((w) => w.close(true)));
        }
        logger.info('workers stopped');
      })();
      return closing;
    },
  };
}
