// The typed boundaries between stages (DESIGN.md §1). Everything here is plain,
// JSON-safe data so it can travel through queues unchanged.

/** One feed the poller reads. */
export interface FeedConfig {
  /** Stable id, used in job ids and records (`article.feed`). */
  id: string;
  url: string;
  name?: string;
  /** Poll interval for scheduled runs. */
  intervalMins?: number;
}

/** One entry of a feed as the feed lists it. */
export interface FeedEntry {
  feedId: string;
  /** The entry's link, absolute. */
  url: string;
  guid?: string;
  title?: string;
  /** ISO 8601, when the feed states it. */
  publishedAt?: string;
}

/** A feed entry with its identity, computed once when the feed is read and carried to the store. */
export interface FeedItem extends FeedEntry {
  /** The link's canonical form (as given when it is no URL). */
  canonicalUrl: string;
  /** sha256 of canonicalUrl: the article's key for dedupe, job ids and the ledger. */
  urlKey: string;
  /** Key of the entry's GUID, when it has one: a GUID seen before is the same entry. */
  guidKey: string | null;
}

/** A fetched and decoded HTML page. */
export interface Page {
  /** The URL that was asked for. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  contentType?: string;
  /** Decoded to a JS string (charset handled by the fetcher). */
  html: string;
  fetchedAt: string;
}

/** What scraping reads off a page. */
export interface Article {
  url: string;
  canonicalUrl: string;
  title: string | null;
  /** ISO date (YYYY-MM-DD) or timestamp, when the page states it. */
  publishedAt: string | null;
  author: string | null;
  language: string | null;
  siteName: string | null;
  /** Body text, paragraphs separated by blank lines; empty when no article was found. */
  text: string;
  /** Why `text` is empty, when it is. */
  emptyReason?: string;
  /** What of the page was left unread, and why (a limit it passed). */
  truncated?: string[];
}

/** The text an extractor reads: an Article or a line of `breachfeed extract` input. */
export interface ArticleText {
  title: string | null;
  /** Publication date, ISO; relative dates resolve against it. */
  publishedAt: string | null;
  text: string;
}

export type DatePrecision = 'year' | 'month' | 'day';

/** The closed data-type taxonomy (definitions: ../shared/eval/breach/README.md). */
export const DATA_TYPES = [
  'name', 'email', 'phone', 'address', 'date_of_birth', 'government_id',
  'username', 'password', 'payment_card', 'bank_account', 'financial', 'medical',
  'location', 'ip_address', 'device', 'order_history', 'account', 'communications',
  'photo', 'biometric', 'employment', 'education', 'personal_info', 'other',
] as const;

export type DataType = (typeof DATA_TYPES)[number];

/** One breach incident read off an article (DESIGN.md §2, without the article part). */
export interface Incident {
  /** null when the text names no breached organization. */
  organization: { name: string; key: string; evidence: string } | null;
  /** `text`: the words the value was read from; `sentence`: the whole sentence they are in. */
  breachDate: { value: string; precision: DatePrecision; text: string; sentence?: string } | null;
  /** When the breach was announced: stated date, else the publication date. */
  disclosedAt: string | null;
  dataTypes: { type: DataType; text: string; sentence?: string }[];
  /** Types the text says were not leaked. */
  notLeaked: DataType[];
  affectedCount: { value: number; unit: string; qualifier: string | null; text: string; sentence?: string } | null;
  /** 0..1, for ranking. */
  confidence: number;
}

/** A stored record: one incident of one article (DESIGN.md §2). */
export interface BreachRecord extends Incident {
  schema: 'breachfeed.record/1';
  id: string;
  article: {
    url: string;
    canonicalUrl: string;
    title: string | null;
    publishedAt: string | null;
    feed: string | null;
    fetchedAt: string | null;
    /** What of the page was left unread, and why (scrape.maxNestingDepth, extract.maxTextChars); absent when all was read. */
    truncated?: string[];
  };
  extractor: string;
}
