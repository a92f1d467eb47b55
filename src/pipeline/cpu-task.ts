// The CPU stages as one plain function of plain data, so a worker thread can run them
// (cpu-pool.ts loads this file in each thread) and the in-process runner can call them alike.
// Only this file loads the parser and the NLP library: the main thread of a pooled process never does.
import { EXTRACTOR_VERSION, extractIncidents } from '../extract/extract-incidents';
import { limitText } from '../extract/limit-text';
import { scrapeArticle } from '../extract/scrape-article';
import type { Article, ArticleText, Incident, Page } from '../types';

export type CpuTask =
  | { stage: 'scrape'; page: Page; maxNestingDepth: number; maxMarkupChars: number }
  | { stage: 'extract'; article: ArticleText; maxTextChars: number };

/** What extraction found, and what of the text it left unread (a note for the record), if anything. */
export interface ExtractResult {
  incidents: Incident[];
  truncated: string | null;
  /** The extractor that read it, for the records. */
  extractor: string;
}

export function runCpuTask(task: CpuTask): Article | ExtractResult {
  if (task.stage === 'scrape') return scrapeArticle(task.page, { maxNestingDepth: task.maxNestingDepth, maxMarkupChars: task.maxMarkupChars });
  const cut = limitText(task.article.text, task.maxTextChars);
  const incidents = extractIncidents({ ...task.article, text: cut.text }, { maxTextChars: task.maxTextChars });
  return { incidents, truncated: cut.note, extractor: EXTRACTOR_VERSION };
}
