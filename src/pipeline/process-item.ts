import type { FailureStage } from '../errors';
import { articleKey, canonicalizeUrl, type OriginAliases } from '../ingest/canonicalize-url';
import { fetchPage } from '../ingest/fetch-page';
import type { HttpClient } from '../ingest/http-get';
import type { RobotsCache } from '../ingest/robots';
import type { ArticleOutcome, RecordStore } from '../store/record-store';
import type { BreachRecord, FeedItem } from '../types';
import { buildRecords } from './build-records';
import type { CpuStages } from './cpu-pool';
import { decideFailure, retryInPlace, type RetryBudget } from './failure-policy';

/** What became of one feed item (DESIGN.md §1: nothing is lost). */
export type ItemOutcome =
  | { kind: 'records'; url: string; records: number }
  | { kind: 'no_incident'; url: string }
  | { kind: 'duplicate'; url: string }
  /** robots.txt disallows it: counted, not failed, and asked again on a later run. */
  | { kind: 'skipped'; url: string; reason: string }
  | { kind: 'failed'; url: string; reason: string; stage: FailureStage };

export interface ItemContext {
  store: RecordStore;
  http: HttpClient;
  robots: RobotsCache;
  /** Article keys taken by this run, so two items of one run never process the same article. */
  claimed?: Set<string>;
  /** Origins stored under another one (the demo newsroom on a fallback port): the page's canonical URL is read with them. */
  originAliases?: OriginAliases;
  /** Where scrape and extract run: the runtime's pool of worker threads; in-process (no budgets) when absent. */
  cpu?: CpuStages;
}

let inProcess: CpuStages | null = null;
/** The stages on this thread, loaded on first use: a process with a pool never loads the parser and the NLP library here. */
function inProcessCpu(): CpuStages {
  inProcess ??= (require('./in-process-stages') as typeof import('./in-process-stages')).inProcessStages();
  return inProcess;
}

/** The first half of processItem: what an item's article is, ready to store. */
export type PreparedItem =
  | { kind: 'duplicate'; url: string }
  /** robots.txt disallows it: counted, not failed, and asked again on a later run. */
  | { kind: 'skipped'; url: string; reason: string }
  | { kind: 'verdict'; url: string; outcome: ArticleOutcome; records: BreachRecord[] };

/**
 * Fetch → scrape → extract for one feed item, without writing anything: the verdict and
 * records to store, or `duplicate` when the store (or this run) already has the article.
 * A page without an article body is a `failed` verdict; fetch and other errors throw.
 */
export async function prepareItem(item: FeedItem, ctx: Omit<ItemContext, 'store'> & { store: Pick<RecordStore, 'getArticleStatus'> }): Promise<PreparedItem> {
  const { url, urlKey, guidKey } = item;
  if (await isKnown(urlKey, ctx)) return { kind: 'duplicate', url };
  if (guidKey && (await isKnown(guidKey, ctx))) return { kind: 'duplicate', url };

  if (!(await ctx.robots.isAllowed(url))) {
    return { kind: 'skipped', url, reason: `robots: ${url} is disallowed for breachfeed by robots.txt` };
  }
  const cpu = ctx.cpu ?? inProcessCpu();
  const page = await fetchPage(item, ctx.http);
  // Scrape and extract in one task: one round trip through this thread, whose turns are the
  // pool's bottleneck. Extraction is wasted only on a page whose canonical URL is a duplicate.
  const { article, extraction } = await cpu.read(page, { title: item.title ?? null, publishedAt: item.publishedAt ?? null });
  const canonicalUrl = canonicalizeUrl(article.canonicalUrl, ctx.originAliases);
  const key = articleKey(canonicalUrl);
  // The page may name a canonical URL another item already led to.
  if (key !== urlKey && (await isKnown(key, ctx))) return { kind: 'duplicate', url };

  const base = { key, urlKey, guidKey, url, canonicalUrl, feed: item.feedId };
  if (!extraction) {
    const reason = `scrape: ${url} has no article body${article.emptyReason ? ` (${article.emptyReason})` : ''}`;
    return { kind: 'verdict', url, outcome: { ...base, status: 'failed', reason, stage: 'scrape' }, records: [] };
  }
  const { incidents, truncated, extractor } = extraction;
  const notes = [...(article.truncated ?? []), ...(truncated ? [truncated] : [])];
  const records = buildRecords(incidents, {
    // The link without tracking parameters: two feeds linking one article give the same record.
    article: {
      ...article, url: item.canonicalUrl, canonicalUrl, publishedAt: article.publishedAt ?? item.publishedAt?.slice(0, 10) ?? null,
      ...(notes.length ? { truncated: notes } : {}),
    },
    feed: item.feedId,
    fetchedAt: page.fetchedAt,
    extractor,
  });
  const status = records.length > 0 ? 'breach' : 'no_incident';
  return { kind: 'verdict', url, outcome: { ...base, status, reason: null }, records };
}

/** The second half: stores a prepared verdict with its records (one transaction) and says what it was. */
export async function saveVerdict(store: Pick<RecordStore, 'saveArticle'>, prepared: PreparedItem): Promise<ItemOutcome> {
  if (prepared.kind !== 'verdict') return prepared;
  await retryInPlace(() => store.saveArticle(prepared.outcome, prepared.records));
  return outcomeOf(prepared);
}

/** What a prepared verdict amounts to, without storing it. */
export function outcomeOf(prepared: PreparedItem): ItemOutcome {
  if (prepared.kind !== 'verdict') return prepared;
  const { url, outcome, records } = prepared;
  if (outcome.status === 'failed') return { kind: 'failed', url, reason: outcome.reason ?? 'failed', stage: outcome.stage ?? 'scrape' };
  return records.length > 0 ? { kind: 'records', url, records: records.length } : { kind: 'no_incident', url };
}

/** An inline run is one attempt per item: its retry is the next run (a failed article is no duplicate). */
const INLINE_BUDGET: RetryBudget = { attempt: 1, attempts: 1, backoffMs: 0, stage: 'extract' };

/** Fetch → scrape → extract → store for one feed item; never throws, every item gets an outcome. */
export async function processItem(item: FeedItem, ctx: ItemContext): Promise<ItemOutcome> {
  try {
    return await saveVerdict(ctx.store, await prepareItem(item, ctx));
  } catch (err) {
    const failure = decideFailure(err, INLINE_BUDGET);
    await saveItemFailure(item, failure, ctx.store).catch(() => undefined); // the store itself may be what failed
    return { kind: 'failed', url: item.url, reason: failure.reason, stage: failure.stage };
  }
}

async function isKnown(key: string, ctx: { store: Pick<RecordStore, 'getArticleStatus'>; claimed?: Set<string> }): Promise<boolean> {
  if (ctx.claimed?.has(key)) return true;
  const status = await ctx.store.getArticleStatus(key);
  if (status === 'breach' || status === 'no_incident') return true;
  ctx.claimed?.add(key);
  return false;
}

/** Stores a failed verdict for an item (keyed by its link), so the failure is on record with its stage and reason. */
export async function saveItemFailure(item: FeedItem, failure: { reason: string; stage: FailureStage }, store: Pick<RecordStore, 'saveArticle'>): Promise<void> {
  const { urlKey: key, canonicalUrl } = item;
  const outcome = { key, urlKey: key, url: item.url, canonicalUrl, feed: item.feedId, status: 'failed' as const, reason: failure.reason, stage: failure.stage };
  await retryInPlace(() => store.saveArticle(outcome, []));
}
