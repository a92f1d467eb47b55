import { describeError, isRetryable } from '../errors';
import { fetchFeed } from '../ingest/fetch-feed';
import type { FetchOptions } from '../ingest/fetch-options';
import type { RecordStore } from '../store/record-store';
import type { FeedConfig, FeedItem } from '../types';
import type { HostGate } from './process-item';

export type FeedPoll =
  | { ok: true; items: FeedItem[]; notModified: boolean }
  | { ok: false; reason: string; retryable: boolean };

export interface PollContext {
  store: Pick<RecordStore, 'getFeedState' | 'saveFeedState'>;
  fetch: FetchOptions;
  maxItemsPerFeed: number;
  hostGate?: HostGate;
}

/**
 * Polls one feed with a conditional GET on the stored validators and records the poll in
 * the feed's state (validators, last error, consecutive failures). Never throws.
 */
export async function pollFeed(feed: FeedConfig, ctx: PollContext): Promise<FeedPoll> {
  const prev = await ctx.store.getFeedState(feed.id);
  const polledAt = new Date().toISOString();
  try {
    const release = ctx.hostGate ? await ctx.hostGate(feed.url) : null;
    let res: Awaited<ReturnType<typeof fetchFeed>>;
    try {
      res = await fetchFeed(feed, ctx.fetch, prev ?? undefined);
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
    return { ok: true, items: res.items.slice(0, ctx.maxItemsPerFeed), notModified: res.notModified };
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
