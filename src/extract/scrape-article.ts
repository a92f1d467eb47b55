// Scrapes an article off a fetched page: metadata first (from the whole page), then
// the body (after boilerplate removal). Pure: no I/O, the input is not changed.
import type { Article, Page } from '../types';
import { extractBody } from './scrape/extract-body';
import { extractMetadata } from './scrape/metadata';
import { parseHtml } from './scrape/parse-html';

/** Reads title, date, author, language, site name and body text off a page. */
export function scrapeArticle(page: Page): Article {
  const html = typeof page.html === 'string' ? page.html : '';
  const $ = parseHtml(html);
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
  let body;
  try {
    body = extractBody($, meta.title);
  } catch (err) {
    // Only pathological trees get here (nesting deep enough to exhaust the stack).
    if (!(err instanceof RangeError)) throw err;
    return { ...article, emptyReason: `scrape: ${page.url} is nested too deeply to read` };
  }
  return body.emptyReason ? { ...article, emptyReason: body.emptyReason } : { ...article, text: body.text };
}
