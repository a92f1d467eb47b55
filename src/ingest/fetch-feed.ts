// FeedConfig → FeedEntry[]: conditional GET, charset, refuse entity tricks, parse with
// rss-parser (RSS 0.9x/2.0, Atom, RDF), keep items with a usable link.
import Parser from 'rss-parser';
import { BreachfeedError, ContentError } from '../errors';
import type { FeedConfig, FeedEntry } from '../types';
import { assertSafeXml, decodeXml, repairBareAmpersands } from './decode-feed';
import type { HttpClient } from './http-get';
import { urlProblem } from './url-policy';

export interface FeedFetch {
  /** 304: nothing changed since `prev`; `items` is empty and nothing was parsed. */
  notModified: boolean;
  items: FeedEntry[];
  /** Validators to send next time (the previous ones again on a 304 that omits them). */
  etag?: string;
  lastModified?: string;
}

export interface FeedValidators {
  etag?: string | null;
  lastModified?: string | null;
}

const FEED_ACCEPT = 'application/rss+xml,application/atom+xml,application/rdf+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5';

type RawItem = Parser.Item & { id?: string; date?: string; 'dc:date'?: string; updated?: string };

/** Fetch and parse one feed; a 304 on the validators in `prev` returns `notModified` without parsing. */
export async function fetchFeed(feed: FeedConfig, http: HttpClient, prev?: FeedValidators, signal?: AbortSignal): Promise<FeedFetch> {
  const headers: Record<string, string> = {};
  if (prev?.etag) headers['if-none-match'] = prev.etag;
  if (prev?.lastModified) headers['if-modified-since'] = prev.lastModified;
  const res = await http.get(feed.url, { headers, accept: FEED_ACCEPT, signal });
  const etag = res.headers['etag'] ?? prev?.etag ?? undefined;
  const lastModified = res.headers['last-modified'] ?? prev?.lastModified ?? undefined;
  const validators = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  if (res.status === 304) return { notModified: true, items: [], ...validators };

  const label = `feed ${feed.id}: ${res.finalUrl}`;
  const { xml } = decodeXml(res.body, res.contentType);
  if (isHtmlDocument(xml, res.contentType)) {
    const alt = feedLinkIn(xml, res.finalUrl);
    throw new ContentError(`${label} is an HTML page, not a feed${alt ? ` (the page links to a feed at ${alt})` : ''}`, { stage: 'feed' });
  }
  assertSafeXml(xml, label);
  const parsed = await parseFeedXml(repairBareAmpersands(xml), label);
  return { notModified: false, items: toFeedItems(parsed.items ?? [], feed.id, res.finalUrl, http.options.maxFeedItems, http.options.maxUrlChars), ...validators };
}

/** rss-parser over decoded XML; any parser complaint becomes one ContentError line. */
export async function parseFeedXml(xml: string, label: string): Promise<Parser.Output<RawItem>> {
  if (!xml.trim()) throw new ContentError(`${label} is not a valid feed (empty body)`, { stage: 'feed' });
  // A parser per call: xml2js parser objects keep state between parses, and a failed parse can leave it dirty.
  const parser = new Parser<Record<string, unknown>, RawItem>({ defaultRSS: 2, customFields: { item: ['dc:date', 'updated'] } });
  try {
    return await parser.parseString(xml);
  } catch (err) {
    if (err instanceof BreachfeedError) throw err;
    const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0].trim();
    throw new ContentError(`${label} is not a valid feed (${detail})`, { cause: err, stage: 'feed' });
  }
}

/**
 * Parsed entries → FeedEntries: absolute links only, first `max` entries, ISO dates when readable.
 * A link with credentials or longer than `maxUrlChars` is no usable link (url-policy.ts).
 */
export function toFeedItems(raw: RawItem[], feedId: string, baseUrl: string, max: number, maxUrlChars = Infinity): FeedEntry[] {
  const items: FeedEntry[] = [];
  for (const entry of raw) {
    if (items.length >= max) break;
    const url = itemUrl(entry, baseUrl, maxUrlChars);
    if (!url) continue; // nothing to fetch
    const guid = entry.guid ?? entry.id;
    const publishedAt = toIsoDate(entry.isoDate ?? entry.pubDate ?? entry['dc:date'] ?? entry.date ?? entry.updated);
    items.push({
      feedId,
      url,
      ...(typeof guid === 'string' && guid.trim() ? { guid: guid.trim() } : {}),
      ...(typeof entry.title === 'string' && entry.title.trim() ? { title: entry.title.trim() } : {}),
      ...(publishedAt ? { publishedAt } : {}),
    });
  }
  return items;
}

/** The entry's link resolved against the feed URL; an RSS guid that is a URL stands in for a missing link. */
function itemUrl(entry: RawItem, baseUrl: string, maxUrlChars: number): string | null {
  for (const candidate of [entry.link, entry.guid, entry.id]) {
    if (typeof candidate !== 'string' || !candidate.trim()) continue;
    const isGuid = candidate !== entry.link;
    // A guid is only a link when it is absolute; a relative or opaque guid is just an id.
    if (isGuid && !/^https?:\/\//i.test(candidate.trim())) continue;
    try {
      const u = new URL(candidate.trim(), baseUrl);
      if ((u.protocol === 'http:' || u.protocol === 'https:') && !urlProblem(u, maxUrlChars)) return u.href;
    } catch {
      // an unparsable link: try the next candidate
    }
  }
  return null;
}

function toIsoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const t = Date.parse(value.trim());
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** An HTML page where a feed was expected: by Content-Type or by its root element. */
function isHtmlDocument(text: string, contentType: string | null): boolean {
  const mime = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const head = text.slice(0, 2048).replace(/<!--[\s\S]*?-->/g, '').trimStart();
  const htmlRoot = /^(<\?xml[^>]*>\s*)?(<!doctype html|<html[\s>])/i.test(head);
  return htmlRoot || (mime === 'text/html' && !/<(rss|feed|rdf:RDF)[\s>]/i.test(head));
}

/** The first `<link rel="alternate" type="application/rss+xml|atom+xml" href>` of an HTML page. */
function feedLinkIn(html: string, baseUrl: string): string | null {
  for (const tag of html.slice(0, 65_536).match(/<link\b[^>]*>/gi) ?? []) {
    if (!/rel\s*=\s*["']?alternate/i.test(tag) || !/type\s*=\s*["']?application\/(rss|atom)\+xml/i.test(tag)) continue;
    const href = /href\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (!href) continue;
    try {
      return new URL(href, baseUrl).href;
    } catch {
      return null;
    }
  }
  return null;
}
