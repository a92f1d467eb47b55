// The three thin workers. Each wraps one half of the pipeline's own stage functions
// (pollFeed, prepareItem, saveVerdict); none holds pipeline logic of its own.
import type { Job } from 'bullmq';
import { ContentError } from '../src/errors';
import type { HttpClient } from '../src/ingest/http-get';
import type { RobotsCache } from '../src/ingest/robots';
import { retryInPlace } from '../src/pipeline/failure-policy';
import type { CpuStages } from '../src/pipeline/cpu-pool';
import { pollFeed } from '../src/pipeline/poll-feed';
import { outcomeOf, prepareItem, saveItemFailure } from '../src/pipeline/process-item';
import type { RecordStore } from '../src/store/record-store';
import type { FeedItem } from '../src/types';
import { itemIdOf, type ItemLedger } from './item-ledger';
import { failJob, identified } from './job-failure';
import {
  articleJobId, type ArticleJobData, type FeedJobData, type Queues, recordsJobId, type RecordsJobData,
} from './queues';

export interface ProcessorDeps {
  store: RecordStore;
  http: HttpClient;
  robots: RobotsCache;
  /** Where scrape and extract run: the process's pool of worker threads. */
  cpu?: CpuStages;
  maxItemsPerFeed: number;
  queues: Queues;
  ledger: ItemLedger;
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

/** Whether this job ran before (an attempt failed, or its worker died holding it). */
function ranBefore(job: Job): boolean {
  return job.attemptsMade > 0 || (job.stalledCounter ?? 0) > 0;
}

/** `feeds`: poll one feed (conditional GET), enqueue one `articles` job per new item. */
export function feedsProcessor(deps: ProcessorDeps) {
  return async (job: Job<FeedJobData>): Promise<FeedJobResult> => {
    const { feed } = job.data;
    const poll = await pollFeed(feed, { store: deps.store, http: deps.http, maxItemsPerFeed: deps.maxItemsPerFeed });
    // The feed's state already records the failure; there is no item to settle.
    if (!poll.ok) return failJob(job, poll.error, 'feed', async () => undefined);
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
      const prepared = await prepareItem(item, { store: deps.store, http: deps.http, robots: deps.robots, cpu: deps.cpu });
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
      // No article on the page: a failure like any other, for the policy to judge.
      if (outcome.kind === 'failed') throw new ContentError(outcome.reason, { stage: outcome.stage });
      const kind = outcome.kind === 'records' ? 'records' : 'no_incident';
      const result: ArticleJobResult = { outcome: kind, records: prepared.records.length };
      if (deps.storeVerdicts) {
        try {
          await retryInPlace(() => deps.store.saveArticle(prepared.outcome, prepared.records));
        } catch {
          // The store is down or busy: `records` retries the write alone, without refetching the page.
          return handOn(deps, itemId, prepared.outcome, prepared.records, result);
        }
        await deps.ledger.settle(itemId, kind);
        return result;
      }
      return await handOn(deps, itemId, prepared.outcome, prepared.records, result);
    } catch (err) {
      // Given up: the store and the ledger say why, as the inline runner's store would.
      return failJob(job, err, 'extract', async (failure) => {
        await saveItemFailure(item, failure, deps.store).catch(() => undefined);
        await deps.ledger.settle(itemId, 'failed');
      });
    }
  };
}

/** Gives a verdict to `records`, whose job stores it. */
async function handOn(deps: ProcessorDeps, itemId: string, outcome: RecordsJobData['outcome'], records: RecordsJobData['records'], result: ArticleJobResult): Promise<ArticleJobResult> {
  const data: RecordsJobData = { itemId, outcome, records };
  await deps.queues.records.add('records', data, { jobId: recordsJobId(outcome.key) });
  return { ...result, handedOn: true };
}

/** `records`: one transaction per verdict; idempotent by record id, so a replay changes nothing. */
export function recordsProcessor(deps: Pick<ProcessorDeps, 'store' | 'ledger'>) {
  return async (job: Job<RecordsJobData>): Promise<RecordsJobResult> => {
    const { itemId, outcome, records } = job.data;
    try {
      await retryInPlace(() => deps.store.saveArticle(outcome, records));
    } catch (err) {
      return failJob(job, err, 'store', async () => {
        await deps.ledger.settle(itemId, 'failed');
      });
    }
    await deps.ledger.settle(itemId, records.length > 0 ? 'records' : 'no_incident');
    return { status: outcome.status, records: records.length };
  };
}
