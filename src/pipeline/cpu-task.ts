// The CPU stages as one plain function of plain data, so a worker thread can run them
// (cpu-pool.ts loads this file in each thread) and the in-process runner can call them alike.
// Only this file loads the parser and the NLP library: the main thread of a pooled process never does.
import { EXTRACTOR_VERSION, extractIncidents } from '../extract/extract-incidents';
import { limitText } from '../extract/limit-text';
import { scrapeArticle } from '../extract/scrape-article';
import type { Article, ArticleText, Incident, Page } from '../types';

interface ScrapeLimits { maxNestingDepth: number; maxMarkupChars: number }

export type CpuTask = (
  | ({ stage: 'scrape'; page: Page } & ScrapeLimits)
  | { stage: 'extract'; article: ArticleText; maxTextChars: number }
  | ({ stage: 'read'; page: Page; fallback: ArticleFallback; maxTextChars: number } & ScrapeLimits)
) & { progress?: TaskProgress };

/** What extraction found, and what of the text it left unread (a note for the record), if anything. */
export interface ExtractResult {
  incidents: Incident[];
  truncated: string | null;
  /** The extractor that read it, for the records. */
  extractor: string;
}

/** Title and date to extract with when the page states none (the feed item's). */
export type ArticleFallback = Pick<ArticleText, 'title' | 'publishedAt'>;

/** A page scraped, then, when it has a body, extracted: one task, one round trip through the main thread. */
export interface ReadResult {
  /** Without its text when it was extracted: the records do not carry it. */
  article: Article;
  extraction: ExtractResult | null;
}

/**
 * Where a task is, shared with the thread that handed it out (cpu-pool.ts), so that its budget
 * counts running time only (not a new thread's start-up) and each stage of a read gets its own:
 * [0] the stage running, 0 none yet, 1 the first (scrape, or extract alone), 2 extract after
 * scrape; [1] when it started, in ms after `sentAt` (on the sender's clock, which is this one's).
 */
export interface TaskProgress { word: Int32Array; sentAt: number }

function enter(progress: TaskProgress | undefined, step: 1 | 2): void {
  if (!progress) return;
  Atomics.store(progress.word, 1, Date.now() - progress.sentAt);
  Atomics.store(progress.word, 0, step);
}

export function runCpuTask(task: CpuTask): Article | ExtractResult | ReadResult {
  enter(task.progress, 1);
  if (task.stage === 'scrape') return scrape(task.page, task);
  if (task.stage === 'extract') return extract(task.article, task.maxTextChars);
  const article = scrape(task.page, task);
  if (!article.text) return { article, extraction: null };
  enter(task.progress, 2);
  const extraction = extract({ title: article.title ?? task.fallback.title, publishedAt: article.publishedAt ?? task.fallback.publishedAt, text: article.text }, task.maxTextChars);
  return { article: { ...article, text: '' }, extraction };
}

function scrape(page: Page, limits: ScrapeLimits): Article {
  return scrapeArticle(page, { maxNestingDepth: limits.maxNestingDepth, maxMarkupChars: limits.maxMarkupChars });
}

function extract(article: ArticleText, maxTextChars: number): ExtractResult {
  const cut = limitText(article.text, maxTextChars);
  const incidents = extractIncidents({ ...article, text: cut.text }, { maxTextChars });
  return { incidents, truncated: cut.note, extractor: EXTRACTOR_VERSION };
}
