// The three thin workers. Each wraps one half of the pipeline's own stage functions
// (pollFeed, prepareItem, saveVerdict); none holds pipeline logic of its own.
import { UnrecoverableError, type Job } from 'bullmq';
import { describeError, isRetryable, StoreError } from '../src/errors';
import { identifyItem } from '../src/ingest/canonicalize-url';
import type { HostGate } from '../src/ingest/host-limiter';
import type { HttpClient } from '../src/ingest/http-get';
import type { RobotsCache } from '../src/ingest/robots';
import { pollFeed } from '../src/pipeline/poll-feed';
import { outcomeOf, prepareItem, saveItemFailure, saveVerdict } from '../src/pipeline/process-item';
import { isContentionError } from '../src/store/is-contention-error';
import type { RecordStore } from '../src/store/record-store';
import type { FeedItem } from '../src/types';
import { itemIdOf, type ItemLedger } from './item-ledger';
import {
  articleJobId, type ArticleJobData, type FeedJobData, type Queues, recordsJobId, type RecordsJobData,
} from './queues';

export interface ProcessorDeps {
  store: RecordStore;
  http: HttpClient;
  robots: RobotsCache;
  maxItemsPerFeed: number;
  queues: Queues;
  ledger: ItemLedger;
  hostGate?: HostGate;
  /**
   * Store verdicts from the `articles` worker itself (a process that also serves `records`);
   * the `records` queue then only takes verdicts whose write failed. False: hand every verdict
   * to `records` (e.g. SQLite with one writer process).
   */
  storeVerdicts: boolean;
}

export type FeedJobResult = { items: number; enqueued: number; duplicate: number; seen: number; notModified: boolean };
export type ArticleJobResult = { outcome: 'records' | 'no_incident' | 'duplicate' | 'skipped'; records: number; reason?: string; handedOn?: boolean };
export type RecordsJobResult = { status: string; records: number };

/** The job's item with its identity: jobs enqueued before items carried one get it here, once. */
function identified(item: ArticleJobData['item']): FeedItem {
  return 'urlKey' in item ? item : identifyItem(item);
}

/** Whether this job ran before (an attempt failed, or its worker died holding it). */
function ranBefore(job: Job): boolean {
  return job.attemptsMade > 0 || (job.stalledCounter ?? 0) > 0;
}

/** Whether this run of the job is its last allowed attempt. */
function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** A failure's fate: permanent ones fail at once; retryable ones go back with backoff. */
function toJobError(err: unknown): Error {
  const reason = describeError(err);
  return isRetryable(err) ? new Error(reason) : new UnrecoverableError(reason);
}

/** `feeds`: poll one feed (conditional GET), enqueue one `articles` job per new item. */
export function feedsProcessor(deps: ProcessorDeps) {
  return async (job: Job<FeedJobData>): Promise<FeedJobResult> => {
    const { feed } = job.data;
    const poll = await pollFeed(feed, { store: deps.store, http: deps.http, maxItemsPerFeed: deps.maxItemsPerFeed, hostGate: deps.hostGate });
    if (!poll.ok) throw poll.retryable ? new Error(poll.reason) : new UnrecoverableError(poll.reason);
    const result: FeedJobResult = { items: poll.items.length, enqueued: 0, duplicate: 0, seen: 0, notModified: poll.notModified };
    const jobs: { name: string; data: ArticleJobData; opts: { jobId: string } }[] = [];
    const claims = poll.items.map((item) => ({ item, key: item.urlKey, itemId: itemIdOf(feed.id, item.urlKey) }));
    const verdicts = await deps.ledger.claimItems(claims);
    for (const [i, { item, key, itemId }] of claims.entries()) {
      const claim = verdicts[i];
      if (claim === 'seen') result.seen++;
      else if (claim === 'duplicate') result.duplicate++;
      else {
        // A finished job's id still exists and would swallow the new add: remove it first.
        if (claim === 'requeue') await deps.queues.articles.remove(articleJobId(key)).catch(() => undefined);
        jobs.push({ name: 'article', data: { item, itemId }, opts: { jobId: articleJobId(key) } });
      }
    }
    // A job id that still exists is ignored by BullMQ: a retried poll re-adds harmlessly.
    if (jobs.length) await deps.queues.articles.addBulk(jobs);
    result.enqueued = jobs.length;
    return result;
  };
}

