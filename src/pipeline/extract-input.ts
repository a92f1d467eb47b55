import { EXTRACTOR_VERSION, extractIncidents } from '../extract/extract-incidents';
import { scrapeArticle } from '../extract/scrape-article';
import type { Article, BreachRecord } from '../types';
import { buildRecords } from './build-records';

/** One line of `breachfeed extract` input: text, or HTML to scrape first. */
export interface ExtractInput {
  id: string;
  title?: string | null;
  date?: string | null;
  url?: string | null;
  text?: string;
  html?: string;
}

/** The records an input's incidents become; inputs without a URL get a `urn:` one from their id. */
export function extractFromInput(input: ExtractInput): BreachRecord[] {
  const url = input.url || `urn:breachfeed:input:${encodeURIComponent(input.id)}`;
  const article: Article = input.html != null
    ? scrapeArticle({ url, finalUrl: url, status: 200, html: input.html, fetchedAt: new Date(0).toISOString() })
    : { url, canonicalUrl: url, title: null, publishedAt: null, author: null, language: null, siteName: null, text: input.text ?? '' };
  // What the input line states wins over what scraping guessed.
  const title = input.title ?? article.title;
  const publishedAt = input.date ?? article.publishedAt;
  const incidents = extractIncidents({ title, publishedAt, text: article.text });
  return buildRecords(incidents, {
    article: { ...article, title, publishedAt, url, canonicalUrl: input.url ? article.canonicalUrl : url },
    feed: null,
    fetchedAt: null,
    extractor: EXTRACTOR_VERSION,
  });
}
