import type { Article, ArticleText, BreachRecord, Page } from '../types';
import { buildRecords } from './build-records';
import { type CpuStages, DEFAULT_CPU_LIMITS, type ExtractResult } from './cpu-pool';

/** One line of `breachfeed extract` input: text, or HTML to scrape first. */
export interface ExtractInput {
  id: string;
  title?: string | null;
  date?: string | null;
  url?: string | null;
  text?: string;
  html?: string;
}

/** The records an input's incidents become, scraped and extracted on `cpu` (the pool, with its budgets). */
export async function extractInputOn(cpu: CpuStages, input: ExtractInput): Promise<BreachRecord[]> {
  const url = urlOf(input);
  const article = input.html != null ? await cpu.scrape(pageOf(input.html, url)) : textArticle(input, url);
  const result = await cpu.extract(articleText(input, article), url);
  return recordsOf(input, article, result);
}

/** The same, on the calling thread, with the default limits and without budgets (tests). */
export function extractFromInput(input: ExtractInput): BreachRecord[] {
  // Loaded here, not at the top: the CLI imports this module and leaves the parsing to its pool.
  const { runCpuTask } = require('./cpu-task') as typeof import('./cpu-task');
  const { maxNestingDepth, maxMarkupChars, maxTextChars } = DEFAULT_CPU_LIMITS;
  const url = urlOf(input);
  const article = input.html != null
    ? runCpuTask({ stage: 'scrape', page: pageOf(input.html, url), maxNestingDepth, maxMarkupChars }) as Article
    : textArticle(input, url);
  const result = runCpuTask({ stage: 'extract', article: articleText(input, article), maxTextChars }) as ExtractResult;
  return recordsOf(input, article, result);
}

// Inputs without a URL get a `urn:` one from their id.
function urlOf(input: ExtractInput): string {
  return input.url || `urn:breachfeed:input:${encodeURIComponent(input.id)}`;
}

function pageOf(html: string, url: string): Page {
  return { url, finalUrl: url, status: 200, html, fetchedAt: new Date(0).toISOString() };
}

function textArticle(input: ExtractInput, url: string): Article {
  return { url, canonicalUrl: url, title: null, publishedAt: null, author: null, language: null, siteName: null, text: input.text ?? '' };
}

// What the input line states wins over what scraping guessed.
function articleText(input: ExtractInput, article: Article): ArticleText {
  return { title: input.title ?? article.title, publishedAt: input.date ?? article.publishedAt, text: article.text };
}

function recordsOf(input: ExtractInput, article: Article, { incidents, truncated, extractor }: ExtractResult): BreachRecord[] {
  const { title, publishedAt } = articleText(input, article);
  const url = urlOf(input);
  const notes = [...(article.truncated ?? []), ...(truncated ? [truncated] : [])];
  return buildRecords(incidents, {
    article: {
      ...article, title, publishedAt, url, canonicalUrl: input.url ? article.canonicalUrl : url,
      ...(notes.length ? { truncated: notes } : {}),
    },
    feed: null,
    fetchedAt: null,
    extractor,
  });
}
