// Scrapes an article off a fetched page: metadata first (from the whole page), then
// the body (after boilerplate removal). Pure: no I/O, the input is not changed.
import type { Article, Page } from '../types';
import { extractBody } from './scrape/extract-body';
import { limitDepth } from './scrape/dom-utils';
import { extractMetadata } from './scrape/metadata';
import { DEFAULT_MAX_MARKUP_CHARS, DEFAULT_MAX_NESTING_DEPTH, limitPage } from './scrape/pre-parse-limits';
import { parseHtml } from './scrape/parse-html';

// Real pages nest a few dozen levels; 400 leaves room for the worst of them while
// keeping every recursive walk far from the stack limit.
const MAX_TREE_DEPTH = 400;

export interface ScrapeOptions {
  /** The page is read up to where its tags nest deeper than this (nesting-depth.ts). @default 25_000 */
  maxNestingDepth?: number;
  /** The page is read up to where its markup outside scripts and styles passes this many characters (pre-parse-limits.ts). @default 1_000_000 */
  maxMarkupChars?: number;
}

/** Reads title, date, author, language, site name and body text off a page. */
export function scrapeArticle(page: Page, opts: ScrapeOptions = {}): Article {
  const cut = limitPage(typeof page.html === 'string' ? page.html : '', {
    maxNestingDepth: opts.maxNestingDepth ?? DEFAULT_MAX_NESTING_DEPTH,
    maxMarkupChars: opts.maxMarkupChars ?? DEFAULT_MAX_MARKUP_CHARS,
  });
  const article = scrapeHtml(page, cut.html);
  return cut.note ? { ...article, truncated: [cut.note] } : article;
}

function scrapeHtml(page: Page, html: string): Article {
  const $ = parseHtml(html);
  limitDepth($.root()[0], MAX_TREE_DEPTH);
  const meta = extractMetadata($, page);
  const article: Article = {
    url: page.url,
    canonicalUrl: meta.canonicalUrl,
    title: meta.title,
    publishedAt: meta.publishedAt,
    author: meta.author,
    language: meta.language,
    siteName: meta.siteName,
    text: '',
  };
  if (!html.trim()) return { ...article, emptyReason: 'the page is empty' };
  const body = extractBody($, meta.title, [page.url, page.finalUrl, meta.canonicalUrl]);
  if (!body.emptyReason) return { ...article, text: body.text };
  // Pages rendered by JavaScript have no body in the markup, but many still ship the
  // text as schema.org articleBody in their JSON-LD.
  const fromJsonLd = paragraphsOfJsonLdBody(meta.jsonLdBody);
  return fromJsonLd ? { ...article, text: fromJsonLd } : { ...article, emptyReason: body.emptyReason };
}

// As much prose as the DOM extractor asks of a page before it calls it an article.
const MIN_JSON_LD_BODY_CHARS = 100;

function paragraphsOfJsonLdBody(body: string | null): string | null {
  if (!body || body.length < MIN_JSON_LD_BODY_CHARS) return null;
  // Some publishers put escaped HTML in articleBody; tags become paragraph breaks.
  const text = body
    .replace(/<\/?(p|div|br|h[1-6]|li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .split(/\n\s*/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return text.length >= MIN_JSON_LD_BODY_CHARS ? text : null;
}
