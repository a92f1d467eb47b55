// The three queues, their job data, deterministic job ids and per-queue job options.
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ArticleOutcome } from '../src/store/record-store';
import type { BreachRecord, FeedConfig, FeedEntry, FeedItem } from '../src/types';
import { QUEUE_NAMES, type DistributedSettings, type QueueName } from '../src/config/settings';

/** A `feeds` job: poll this feed once. */
export interface FeedJobData {
  feed: FeedConfig;
}

/** An `articles` job: fetch, scrape and extract this item. */
export interface ArticleJobData {
  /** A FeedEntry without its identity in jobs enqueued before items carried one. */
  item: FeedItem | FeedEntry;
  /** The item's entry in the ledger (see item-ledger). */
  itemId: string;
}

/** A `records` job: store this verdict and its records in one transaction. */
export interface RecordsJobData {
  itemId: string;
  outcome: ArticleOutcome;
  records: BreachRecord[];
}

export type JobDataOf<Q extends QueueName> = Q extends 'feeds' ? FeedJobData : Q extends 'articles' ? ArticleJobData : RecordsJobData;

export type Queues = { [Q in QueueName]: Queue<JobDataOf<Q>> };

/** One poll of a feed in one time slot: enqueueing it twice in a slot is a no-op. */
export function feedPollJobId(feedId: string, slot: number): string {
  return `poll-${feedId}-${slot}`;
}

/** The scheduler of a feed; BullMQ names its jobs `repeat:<scheduler>:<slot millis>`. */
export function feedSchedulerId(feedId: string): string {
  return `feed-${feedId}`;
}

/** One article per canonical URL, whichever feed or link led to it. */
export function articleJobId(key: string): string {
  return `article-${key}`;
}

/** One store write per article verdict (its records' ids derive from the same canonical URL). */
export function recordsJobId(key: string): string {
  return `records-${key}`;
}

/** Options every job of a queue gets: attempts, backoff by the failure policy (first delay here), retention. */
export function jobOptions(queue: QueueName, settings: DistributedSettings): JobsOptions {
  const p = settings.policies[queue];
  return {
    attempts: p.attempts,
    backoff: { type: 'policy', delay: p.backoffMs },
    removeOnComplete: settings.keepCompleted > 0 ? { count: settings.keepCompleted } : true,
    removeOnFail: settings.keepFailed > 0 ? { count: settings.keepFailed } : false,
  };
}

/** Opens the three queues on one shared connection; connection errors go to `onError` (BullMQ prints unhandled ones). */
export function openQueues(connection: Redis, settings: DistributedSettings, onError: (err: Error) => void = () => undefined): Queues {
  const open = <Q extends QueueName>(name: Q) => {
    const q = new Queue<JobDataOf<Q>>(name, { connection, prefix: settings.prefix, defaultJobOptions: jobOptions(name, settings) });
    q.on('error', onError);
    return q;
  };
  return { feeds: open('feeds'), articles: open('articles'), records: open('records') } as Queues;
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(QUEUE_NAMES.map((q) => queues[q].close().catch(() => undefined)));
}

/** What a job was for, for operators: the feed id or the article URL. */
export function describeJobTarget(queue: QueueName, data: unknown): string {
  const d = data as Partial<FeedJobData & ArticleJobData & RecordsJobData> | undefined;
  if (queue === 'feeds') return d?.feed ? `feed ${d.feed.id}` : '?';
  if (queue === 'articles') return d?.item?.url ?? '?';
  return d?.outcome?.url ?? '?';
}
