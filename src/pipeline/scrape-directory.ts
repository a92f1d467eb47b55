// Batch scraping of a folder of saved pages (.html and .html.gz), keyed by file
// name without extensions — the article eval's prediction format.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ContentError } from '../errors';
import { decodeHtml } from '../ingest/decode-html';
import type { Article } from '../types';
import type { CpuStages } from './cpu-pool';
import { mapConcurrent } from './map-concurrent';

/** The eval's prediction shape: the article's metadata with its text as `articleBody`. */
export type ScrapedEntry = Omit<Article, 'url' | 'text'> & { articleBody: string };

const PAGE_FILE = /\.html?(\.gz)?$/i;

const EMPTY_ENTRY: ScrapedEntry = {
  articleBody: '', title: null, publishedAt: null, author: null, canonicalUrl: '', language: null, siteName: null,
};

export interface ScrapeDirectoryOptions {
  /** Where pages are scraped: the pool, with its budgets (`concurrency` pages at once); on this thread when absent. */
  cpu?: CpuStages;
  concurrency?: number;
  /** Told each page that could not be read or scraped (one line), which then gets an empty entry saying why. */
  onFailure?: (reason: string) => void;
}

/**
 * Scrapes every .html / .html.gz file of `dir` (not recursive). `urls` maps an id to
 * the page's original URL (for URL dates and relative links); otherwise the file URL
 * is used.
 */
export async function scrapeDirectory(dir: string, urls: Record<string, string> = {}, opts: ScrapeDirectoryOptions = {}): Promise<Record<string, ScrapedEntry>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => PAGE_FILE.test(n)).sort();
  } catch (err) {
    throw new ContentError(`scrape: cannot read folder ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
  }
  // Loaded on first use: a process with a pool leaves the parser to its threads.
  const cpu = opts.cpu ?? (require('./in-process-stages') as typeof import('./in-process-stages')).inProcessStages();
  const entries = await mapConcurrent(names, opts.concurrency ?? 1, async (name): Promise<[string, ScrapedEntry]> => {
    const id = name.replace(PAGE_FILE, '');
    const file = path.join(dir, name);
    const url = urls[id] ?? pathToFileURL(path.resolve(file)).href;
    try {
      const html = decodePage(await readFile(file), name);
      return [id, toEntry(await cpu.scrape({ url, finalUrl: url, status: 200, html, fetchedAt: new Date(0).toISOString() }))];
    } catch (err) {
      // One unreadable file, or one page over the pool's budgets, must not sink the batch.
      if (!(err instanceof ContentError)) throw err;
      opts.onFailure?.(err.message);
      return [id, { ...EMPTY_ENTRY, canonicalUrl: url, emptyReason: err.message }];
    }
  });
  return Object.fromEntries(entries);
}

function decodePage(bytes: Buffer, name: string): string {
  let body = bytes;
  if (name.toLowerCase().endsWith('.gz')) {
    try {
      body = gunzipSync(bytes);
    } catch (err) {
      throw new ContentError(`scrape: ${name} is not valid gzip`, { cause: err });
    }
  }
  // Saved pages have no HTTP header: BOM, <meta charset> and detection decide.
  return decodeHtml(body).html;
}

function toEntry(a: Article): ScrapedEntry {
  const entry: ScrapedEntry = {
    articleBody: a.text,
    title: a.title,
    publishedAt: a.publishedAt,
    author: a.author,
    canonicalUrl: a.canonicalUrl,
    language: a.language,
    siteName: a.siteName,
  };
  if (a.emptyReason) entry.emptyReason = a.emptyReason;
  return entry;
}
