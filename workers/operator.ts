// What operators do to the queues: see what failed and why, replay or discard it, pause,
// resume or drain a queue, and read the accounting.
import type { Job } from 'bullmq';
import type { RecordStore, StoreCounts } from '../src/store/record-store';
import type { ItemLedger, LedgerCounts } from './item-ledger';
import { describeJobTarget, type Queues } from './queues';
import { QUEUE_NAMES, type QueueName } from '../src/config/settings';

export interface FailedJob {
  id: string;
  queue: QueueName;
  /** What it was for: `feed <id>` or the article URL. */
  target: string;
  attempts: number;
  error: string;
  /** When it failed for the last time, ISO. */
  failedAt: string | null;
  ageSeconds: number | null;
}

function queuesOf(only?: QueueName): QueueName[] {
  return only ? [only] : [...QUEUE_NAMES];
}

function toFailedJob(queue: QueueName, job: Job, now: number): FailedJob {
  return {
    id: job.id!,
    queue,
    target: describeJobTarget(queue, job.data),
    attempts: job.attemptsMade,
    error: (job.failedReason ?? '').split('\n')[0],
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    ageSeconds: job.finishedOn ? Math.max(0, Math.round((now - job.finishedOn) / 1000)) : null,
  };
}

/** Failed jobs, newest first; `sinceMs` keeps those that failed within that window. */
export async function listFailedJobs(queues: Queues, opts: { queue?: QueueName; sinceMs?: number } = {}): Promise<FailedJob[]> {
  const now = Date.now();
  const out: FailedJob[] = [];
  for (const q of queuesOf(opts.queue)) {
    const jobs = await queues[q].getFailed(0, -1);
    for (const job of jobs) {
      if (!job?.id) continue;
      if (opts.sinceMs !== undefined && (!job.finishedOn || now - job.finishedOn > opts.sinceMs)) continue;
      out.push(toFailedJob(q, job, now));
    }
  }
  return out.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
}

export interface JobSelection {
  ids?: string[];
  all?: boolean;
  queue?: QueueName;
  sinceMs?: number;
}

export interface SelectionResult {
  done: { id: string; queue: QueueName }[];
  /** Ids given that are not a failed job of the selected queues. */
  missing: string[];
}

async function selectFailed(queues: Queues, sel: JobSelection): Promise<{ jobs: { job: Job; queue: QueueName }[]; missing: string[] }> {
  if (sel.all) {
    const failed = await listFailedJobs(queues, { queue: sel.queue, sinceMs: sel.sinceMs });
    const jobs: { job: Job; queue: QueueName }[] = [];
    for (const f of failed) {
      const job = await queues[f.queue].getJob(f.id);
      if (job) jobs.push({ job, queue: f.queue });
    }
    return { jobs, missing: [] };
  }
  const jobs: { job: Job; queue: QueueName }[] = [];
  const missing: string[] = [];
  for (const id of sel.ids ?? []) {
    let found = false;
    for (const q of queuesOf(sel.queue)) {
      const job = await queues[q].getJob(id);
      if (job && (await job.isFailed())) {
        jobs.push({ job, queue: q });
        found = true;
        break;
      }
    }
    if (!found) missing.push(id);
  }
  return { jobs, missing };
}

/**
 * Moves failed jobs back to waiting with a fresh attempt budget. The job keeps its id and
 * data, and every stage is idempotent, so a replay whose cause was fixed stores exactly
 * what a first success would have.
 */
export async function retryJobs(queues: Queues, sel: JobSelection): Promise<SelectionResult> {
  const { jobs, missing } = await selectFailed(queues, sel);
  const done: SelectionResult['done'] = [];
  for (const { job, queue } of jobs) {
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    done.push({ id: job.id!, queue });
  }
  return { done, missing };
}

/** Removes failed jobs for good; their items stay counted as failures. */
export async function discardJobs(queues: Queues, sel: JobSelection): Promise<SelectionResult> {
  const { jobs, missing } = await selectFailed(queues, sel);
  const done: SelectionResult['done'] = [];
  for (const { job, queue } of jobs) {
    await job.remove();
    done.push({ id: job.id!, queue });
  }
  return { done, missing };
}

export type QueueAction = 'pause' | 'resume' | 'drain';

/** Pause (running jobs finish, no new ones start), resume, or drain (drop waiting jobs; `delayed` too when asked). */
export async function applyQueueAction(queues: Queues, names: QueueName[], action: QueueAction, opts: { delayed?: boolean } = {}): Promise<Record<QueueName, number>> {
  const dropped = {} as Record<QueueName, number>;
  for (const name of names) {
    const q = queues[name];
    if (action === 'pause') await q.pause();
    else if (action === 'resume') await q.resume();
    else {
      const before = await q.getJobCounts('waiting', 'delayed', 'prioritized');
      await q.drain(Boolean(opts.delayed));
      const after = await q.getJobCounts('waiting', 'delayed', 'prioritized');
      const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
      dropped[name] = total(before) - total(after);
    }
  }
  return dropped;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  paused: boolean;
}

export interface DistributedStatus {
  queues: Record<QueueName, QueueCounts>;
  schedulers: number;
  items: LedgerCounts;
  store: StoreCounts & { location: string };
}

export async function readQueueCounts(queues: Queues): Promise<Record<QueueName, QueueCounts>> {
  const out = {} as Record<QueueName, QueueCounts>;
  for (const name of QUEUE_NAMES) {
    const c = await queues[name].getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
    out[name] = {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
      paused: await queues[name].isPaused(),
    };
  }
  return out;
}

/** Queue counts, the item accounting (DESIGN.md §1) and the store's counts. */
export async function readStatus(queues: Queues, ledger: ItemLedger, store: RecordStore | null): Promise<DistributedStatus> {
  // Queues first, the ledger after: a job that finishes in between is then either still counted
  // as busy or already in the ledger, never idle with its item unsettled.
  const q = await readQueueCounts(queues);
  const [schedulers, items, counts] = await Promise.all([
    queues.feeds.getJobSchedulersCount(),
    ledger.counts(),
    store ? store.counts() : Promise.resolve({ articles: { breach: 0, no_incident: 0, failed: 0 }, records: 0, failuresByStage: {} }),
  ]);
  return { queues: q, schedulers, items, store: { ...counts, location: store?.location ?? '(not opened)' } };
}

/** True when no item is in flight and nothing waits, runs or waits for a retry in articles/records. */
export function isSettled(s: DistributedStatus): boolean {
  const busy = (c: QueueCounts) => c.waiting + c.active + c.delayed;
  return s.items.inFlight === 0 && busy(s.queues.articles) === 0 && busy(s.queues.records) === 0 && s.queues.feeds.active === 0 && s.queues.feeds.waiting === 0;
}
