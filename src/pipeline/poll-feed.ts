import { describeError, isRetryable } from '../errors';
import { identifyItem, type OriginAliases } from '../ingest/canonicalize-url';
import { fetchFeed } from '../ingest/fetch-feed';
import type { HostGate } from '../ingest/host-limiter';
import type { HttpClient } from '../ingest/http-get';
import type { FeedState, RecordStore } from '../store/record-store';
import type { FeedConfig, FeedItem } from '../types';

export type FeedPoll =
  /** `deferredUntil`: the feed failed lately and was not asked this time (back-off). */
  | { ok: true; items: FeedItem[]; notModified: boolean; deferredUntil?: string }
  | { ok: false; reason: string; retryable: boolean };

// After n consecutive failures a feed waits BASE · 2^(n−1), at most MAX, before it is asked again.
const BACKOFF_BASE_MS = 5 * 60_000;
const BACKOFF_MAX_MS = 6 * 60 * 60_000;

/** When a failing feed may be polled again, or null when it is not backing off. */
export function backoffUntil(state: Pick<FeedState, 'consecutiveFailures' | 'lastPolledAt'> | null): Date | null {
  if (!state || state.consecutiveFailures <= 0 || !state.lastPolledAt) return null;
  const wait = Math.min(BACKOFF_BASE_MS * 2 ** (state.consecutiveFailures - 1), BACKOFF_MAX_MS);
  return new Date(Date.parse(state.lastPolledAt) + wait);
}

export interface PollContext {
  store: Pick<RecordStore, 'getFeedState' | 'saveFeedState'>;
  http: HttpClient;
  maxItemsPerFeed: number;
  hostGate?: HostGate;
  /** Origins stored under another one (the demo newsroom on a fallback port). */
  originAliases?: OriginAliases;
  /** Poll even a feed that is backing off (an operator's explicit run). */
  ignoreBackoff?: boolean;
  /** For tests. @default Date.now */
  now?: () => number;
}

/**
 * Polls one feed with a conditional GET on the stored validators and records the poll in
 * the feed's state (validators, last error, consecutive failures). Each item comes out with
 * its identity (identifyItem), which every later step uses as it is. Never throws.
 */
export async function pollFeed(feed: FeedConfig, ctx: PollContext): Promise<FeedPoll> {
  const prev = await ctx.store.getFeedState(feed.id);
  const now = ctx.now?.() ?? Date.now();
  const until = backoffUntil(prev);
  if (until && until.getTime() > now && !ctx.ignoreBackoff) {
    return { ok: true, items: [], notModified: false, deferredUntil: until.toISOString() };
  }
  const polledAt = new Date(now).toISOString();
  try {
    const release = ctx.hostGate ? await ctx.hostGate(feed.url) : null;
    let res: Awaited<ReturnType<typeof fetchFeed>>;
    try {
      res = await fetchFeed(feed, ctx.http, prev ?? undefined);
    } finally {
      await release?.();
    }
    await ctx.store.saveFeedState({
      feedId: feed.id,
      etag: res.etag ?? prev?.etag ?? null,
      lastModified: res.lastModified ?? prev?.lastModified ?? null,
      lastPolledAt: polledAt,
      lastError: null,
      consecutiveFailures: 0,
    });
    const items = res.items.slice(0, ctx.maxItemsPerFeed).map((entry) => identifyItem(entry, ctx.originAliases));
    return { ok: true, items, notModified: res.notModified };
  } catch (err) {
    // Every feed failure names its feed, whichever layer raised it.
    const message = describeError(err);
    const reason = message.startsWith(`feed ${feed.id}:`) ? message : `feed ${feed.id}: ${message}`;
    await ctx.store.saveFeedState({
      feedId: feed.id,
      etag: prev?.etag ?? null,
      lastModified: prev?.lastModified ?? null,
      lastPolledAt: polledAt,
      lastError: reason,
      consecutiveFailures: (prev?.consecutiveFailures ?? 0) + 1,
    }).catch(() => undefined); // a store failure must not hide the feed's own error
    return { ok: false, reason, retryable: isRetryable(err) };
  }
}
