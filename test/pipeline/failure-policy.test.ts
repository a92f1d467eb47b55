import { ContentError, HttpStatusError, NetworkError, StoreError } from '../../src/errors';
import { HostBackoffError } from '../../src/ingest/fetch-errors';
import { decideFailure, feedBackoffUntil, retryInPlace, type RetryBudget } from '../../src/pipeline/failure-policy';

const URL = 'https://a.test/x';
const budget = (attempt: number, attempts = 4): RetryBudget => ({ attempt, attempts, backoffMs: 1_000, stage: 'extract' });

// Stage × kind → outcome: the README's failure table, case by case.
describe('decideFailure', () => {
  const cases: Record<string, { err: unknown; attempt?: number; attempts?: number; expected: object }> = {
    '404: permanent, fails at once': { err: new HttpStatusError(URL, 404), expected: { action: 'fail', stage: 'fetch', kind: 'permanent' } },
    '500: retried after the backoff': { err: new HttpStatusError(URL, 500), expected: { action: 'retry', delayMs: 1_000, kind: 'retryable' } },
    '500 on the third attempt: the backoff doubled twice': { err: new HttpStatusError(URL, 500), attempt: 3, expected: { action: 'retry', delayMs: 4_000 } },
    '500 on the last attempt: fails': { err: new HttpStatusError(URL, 500), attempt: 4, expected: { action: 'fail', kind: 'retryable' } },
    '429 with Retry-After: 3 s: that is the delay': { err: new HttpStatusError(URL, 429, 3_000), attempt: 3, expected: { action: 'retry', delayMs: 3_000, kind: 'throttled' } },
    '503 with a Retry-After of an hour: an hour': { err: new HttpStatusError(URL, 503, 3_600_000), expected: { action: 'retry', delayMs: 3_600_000, kind: 'throttled' } },
    '429 without Retry-After: the backoff': { err: new HttpStatusError(URL, 429), attempt: 2, expected: { action: 'retry', delayMs: 2_000, kind: 'throttled' } },
    'host still paused (not sent): its remaining pause': { err: new HostBackoffError(URL, 'a.test', 7_000), expected: { action: 'retry', delayMs: 7_000, kind: 'throttled' } },
    'timeout: retried': { err: new NetworkError(`fetch: ${URL} timed out`), expected: { action: 'retry', stage: 'fetch', kind: 'retryable' } },
    'robots.txt unreadable: retried at the robots stage': { err: new NetworkError('robots: …', { stage: 'robots' }), expected: { action: 'retry', stage: 'robots' } },
    'no article body: permanent at the scrape stage': { err: new ContentError('scrape: …', { stage: 'scrape' }), expected: { action: 'fail', stage: 'scrape', kind: 'permanent' } },
    'store outage: retried': { err: new StoreError('store: down'), expected: { action: 'retry', stage: 'store', kind: 'retryable' } },
    'store contention that lasted: retried like an outage': { err: new StoreError('store: busy', { kind: 'contention' }), expected: { action: 'retry', kind: 'contention' } },
    'a bug (no facts): permanent, charged to the stage given': { err: new TypeError('x is undefined'), expected: { action: 'fail', stage: 'extract', kind: 'permanent', reason: 'TypeError: x is undefined' } },
    'inline run (one attempt): every failure is the verdict': { err: new HttpStatusError(URL, 500), attempts: 1, expected: { action: 'fail', kind: 'retryable' } },
  };
  it.each(Object.entries(cases))('%s', (_name, c) => {
    expect(decideFailure(c.err, budget(c.attempt ?? 1, c.attempts))).toMatchObject(c.expected);
  });
});

describe('retryInPlace', () => {
  it('tries contention again in place, and throws anything else at once', async () => {
    let calls = 0;
    const busyTwice = async () => {
      if (++calls <= 2) throw new StoreError('store: busy', { kind: 'contention' });
      return 'ok';
    };
    expect(await retryInPlace(busyTwice)).toBe('ok');
    expect(calls).toBe(3);
    calls = 0;
    await expect(retryInPlace(async () => { calls++; throw new StoreError('store: down'); })).rejects.toThrow('store: down');
    expect(calls).toBe(1);
  });
});

describe('feedBackoffUntil', () => {
  const at = '2026-01-01T00:00:00.000Z';
  it.each([
    [0, null],
    [1, '2026-01-01T00:05:00.000Z'],
    [2, '2026-01-01T00:10:00.000Z'],
    [4, '2026-01-01T00:40:00.000Z'],
    [12, '2026-01-01T06:00:00.000Z'], // capped at six hours
  ])('%i consecutive failures → %s', (failures, expected) => {
    expect(feedBackoffUntil({ consecutiveFailures: failures, lastPolledAt: at })?.toISOString() ?? null).toBe(expected);
  });

  it('a feed never polled is not backing off', () => {
    expect(feedBackoffUntil(null)).toBeNull();
    expect(feedBackoffUntil({ consecutiveFailures: 3, lastPolledAt: null })).toBeNull();
  });
});
