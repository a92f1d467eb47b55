import { describeError, isRetryable } from '../errors';
import { EXTRACTOR_VERSION, extractIncidents } from '../extract/extract-incidents';
import { scrapeArticle } from '../extract/scrape-article';
import { articleKey, canonicalizeUrl } from '../ingest/canonicalize-url';
import { fetchPage } from '../ingest/fetch-page';
import type { FetchOptions } from '../ingest/fetch-options';
import type { RecordStore } from '../store/record-store';
import type { FeedItem } from '../types';
import { buildRecords } from './build-records';

/** What became of one feed item (DESIGN.md §1: nothing is lost). */
export type ItemOutcome =
  | { kind: 'records'; url: string; records: number }
  | { kind: 'no_incident'; url: string }
  | { kind: 'duplicate'; url: string }
  | { kind: 'failed'; url: string; reason: string; retryable: boolean };

export interface ItemContext {
  store: RecordStore;
  fetch: FetchOptions;
  /** Article keys taken by this run, so two items of one run never process the same article. */
  claimed?: Set<string>;
}

/** Fetch → scrape → extract → store for one feed item; never throws, every item gets an outcome. */
export async function processItem(item: FeedItem, ctx: ItemContext): Promise<ItemOutcome> {
  const url = item.url;
  try {
    const urlKey = articleKey(canonicalizeUrl(url));
    if (await isKnown(urlKey, ctx)) return { kind: 'duplicate', url };

    const page = await fetchPage(item, ctx.fetch);
    const article = scrapeArticle(page);
    const canonicalUrl = canonicalizeUrl(article.canonicalUrl);
    const key = articleKey(canonicalUrl);
    // The page may name a canonical URL another item already led to.
    if (key !== urlKey && (await isKnown(key, ctx))) return { kind: 'duplicate', url };

    const base = { key, urlKey, url, canonicalUrl, feed: item.feedId };
    if (!article.text) {
      const reason = `scrape: ${url} has no article body${article.emptyReason ? ` (${article.emptyReason})` : ''}`;
      await ctx.store.saveArticle({ ...base, status: 'failed', reason }, []);
      return { kind: 'failed', url, reason, retryable: false };
    }
    const incidents = extractIncidents({
      title: article.title ?? item.title ?? null,
      publishedAt: article.publishedAt ?? item.publishedAt ?? null,
      text: article.text,
    });
    const records = buildRecords(incidents, {
      article: { ...article, canonicalUrl, publishedAt: article.publishedAt ?? item.publishedAt?.slice(0, 10) ?? null },
      feed: item.feedId,
      fetchedAt: page.fetchedAt,
      extractor: EXTRACTOR_VERSION,
    });
    const status = records.length > 0 ? 'breach' : 'no_incident';
    await ctx.store.saveArticle({ ...base, status, reason: null }, records);
    return records.length > 0 ? { kind: 'records', url, records: records.length } : { kind: 'no_incident', url };
  } catch (err) {
    const reason = describeError(err);
    await saveFailure(item, reason, ctx).catch(() => undefined); // the store itself may be what failed
    return { kind: 'failed', url, reason, retryable: isRetryable(err) };
  }
}

async function isKnown(key: string, ctx: ItemContext): Promise<boolean> {
  if (ctx.claimed?.has(key)) return true;
  const status = await ctx.store.getArticleStatus(key);
  if (status === 'breach' || status === 'no_incident') return true;
  ctx.claimed?.add(key);
  return false;
}

async function saveFailure(item: FeedItem, reason: string, ctx: ItemContext): Promise<void> {
  let canonicalUrl = item.url;
  try {
    canonicalUrl = canonicalizeUrl(item.url);
  } catch {
    // an unparsable link is stored as given, with its reason
  }
  const key = articleKey(canonicalUrl);
  await ctx.store.saveArticle({ key, urlKey: key, url: item.url, canonicalUrl, feed: item.feedId, status: 'failed', reason }, []);
}