/** `articles`: fetch → scrape → extract one item; stores the verdict or hands it to `records`. */
export function articlesProcessor(deps: ProcessorDeps) {
  return async (job: Job<ArticleJobData>): Promise<ArticleJobResult> => {
    const { itemId } = job.data;
    const item = identified(job.data.item);
    try {
      const prepared = await prepareItem(item, { store: deps.store, http: deps.http, robots: deps.robots, hostGate: deps.hostGate });
      if (prepared.kind === 'skipped') {
        await deps.ledger.settle(itemId, 'skipped');
        return { outcome: 'skipped', records: 0, reason: prepared.reason };
      }
      // The link's key was claimed for this item when the feed was polled; a page naming another canonical URL claims that too.
      const ours = prepared.kind === 'verdict' && (prepared.outcome.key === prepared.outcome.urlKey || (await deps.ledger.claimArticle(prepared.outcome.key, itemId)));
      if (prepared.kind === 'duplicate' || !ours) {
        // A recovered job whose verdict this very item already stored is not a duplicate of itself.
        const state = await deps.ledger.stateOf(itemId);
        if (state === 'records' || state === 'no_incident') return { outcome: state, records: 0 };
        // Its worker may have died (or lost Redis) between the store write and the ledger update:
        // the store then knows the item's own link.
        const stored = state === 'queued' && ranBefore(job) ? await deps.store.getArticleStatus(item.urlKey) : null;
        if (stored === 'breach' || stored === 'no_incident') {
          const own = stored === 'breach' ? 'records' : 'no_incident';
          await deps.ledger.settle(itemId, own);
          return { outcome: own, records: 0 };
        }
        await deps.ledger.settle(itemId, 'duplicate');
        return { outcome: 'duplicate', records: 0 };
      }
      const outcome = outcomeOf(prepared);
      if (outcome.kind === 'failed') {
        // No article on the page: store the verdict with its reason and fail for good.
        await saveVerdict(deps.store, prepared);
        await deps.ledger.settle(itemId, 'failed');
        throw new UnrecoverableError(outcome.reason);
      }
      const kind = outcome.kind === 'records' ? 'records' : 'no_incident';
      const result: ArticleJobResult = { outcome: kind, records: prepared.records.length };
      if (deps.storeVerdicts) {
        try {
          await saveWithContention(() => deps.store.saveArticle(prepared.outcome, prepared.records));
          await deps.ledger.settle(itemId, kind);
          return result;
        } catch (err) {
          if (!(err instanceof StoreError)) throw err;
          // The store is down or busy: `records` retries the write alone, without refetching the page.
        }
      }
      const data: RecordsJobData = { itemId, outcome: prepared.outcome, records: prepared.records };
      await deps.queues.records.add('records', data, { jobId: recordsJobId(prepared.outcome.key) });
      return { ...result, handedOn: true };
    } catch (err) {
      if (err instanceof UnrecoverableError) throw err;
      const jobErr = toJobError(err);
      if (jobErr instanceof UnrecoverableError || isLastAttempt(job)) {
        // Final: the store and the ledger say why, as the inline runner's store would.
        await saveItemFailure(item, jobErr.message, deps.store).catch(() => undefined);
        await deps.ledger.settle(itemId, 'failed');
      }
      throw jobErr;
    }
  };
}

/**
 * Runs a store write, trying again a few times within the job when another process held the
 * lock: a job retry would wait out a backoff meant for outages, not for a busy millisecond.
 */
async function saveWithContention(write: () => Promise<void>, tries = 8): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (err) {
      if (i >= tries || !isContentionError(err)) throw err;
      await new Promise((r) => setTimeout(r, 10 * i + Math.floor(Math.random() * 20)));
    }
  }
}

/** `records`: one transaction per verdict; idempotent by record id, so a replay changes nothing. */
export function recordsProcessor(deps: Pick<ProcessorDeps, 'store' | 'ledger'>) {
  return async (job: Job<RecordsJobData>): Promise<RecordsJobResult> => {
    const { itemId, outcome, records } = job.data;
    try {
      await saveWithContention(() => deps.store.saveArticle(outcome, records));
    } catch (err) {
      // Every store error is worth retrying here: the article's expensive work is done.
      if (isLastAttempt(job)) await deps.ledger.settle(itemId, 'failed');
      throw new Error(describeError(err));
    }
    await deps.ledger.settle(itemId, records.length > 0 ? 'records' : 'no_incident');
    return { status: outcome.status, records: records.length };
  };
}
