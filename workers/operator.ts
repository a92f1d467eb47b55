// What operators do to the queues: see what failed and why, replay or discard it, pause,
// resume or drain a queue, and read the accounting.
import type { Job } from 'bullmq';
import type { RecordStore, StoreCounts } from '../src/store/record-store';
import type { ItemLedger, LedgerCounts } from './item-ledger';
import { settleEndedJob } from './job-failure';
import { type ArticleJobData, describeJobTarget, type Queues, type RecordsJobData } from './queues';
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

/** What operator actions need besides the queues: the ledger, and the store for failed verdicts. */
export interface AccountingDeps {
  ledger: ItemLedger;
  /** null: the ledger is settled, the store is left as it is (a process that cannot reach it). */
  store: RecordStore | null;
}

/** The item of an `articles` or `records` job. */
function itemIdOfJob(job: Job): string | null {
  return (job.data as Partial<ArticleJobData | RecordsJobData> | undefined)?.itemId ?? null;
}

/**
 * Moves failed jobs back to waiting with a fresh attempt budget. The job keeps its id and
 * data, and every stage is idempotent, so a replay whose cause was fixed stores exactly
 * what a first success would have. Its item is in flight again until the replay ends.
 */
export async function retryJobs(queues: Queues, ledger: ItemLedger, sel: JobSelection): Promise<SelectionResult> {
  const { jobs, missing } = await selectFailed(queues, sel);
  const done: SelectionResult['done'] = [];
  for (const { job, queue } of jobs) {
    const itemId = itemIdOfJob(job);
    if (itemId) await ledger.settle(itemId, 'queued');
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    done.push({ id: job.id!, queue });
  }
  return { done, missing };
}

/**
 * Removes failed jobs for good. Their items stay counted as failures, which later polls do not
 * enqueue again; with `forget`, the ledger forgets them instead, so the next poll that lists
 * them enqueues them afresh.
 */
export async function discardJobs(queues: Queues, deps: AccountingDeps, sel: JobSelection & { forget?: boolean }): Promise<SelectionResult> {
  const { jobs, missing } = await selectFailed(queues, sel);
  const done: SelectionResult['done'] = [];
  for (const { job, queue } of jobs) {
    await job.remove();
    await settleEndedJob(queue, job, 'discarded', deps);
    const itemId = itemIdOfJob(job);
    if (sel.forget && itemId) await deps.ledger.forget(itemId);
    done.push({ id: job.id!, queue });
  }
  return { done, missing };
}

export type QueueAction = 'pause' | 'resume' | 'drain';

const DRAINED_STATES = ['waiting', 'prioritized'] as const;

/**
 * Pause (running jobs finish, no new ones start), resume, or drain (drop waiting jobs; `delayed`
 * too when asked). Drained items are settled as failures ("drained"): nothing will run them.
 */
export async function applyQueueAction(queues: Queues, names: QueueName[], action: QueueAction, deps: AccountingDeps, opts: { delayed?: boolean } = {}): Promise<Record<QueueName, number>> {
  const dropped = {} as Record<QueueName, number>;
  for (const name of names) {
    const q = queues[name];
    if (action === 'pause') await q.pause();
    else if (action === 'resume') await q.resume();
    else {
      const doomed = await q.getJobs(opts.delayed ? [...DRAINED_STATES, 'delayed'] : [...DRAINED_STATES]);
      await q.drain(Boolean(opts.delayed));
      let n = 0;
      for (const job of doomed) {
        // A job a worker took in the meantime was not drained: it settles itself.
        if (!job?.id || (await q.getJobState(job.id)) !== 'unknown') continue;
        n++;
        await settleEndedJob(name, job, 'drained', deps);
      }
      dropped[name] = n;
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
  /** The ledger's accounting, and `inFlight`: items with an active, waiting or delayed job (from the queues). */
  items: LedgerCounts & { inFlight: number };
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

/** Items that have a job still to run or running: active, waiting or delayed, in `articles` or `records`. */
export async function countItemsInFlight(queues: Queues): Promise<number> {
  const items = new Set<string>();
  for (const name of ['articles', 'records'] as const) {
    for (const job of await queues[name].getJobs(['active', 'waiting', 'prioritized', 'delayed'])) {
      const itemId = job ? itemIdOfJob(job) : null;
      if (itemId) items.add(itemId);
    }
  }
  return items.size;
}

/** Queue counts, the item accounting (DESIGN.md §1) and the store's counts. */
export async function readStatus(queues: Queues, ledger: ItemLedger, store: RecordStore | null): Promise<DistributedStatus> {
  // Jobs first, the ledger after: a job that finishes in between is then either still counted
  // as in flight or already in the ledger, never idle with its item unsettled.
  const q = await readQueueCounts(queues);
  const inFlight = await countItemsInFlight(queues);
  const [schedulers, items, counts] = await Promise.all([
    queues.feeds.getJobSchedulersCount(),
    ledger.counts(),
    store ? store.counts() : Promise.resolve({ articles: { breach: 0, no_incident: 0, failed: 0 }, records: 0, incidents: 0, failuresByStage: {} }),
  ]);
  return { queues: q, schedulers, items: { ...items, inFlight }, store: { ...counts, location: store?.location ?? '(not opened)' } };
}

/**
 * What does not add up: items the ledger holds as pending without a job in flight (their job
 * ended without settling them), or jobs in flight whose item the ledger does not hold as pending.
 * Empty when consistent. A poll between claiming its items and enqueueing them shows briefly.
 */
export function inconsistencies(s: DistributedStatus): string[] {
  const { pending, inFlight } = s.items;
  if (pending === inFlight) return [];
  return pending > inFlight
    ? [`${pending - inFlight} item${pending - inFlight === 1 ? '' : 's'} pending in the ledger with no job in flight`]
    : [`${inFlight - pending} job${inFlight - pending === 1 ? '' : 's'} in flight for items the ledger does not hold as pending`];
}

/** True when no item is pending or in flight and no feed poll waits or runs. */
export function isSettled(s: DistributedStatus): boolean {
  return s.items.pending === 0 && s.items.inFlight === 0 && s.queues.feeds.active === 0 && s.queues.feeds.waiting === 0;
}
