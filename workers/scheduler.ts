// One BullMQ job scheduler per configured feed, reconciled with the config. Several
// processes upserting the same scheduler at once has misbehaved in BullMQ's history, so
// reconciliation runs under a Redis lock (single writer) and only writes what differs
// (idempotent): two `schedule` processes started together create each scheduler once.
import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { NetworkError } from '../src/errors';
import type { FeedConfig } from '../src/types';
import { type FeedJobData, feedPollJobId, feedSchedulerId, jobOptions } from './queues';
import type { DistributedSettings } from '../src/config/settings';

export type ScheduleAction = 'created' | 'updated' | 'unchanged' | 'removed';

export interface ScheduleChange {
  feedId: string;
  schedulerId: string;
  action: ScheduleAction;
  /** Poll interval in minutes (the removed scheduler's, for `removed`). */
  everyMins: number | null;
  /** Next poll, ISO, when known. */
  next: string | null;
}

const SCHEDULER_PREFIX = 'feed-';
const LOCK_TTL_MS = 30_000;

const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** Runs `fn` holding the prefix's schedule lock; waits up to `waitMs` for another holder to finish. */
export async function withScheduleLock<T>(redis: Redis, prefix: string, fn: () => Promise<T>, waitMs = 60_000): Promise<T> {
  const key = `${prefix}:bf:schedule-lock`;
  const token = randomBytes(8).toString('hex');
  const deadline = Date.now() + waitMs;
  while ((await redis.set(key, token, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
    if (Date.now() > deadline) throw new NetworkError(`schedule: another scheduler has held ${key} for over ${waitMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    return await fn();
  } finally {
    await redis.eval(RELEASE_SCRIPT, 1, key, token).catch(() => undefined);
  }
}

function everyMsOf(feed: FeedConfig, settings: DistributedSettings): number {
  return Math.round((feed.intervalMins ?? settings.defaultIntervalMins) * 60_000);
}

/**
 * Makes the queue's feed schedulers match `feeds`: creates missing ones (first poll at
 * once), updates changed intervals or feed settings, removes schedulers of feeds no
 * longer configured. Returns one change per feed and per removed scheduler.
 */
export async function reconcileSchedules(
  queue: Queue<FeedJobData>, redis: Redis, feeds: FeedConfig[], settings: DistributedSettings,
): Promise<ScheduleChange[]> {
  return withScheduleLock(redis, settings.prefix, async () => {
    const changes: ScheduleChange[] = [];
    const wanted = new Set(feeds.map((f) => feedSchedulerId(f.id)));
    const existing = await queue.getJobSchedulers(0, -1, true);
    const byId = new Map(existing.map((s) => [s.key, s]));
    const template = { opts: jobOptions('feeds', settings) };

    for (const feed of feeds) {
      const id = feedSchedulerId(feed.id);
      const every = everyMsOf(feed, settings);
      const current = byId.get(id);
      const data: FeedJobData = { feed };
      const same = current && Number(current.every) === every && JSON.stringify(current.template?.data) === JSON.stringify(data);
      if (same) {
        changes.push({ feedId: feed.id, schedulerId: id, action: 'unchanged', everyMins: every / 60_000, next: isoOrNull(current.next) });
        continue;
      }
      await queue.upsertJobScheduler(id, { every }, { name: 'poll', data, opts: template.opts });
      const after = await queue.getJobScheduler(id);
      changes.push({ feedId: feed.id, schedulerId: id, action: current ? 'updated' : 'created', everyMins: every / 60_000, next: isoOrNull(after?.next) });
    }
    for (const s of existing) {
      if (!s.key.startsWith(SCHEDULER_PREFIX) || wanted.has(s.key)) continue;
      await queue.removeJobScheduler(s.key);
      // A poll it already produced and nobody has run yet would still run: remove it too.
      for (const job of await queue.getJobs(['waiting', 'delayed', 'prioritized'])) {
        if (job?.id?.startsWith(`repeat:${s.key}:`) || job?.repeatJobKey === s.key) await job.remove().catch(() => undefined);
      }
      changes.push({ feedId: s.key.slice(SCHEDULER_PREFIX.length), schedulerId: s.key, action: 'removed', everyMins: s.every ? Number(s.every) / 60_000 : null, next: null });
    }
    return changes;
  });
}

/** Enqueues one poll of each feed now; a second call in the same minute is a no-op (same job id). */
export async function enqueuePollsNow(queue: Queue<FeedJobData>, feeds: FeedConfig[], now = Date.now()): Promise<string[]> {
  const slot = Math.floor(now / 60_000);
  const jobs = await queue.addBulk(feeds.map((feed) => ({ name: 'poll', data: { feed }, opts: { jobId: feedPollJobId(feed.id, slot) } })));
  return jobs.map((j) => j.id!);
}

function isoOrNull(ms: number | string | undefined | null): string | null {
  const n = Number(ms);
  return ms != null && Number.isFinite(n) ? new Date(n).toISOString() : null;
}
