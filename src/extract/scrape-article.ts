// Scrapes an article off a fetched page: metadata first (from the whole page), then
// the body (after boilerplate removal). Pure: no I/O, the input is not changed.
import type { Article, Page } from '../types';
import { extractBody } from './scrape/extract-body';
import { extractMetadata } from './scrape/metadata';
import { limitDepth } from './scrape/dom-utils';
import { parseHtml } from './scrape/parse-html';

// Real pages nest a few dozen levels; 400 leaves room for the worst of them while
// keeping every recursive walk far from the stack limit.
const MAX_TREE_DEPTH = 400;

/** Reads title, date, author, language, site name and body text off a page. */
export function scrapeArticle(page: Page): Article {
  const html = typeof page.html === 'string' ? page.html : '';
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
  const body = extractBody($, meta.title);
  return body.emptyReason ? { ...article, emptyReason: body.emptyReason } : { ...article, text: body.text };
}
