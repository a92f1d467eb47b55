import { BreachfeedError, describeError, factsOf } from '../errors';
import { identifyItem, type OriginAliases } from '../ingest/canonicalize-url';
import { fetchFeed } from '../ingest/fetch-feed';
import type { HttpClient } from '../ingest/http-get';
import type { RecordStore } from '../store/record-store';
import type { FeedConfig, FeedItem } from '../types';
import { feedBackoffUntil } from './failure-policy';

export type FeedPoll =
  /** `deferredUntil`: the feed failed lately and was not asked this time (back-off). */
  | { ok: true; items: FeedItem[]; notModified: boolean; deferredUntil?: string }
  /** `error`: what failed, at the feed stage and naming the feed, for the failure policy. */
  | { ok: false; reason: string; error: BreachfeedError };

export interface PollContext {
  store: Pick<RecordStore, 'getFeedState' | 'saveFeedState'>;
  http: HttpClient;
  maxItemsPerFeed: number;
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
  const until = feedBackoffUntil(prev);
  if (until && until.getTime() > now && !ctx.ignoreBackoff) {
    return { ok: true, items: [], notModified: false, deferredUntil: until.toISOString() };
  }
  const polledAt = new Date(now).toISOString();
  try {
    const res = await fetchFeed(feed, ctx.http, prev ?? undefined);
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
    // Every feed failure names its feed: the feed stage's own errors do, the others get it here.
    const named = err instanceof BreachfeedError && err.stage === 'feed';
    const reason = named ? describeError(err) : `feed ${feed.id}: ${describeError(err)}`;
    await ctx.store.saveFeedState({
      feedId: feed.id,
      etag: prev?.etag ?? null,
      lastModified: prev?.lastModified ?? null,
      lastPolledAt: polledAt,
      lastError: reason,
      consecutiveFailures: (prev?.consecutiveFailures ?? 0) + 1,
    }).catch(() => undefined); // a store failure must not hide the feed's own error
    return { ok: false, reason, error: new BreachfeedError(reason, { ...factsOf(err, 'feed'), stage: 'feed' }, { cause: err }) };
  }
}
