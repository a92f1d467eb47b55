// The body pipeline: strip boilerplate, find the main content, render paragraphs.
// Returns the text, or an empty text with the reason no article was found.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { removeBoilerplate } from './boilerplate';
import { findMainContent } from './find-main-content';
import { renderParagraphs } from './render-text';

export interface BodyResult {
  text: string;
  emptyReason?: string;
}

// Below this much prose a page is a listing, an index or an error page, not an
// article: 100 characters is one real sentence.
const MIN_ARTICLE_CHARS = 100;

/** Extracts the article body from a parsed page (mutates the tree). */
export function extractBody($: CheerioAPI, title: string | null, pageUrls: string[] = []): BodyResult {
  const root = ($('body')[0] ?? $.root()[0]) as Element | undefined;
  if (!root) return { text: '', emptyReason: 'the page has no HTML content' };
  removeBoilerplate(root);
  const main = findMainContent(root as Element);
  if (!main || main.value < MIN_ARTICLE_CHARS) {
    const chars = main ? Math.round(main.value) : 0;
    return { text: '', emptyReason: `no article text found (largest block of prose is ${chars} characters)` };
  }
  const ownUrls = new Set(pageUrls.map((u) => u.replace(/[?#].*$/, '')));
  const paragraphs = dropHeadline(main.elements.flatMap((el) => renderParagraphs(el, ownUrls)), title);
  const text = paragraphs.join('\n\n');
  if (!text) return { text: '', emptyReason: 'the content block holds no readable text' };
  return { text };
}

// The headline is metadata, not body: drop a leading paragraph that repeats it.
function dropHeadline(paragraphs: string[], title: string | null): string[] {
  if (!title || paragraphs.length === 0) return paragraphs;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const t = norm(title);
  const limit = Math.min(paragraphs.length, 3);
  for (let i = 0; i < limit; i++) {
    const p = norm(paragraphs[i]);
    if (p && (p === t || (p.length > 20 && t.startsWith(p)) || (t.length > 20 && p.startsWith(t) && p.length < t.length + 30))) {
      return [...paragraphs.slice(0, i), ...paragraphs.slice(i + 1)];
    }
  }
  return paragraphs;
}
