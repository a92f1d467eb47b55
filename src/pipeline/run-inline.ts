import type { OriginAliases } from '../ingest/canonicalize-url';
import type { HttpClient } from '../ingest/http-get';
import { interleaveByHost } from '../ingest/interleave-by-host';
import type { RobotsCache } from '../ingest/robots';
import type { RecordStore } from '../store/record-store';
import type { CpuStages } from './cpu-pool';
import type { FeedConfig, FeedItem } from '../types';
import { mapConcurrent } from './map-concurrent';
import { pollFeed } from './poll-feed';
import { type ItemOutcome, processItem } from './process-item';

export interface InlineRunOptions {
  feeds: FeedConfig[];
  store: RecordStore;
  http: HttpClient;
  robots: RobotsCache;
  /** Articles processed at once. */
  concurrency: number;
  maxItemsPerFeed: number;
  /** Poll feeds that are backing off after failures too. */
  ignoreBackoff?: boolean;
  /** Called as work proceeds, for progress display and logs. */
  onEvent?: (event: RunEvent) => void;
  /** Origins stored under another one (the demo newsroom on a fallback port). */
  originAliases?: OriginAliases;
  /** Where scrape and extract run (the runtime's pool); in-process when absent. */
  cpu?: CpuStages;
}

export type RunEvent =
  | { type: 'feed'; feedId: string; ok: true; items: number; notModified: boolean; deferredUntil?: string }
  | { type: 'feed'; feedId: string; ok: false; reason: string }
  | { type: 'items'; total: number }
  | { type: 'item'; outcome: ItemOutcome };

export interface RunSummary {
  feeds: { ok: number; failed: number; notModified: number; deferred: number };
  items: { total: number; new: number; duplicate: number; skipped: number };
  articles: { withIncidents: number; noIncident: number; failed: number };
  records: number;
  failures: { target: string; reason: string }[];
}

/** The inline runner: polls every feed, then runs each new item through the stages. */
export async function runInline(opts: InlineRunOptions): Promise<RunSummary> {
  const emit = opts.onEvent ?? (() => undefined);
  const summary: RunSummary = {
    feeds: { ok: 0, failed: 0, notModified: 0, deferred: 0 },
    items: { total: 0, new: 0, duplicate: 0, skipped: 0 },
    articles: { withIncidents: 0, noIncident: 0, failed: 0 },
    records: 0,
    failures: [],
  };

  const perFeed = await mapConcurrent(opts.feeds, opts.concurrency, (feed) => pollOne(feed, opts, summary, emit));
  // Round-robin across hosts, so per-host politeness delays do not stall the whole pool on one site.
  const items = interleaveByHost(perFeed.flat());
  summary.items.total = items.length;
  emit({ type: 'items', total: items.length });

  const claimed = new Set<string>();
  await mapConcurrent(items, opts.concurrency, async (item) => {
    const outcome = await processItem(item, { store: opts.store, http: opts.http, robots: opts.robots, claimed, originAliases: opts.originAliases, cpu: opts.cpu });
    tally(summary, outcome);
    emit({ type: 'item', outcome });
  });
  return summary;
}

async function pollOne(feed: FeedConfig, opts: InlineRunOptions, summary: RunSummary, emit: (e: RunEvent) => void): Promise<FeedItem[]> {
  const poll = await pollFeed(feed, {
    store: opts.store, http: opts.http, maxItemsPerFeed: opts.maxItemsPerFeed, ignoreBackoff: opts.ignoreBackoff, originAliases: opts.originAliases,
  });
  if (poll.ok) {
    if (poll.deferredUntil) summary.feeds.deferred++;
    else summary.feeds.ok++;
    if (poll.notModified) summary.feeds.notModified++;
    emit({ type: 'feed', feedId: feed.id, ok: true, items: poll.items.length, notModified: poll.notModified, deferredUntil: poll.deferredUntil });
    return poll.items;
  }
  summary.feeds.failed++;
  summary.failures.push({ target: `feed ${feed.id}`, reason: poll.reason });
  emit({ type: 'feed', feedId: feed.id, ok: false, reason: poll.reason });
  return [];
}

function tally(s: RunSummary, o: ItemOutcome): void {
  if (o.kind === 'duplicate') {
    s.items.duplicate++;
    return;
  }
  if (o.kind === 'skipped') {
    s.items.skipped++;
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
