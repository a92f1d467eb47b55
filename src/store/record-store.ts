import type { BreachRecord } from '../types';

/** What became of one article; every fetched feed item ends in one of these. */
export type ArticleStatus = 'breach' | 'no_incident' | 'failed';

export interface ArticleOutcome {
  /** sha256 of the canonical URL (see ingest/canonicalize-url). */
  key: string;
  /** Key of the feed link that led here; differs from `key` when the page names another canonical URL. */
  urlKey: string;
  url: string;
  canonicalUrl: string;
  feed: string | null;
  status: ArticleStatus;
  /** Why it failed, or why no incident was found; one line. */
  reason: string | null;
}

export interface RecordQuery {
  /** Matches organization name or key, case-insensitive substring. */
  org?: string;
  /** ISO date: records whose disclosure (else publication) date is on or after it. */
  since?: string;
  limit?: number;
}

/** Conditional-GET and back-off state of one feed. */
export interface FeedState {
  feedId: string;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
}

export interface StoreCounts {
  articles: Record<ArticleStatus, number>;
  records: number;
}

/** The storage backends' shared contract (SQLite now; PostgreSQL in issue 6). */
export interface RecordStore {
  /** Where the data lives, for messages (a file path or a redacted URL). */
  readonly location: string;
  /** Stores an article's verdict and its records in one transaction; idempotent by record id. */
  saveArticle(outcome: ArticleOutcome, records: BreachRecord[]): Promise<void>;
  getArticleStatus(key: string): Promise<ArticleStatus | null>;
  listRecords(query?: RecordQuery): Promise<BreachRecord[]>;
  getFeedState(feedId: string): Promise<FeedState | null>;
  saveFeedState(state: FeedState): Promise<void>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}
