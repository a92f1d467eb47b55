// The one failure policy (DESIGN.md §2b). Errors carry facts (stage, kind, Retry-After);
// this module alone turns them into what happens next: another attempt after some delay, or
// giving up, the failure then being the item's verdict. Both runners and every queue ask it.
import { describeError, factsOf, type FailureKind, type FailureStage } from '../errors';
import type { FeedState } from '../store/record-store';

export interface RetryBudget {
  /** The attempt that just failed, from 1. */
  attempt: number;
  /** Attempts allowed in all (a job's `attempts`; 1 for an inline run, whose retry is the next run). */
  attempts: number;
  /** Delay after the first failed attempt; doubled after each further one. */
  backoffMs: number;
  /** The stage charged with an error that carries no facts (a bug in that stage). */
  stage: FailureStage;
}

export type FailureDecision =
  /** Try again after `delayMs`. */
  | { action: 'retry'; delayMs: number; stage: FailureStage; kind: FailureKind; reason: string }
  /** Give up: the item's verdict is this failure (stored with its stage, counted failed). */
  | { action: 'fail'; stage: FailureStage; kind: FailureKind; reason: string };

/** Lock contention is retried in place, quickly, this many times before it counts as an outage. */
const CONTENTION_TRIES = 8;

/**
 * What to do after `err` ended an attempt:
 *
 * | kind        | outcome                                                                        |
 * |-------------|--------------------------------------------------------------------------------|
 * | permanent   | fail at once                                                                   |
 * | retryable   | retry after backoff · 2^(attempt−1), until the attempts are used up            |
 * | throttled   | retry after the server's Retry-After (capped by fetch.maxRetryAfterMs), else as retryable |
 * | contention  | as retryable (in place, `retryInPlace` already tried it a few times quickly)    |
 */
export function decideFailure(err: unknown, budget: RetryBudget): FailureDecision {
  const { stage, kind, retryAfterMs } = factsOf(err, budget.stage);
  const reason = describeError(err);
  if (kind === 'permanent' || budget.attempt >= budget.attempts) return { action: 'fail', stage, kind, reason };
  const delayMs = kind === 'throttled' && retryAfterMs !== null ? retryAfterMs : budget.backoffMs * 2 ** (budget.attempt - 1);
  return { action: 'retry', delayMs, stage, kind, reason };
}

/**
 * Runs a store write, trying it again a few times in place when another writer held the lock: a
 * job retry would wait out a backoff meant for outages, not for a busy millisecond. Any other
 * failure, and contention that lasts, is thrown for decideFailure.
 */
export async function retryInPlace<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (factsOf(err, 'store').kind !== 'contention' || attempt >= CONTENTION_TRIES) throw err;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.floor(Math.random() * 20)));
    }
  }
}

// After n consecutive failures a feed waits BASE · 2^(n−1), at most MAX, before it is asked again.
const FEED_BACKOFF_BASE_MS = 5 * 60_000;
const FEED_BACKOFF_MAX_MS = 6 * 60 * 60_000;

/** When a failing feed may be polled again, or null when it is not backing off. */
export function feedBackoffUntil(state: Pick<FeedState, 'consecutiveFailures' | 'lastPolledAt'> | null): Date | null {
  if (!state || state.consecutiveFailures <= 0 || !state.lastPolledAt) return null;
  const wait = Math.min(FEED_BACKOFF_BASE_MS * 2 ** (state.consecutiveFailures - 1), FEED_BACKOFF_MAX_MS);
  return new Date(Date.parse(state.lastPolledAt) + wait);
}
