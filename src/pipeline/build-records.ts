import { createHash } from 'node:crypto';
import type { Article, BreachRecord, Incident } from '../types';

export const RECORD_SCHEMA = 'breachfeed.record/1';

/** Deterministic: the same article and incident position always give the same id. */
export function recordId(canonicalUrl: string, index: number): string {
  return createHash('sha256').update(`${canonicalUrl}\n${index}`).digest('hex').slice(0, 32);
}

export interface RecordSource {
  article: Article;
  feed: string | null;
  fetchedAt: string | null;
  extractor: string;
}

/** Wraps an article's incidents into stored records (DESIGN.md §2). */
export function buildRecords(incidents: Incident[], src: RecordSource): BreachRecord[] {
  const { article } = src;
  return incidents.map((incident, i) => ({
    schema: RECORD_SCHEMA,
    id: recordId(article.canonicalUrl, i),
    article: {
      url: article.url,
      canonicalUrl: article.canonicalUrl,
      title: article.title,
      publishedAt: article.publishedAt,
      feed: src.feed,
      fetchedAt: src.fetchedAt,
      ...(article.truncated?.length ? { truncated: article.truncated } : {}),
    },
    ...incident,
    extractor: src.extractor,
  }));
}
