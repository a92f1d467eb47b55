import type { FailureStage } from '../errors';
import type { BreachRecord, DataType } from '../types';

/** What became of one article; every fetched feed item ends in one of these. */
export type ArticleStatus = 'breach' | 'no_incident' | 'failed';

export interface ArticleOutcome {
  /** sha256 of the canonical URL (see ingest/canonicalize-url). */
  key: string;
  /** Key of the feed link that led here; differs from `key` when the page names another canonical URL. */
  urlKey: string;
  /** Key of the feed entry's GUID, when it has one: a GUID seen again is the same article. */
  guidKey?: string | null;
  url: string;
  canonicalUrl: string;
  feed: string | null;
  status: ArticleStatus;
  /** Why it failed, or why no incident was found; one line. */
  reason: string | null;
  /** The stage that failed, for a failed verdict (its error's facts, never parsed from `reason`). */
  stage?: FailureStage | null;
}

/** The failure stage column of a verdict: only failed verdicts have one. */
export function failureStageOf(outcome: ArticleOutcome): FailureStage | null {
  return outcome.status === 'failed' ? (outcome.stage ?? null) : null;
}

export interface RecordQuery {
  /** Matches organization name or key, case-insensitive substring. */
  org?: string;
  dataType?: DataType;
  /** YYYY[-MM[-DD]]: records disclosed (else published) on or after it. */
  since?: string;
  /** YYYY[-MM[-DD]]: records disclosed on or before it, at the precision given. */
  until?: string;
  /** Records whose affected count is at least this. */
  minCount?: number;
  limit?: number;
}

/** A record with its position in the store's change order (for cursors and exports). */
export interface StoredRecord {
  /** Grows with every insert and every change of a record; never reused. */
  seq: number;
  record: BreachRecord;
}

/** One entry of the records' change feed: a record as it now is, or the tombstone of a deleted one. */
export type RecordChange =
  | { seq: number; record: BreachRecord }
  | { seq: number; tombstone: { id: string; deleted: true } };

/**
 * A live incident as the store keeps it: its JSON text (a MergedIncident, sent by the API as is,
 * never parsed and serialized again) and its place in the newest-first order.
 */
export interface IncidentJson {
  id: string;
  /** The disclosure date, or '' when unknown. */
  disclosedAt: string;
  json: string;
  /** SHA-1 of `json`: a cheap validator (ETag) for responses that carry it. */
  digest: string;
}

/** What an incident id answers: the incident, the incident it merged into, or that it is gone. */
export type IncidentLookup =
  | { state: 'live'; incident: IncidentJson }
  | { state: 'merged'; id: string; mergedInto: string }
  | { state: 'deleted'; id: string };

/** One entry of the incidents' change feed. */
export type IncidentChange =
  | { seq: number; incident: IncidentJson }
  | { seq: number; tombstone: { id: string; mergedInto: string } | { id: string; deleted: true } };

/** A place in the newest-first order of incidents: (disclosure date or '', id). */
export interface IncidentPosition {
  disclosedAt: string;
  id: string;
}

/** How many live incidents were disclosed in a month (null: undated) with one set of leaked types. */
export interface IncidentCount {
  month: string | null;
  /** Sorted. */
  types: string[];
  incidents: number;
}

/** A record to import, with the key of the article it belongs to. */
export interface ImportItem {
  articleKey: string;
  record: BreachRecord;
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
  /** Live incidents. */
  incidents: number;
  /** Failed articles by the stage that failed (`other` for verdicts stored without one). */
  failuresByStage: Record<string, number>;
}

/** The storage backends' shared contract (SQLite now; PostgreSQL in issue 6). */
export interface RecordStore {
  /** Where the data lives, for messages (a file path or a redacted URL). */
  readonly location: string;
  /** Stores an article's verdict and its records in one transaction; idempotent by record id. */
  saveArticle(outcome: ArticleOutcome, records: BreachRecord[]): Promise<void>;
  getArticleStatus(key: string): Promise<ArticleStatus | null>;
  /** Newest disclosure first, for people. */
  listRecords(query?: RecordQuery): Promise<BreachRecord[]>;
  /** In change order after `afterSeq`: stable pages under concurrent inserts, for cursors and exports. */
  pageRecords(query: RecordQuery, afterSeq: number, limit: number): Promise<StoredRecord[]>;
  /** Every insert, change and deletion after `afterSeq`, in change order (records and tombstones). */
  pageRecordChanges(query: RecordQuery, afterSeq: number, limit: number): Promise<RecordChange[]>;
  /** One record by id, or null. */
  getRecord(id: string): Promise<BreachRecord | null>;
  /**
   * Upserts records batch by batch (no records dropped), creating their articles as breach
   * articles when unknown, then rebuilds the incidents of the organizations touched, once. One
   * transaction for all: an import that fails leaves the store as it was. Idempotent. Returns
   * how many records were read.
   */
  importRecords(batches: AsyncIterable<ImportItem[]> | Iterable<ImportItem[]>): Promise<number>;
  /** Live incidents, newest disclosure first, after `after`. */
  browseIncidents(query: RecordQuery, after: IncidentPosition | null, limit: number): Promise<IncidentJson[]>;
  /** Every change of an incident after `afterSeq`, in change order (incidents and tombstones). */
  pageIncidentChanges(query: RecordQuery, afterSeq: number, limit: number): Promise<IncidentChange[]>;
  /** What an incident id answers, or null when it never existed. */
  getIncident(id: string): Promise<IncidentLookup | null>;
  /** Live incidents matching `query`, counted by disclosure month and set of leaked types (one GROUP BY). */
  countIncidents(query: RecordQuery): Promise<IncidentCount[]>;
  getFeedState(feedId: string): Promise<FeedState | null>;
  saveFeedState(state: FeedState): Promise<void>;
  /** Every feed's state, by feed id. */
  listFeedStates(): Promise<FeedState[]>;
  counts(): Promise<StoreCounts>;
  /** Resolves when the store answers a trivial query (health checks: cheap at any size). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
