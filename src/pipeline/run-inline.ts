import { describeError } from '../errors';
import { fetchFeed } from '../ingest/fetch-feed';
import type { FetchOptions } from '../ingest/fetch-options';
import type { RecordStore } from '../store/record-store';
import type { FeedConfig, FeedItem } from '../types';
import { mapConcurrent } from './map-concurrent';
import { type ItemOutcome, processItem } from './process-item';

export interface InlineRunOptions {
  feeds: FeedConfig[];
  store: RecordStore;
  fetch: FetchOptions;
  /** Articles processed at once. */
  concurrency: number;
  maxItemsPerFeed: number;
  /** Called as work proceeds, for progress display and logs. */
  onEvent?: (event: RunEvent) => void;
}

export type RunEvent =
  | { type: 'feed'; feedId: string; ok: true; items: number; notModified: boolean }
  | { type: 'feed'; feedId: string; ok: false; reason: string }
  | { type: 'items'; total: number }
  | { type: 'item'; outcome: ItemOutcome };

export interface RunSummary {
  feeds: { ok: number; failed: number; notModified: number };
  items: { total: number; new: number; duplicate: number };
  articles: { withIncidents: number; noIncident: number; failed: number };
  records: number;
  failures: { target: string; reason: string }[];
}

/** The inline runner: polls every feed, then runs each new item through the stages. */
export async function runInline(opts: InlineRunOptions): Promise<RunSummary> {
  const emit = opts.onEvent ?? (() => undefined);
  const summary: RunSummary = {
    feeds: { ok: 0, failed: 0, notModified: 0 },
    items: { total: 0, new: 0, duplicate: 0 },
    articles: { withIncidents: 0, noIncident: 0, failed: 0 },
    records: 0,
    failures: [],
  };

  const perFeed = await mapConcurrent(opts.feeds, opts.concurrency, (feed) => pollFeed(feed, opts, summary, emit));
  const items = perFeed.flat();
  summary.items.total = items.length;
  emit({ type: 'items', total: items.length });

  const claimed = new Set<string>();
  await mapConcurrent(items, opts.concurrency, async (item) => {
    const outcome = await processItem(item, { store: opts.store, fetch: opts.fetch, claimed });
    tally(summary, outcome);
    emit({ type: 'item', outcome });
  });
  return summary;
}

async function pollFeed(feed: FeedConfig, opts: InlineRunOptions, summary: RunSummary, emit: (e: RunEvent) => void): Promise<FeedItem[]> {
  const prev = await opts.store.getFeedState(feed.id);
  const polledAt = new Date().toISOString();
  try {
    const res = await fetchFeed(feed, opts.fetch, prev ?? undefined);
    await opts.store.saveFeedState({
      feedId: feed.id,
      etag: res.etag ?? prev?.etag ?? null,
      lastModified: res.lastModified ?? prev?.lastModified ?? null,
      lastPolledAt: polledAt,
      lastError: null,
      consecutiveFailures: 0,
    });
    summary.feeds.ok++;
    if (res.notModified) summary.feeds.notModified++;
    emit({ type: 'feed', feedId: feed.id, ok: true, items: res.items.length, notModified: res.notModified });
    return res.items.slice(0, opts.maxItemsPerFeed);
  } catch (err) {
    const reason = describeError(err);
    summary.feeds.failed++;
    summary.failures.push({ target: `feed ${feed.id}`, reason });
    await opts.store.saveFeedState({
      feedId: feed.id,
      etag: prev?.etag ?? null,
      lastModified: prev?.lastModified ?? null,
      lastPolledAt: polledAt,
      lastError: reason,
      consecutiveFailures: (prev?.consecutiveFailures ?? 0) + 1,
    });
    emit({ type: 'feed', feedId: feed.id, ok: false, reason });
    return [];
  }
}

function tally(s: RunSummary, o: ItemOutcome): void {
  if (o.kind === 'duplicate') {
    s.items.duplicate++;
    return;
  }
  s.items.new++;
  if (o.kind === 'records') {
    s.articles.withIncidents++;
    s.records += o.records;
  } else if (o.kind === 'no_incident') {
    s.articles.noIncident++;
  } else {
    s.articles.failed++;
    s.failures.push({ target: o.url, reason: o.reason });
  }
}
