// How the failure policy's decisions reach BullMQ, and how jobs that end without their
// processor (stalled out, discarded, drained) still settle their item's accounting.
import { UnrecoverableError, type Job, type MinimalJob } from 'bullmq';
import type { FailureStage } from '../src/errors';
import { identifyItem } from '../src/ingest/canonicalize-url';
import { decideFailure, type FailureDecision, type RetryBudget } from '../src/pipeline/failure-policy';
import { saveItemFailure } from '../src/pipeline/process-item';
import type { RecordStore } from '../src/store/record-store';
import type { FeedItem } from '../src/types';
import type { QueueName } from '../src/config/settings';
import type { ItemLedger } from './item-ledger';
import { type ArticleJobData, describeJobTarget, type RecordsJobData } from './queues';

/** A retry the policy decided, carrying its delay to BullMQ (see policyBackoff). */
export class RetryLaterError extends Error {
  constructor(message: string, readonly delayMs: number) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/** The budget of a job's current attempt, from its options. */
function budgetOf(job: MinimalJob, stage: FailureStage): RetryBudget {
  const backoff = job.opts.backoff;
  const backoffMs = typeof backoff === 'number' ? backoff : backoff?.delay ?? 0;
  return { attempt: job.attemptsMade + 1, attempts: job.opts.attempts ?? 1, backoffMs, stage };
}

/**
 * Ends a failed attempt as the policy decides: a retry after its delay, or giving up, which
 * first runs `settle` (the item's failed verdict and ledger entry) and then fails the job for good.
 */
export async function failJob(job: Job, err: unknown, stage: FailureStage, settle: (failure: FailureDecision) => Promise<void>): Promise<never> {
  const decision = decideFailure(err, budgetOf(job, stage));
  if (decision.action === 'retry') throw new RetryLaterError(decision.reason, decision.delayMs);
  await settle(decision);
  throw new UnrecoverableError(decision.reason);
}

/**
 * BullMQ's backoff strategy (worker `settings.backoffStrategy`, jobs' backoff type `policy`):
 * the delay the policy chose; an error that escaped the processors is put to the policy too.
 */
export function policyBackoff(_attemptsMade: number, _type: string | undefined, err: Error | undefined, job: MinimalJob | undefined): number {
  if (err instanceof RetryLaterError) return err.delayMs;
  if (!job) return -1;
  const decision = decideFailure(err, budgetOf(job, 'queue'));
  return decision.action === 'retry' ? decision.delayMs : -1;
}

/** The job's item with its identity: jobs enqueued before items carried one get it here, once. */
export function identified(item: ArticleJobData['item']): FeedItem {
  return 'urlKey' in item ? item : identifyItem(item);
}

/** How a job ended without its processor saying what became of its item. */
export type JobEnd = 'stalled' | 'discarded' | 'drained';

const END_REASONS: Record<JobEnd, string> = {
  stalled: 'the job stalled more often than allowed (its workers stopped while running it)',
  discarded: 'an operator discarded the job',
  drained: 'an operator drained the job from its queue',
};

/**
 * Settles the item of an `articles` or `records` job that ended without its processor: the
 * ledger counts it failed and the store gets a failed verdict at the `queue` stage, saying how it
 * ended. Only an item still waiting for its verdict changes, so this is idempotent and never
 * undoes a verdict. True when it settled the item.
 */
export async function settleEndedJob(queue: QueueName, job: Job, end: JobEnd, deps: { ledger: ItemLedger; store: RecordStore | null }): Promise<boolean> {
  if (queue === 'feeds') return false;
  const data = job.data as ArticleJobData | RecordsJobData;
  if (!(await deps.ledger.settleIfPending(data.itemId, 'failed'))) return false;
  const failure = { reason: `${end}: ${describeJobTarget(queue, data)}: ${END_REASONS[end]}`, stage: 'queue' as const };
  if (deps.store) {
    if ('item' in data) await saveItemFailure(identified(data.item), failure, deps.store);
    else await deps.store.saveArticle({ ...data.outcome, status: 'failed', ...failure }, []);
  }
  return true;
}
