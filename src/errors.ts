// Error classes the runners act on. Every error carries structured facts: the stage that
// raised it and its kind. What to do about it (retry, after how long, or give up) is decided
// in one place only, src/pipeline/failure-policy.ts. Classify by class or facts, never by text.

/** Where a failure happened. `queue`: the job itself ended (stalled out, discarded, drained). */
export type FailureStage = 'feed' | 'fetch' | 'robots' | 'scrape' | 'extract' | 'store' | 'queue' | 'config' | 'api';

/**
 * What kind of failure it is: `permanent` (the same input fails the same way), `retryable`
 * (worth another try later), `throttled` (the server asked us to slow down, maybe saying for how
 * long), `contention` (another writer held a lock for a moment).
 */
export type FailureKind = 'permanent' | 'retryable' | 'throttled' | 'contention';

export interface FailureFacts {
  stage: FailureStage;
  kind: FailureKind;
  /** How long the server asked us to wait (Retry-After), already capped; null when it did not say. */
  retryAfterMs?: number | null;
}

/** Options of the subclasses: the cause, and a stage other than the class's usual one. */
export type FactOptions = ErrorOptions & Partial<FailureFacts>;

export class BreachfeedError extends Error {
  readonly stage: FailureStage;
  readonly kind: FailureKind;
  readonly retryAfterMs: number | null;

  constructor(message: string, facts: FailureFacts, options?: ErrorOptions) {
    // Every message passes here: no error line, stored reason or log of one carries a URL's userinfo or all of a huge URL.
    super(formatUrlsIn(message), options);
    this.name = new.target.name;
    this.stage = facts.stage;
    this.kind = facts.kind;
    this.retryAfterMs = facts.retryAfterMs ?? null;
  }
}

/** The kind of an HTTP status: 429 (and 503 with Retry-After) throttled, other 5xx retryable, the rest permanent. */
function kindOfStatus(status: number, retryAfterMs: number | null): FailureKind {
  // 429 and 503 before the generic >= 500 check: they ask us to slow down.
  if (status === 429 || (status === 503 && retryAfterMs !== null)) return 'throttled';
  return status >= 500 ? 'retryable' : 'permanent';
}

/** A response status we cannot use. */
export class HttpStatusError extends BreachfeedError {
  constructor(readonly url: string, readonly status: number, retryAfterMs: number | null = null, options?: FactOptions) {
    super(`fetch: ${url} answered HTTP ${status}`, { stage: options?.stage ?? 'fetch', kind: kindOfStatus(status, retryAfterMs), retryAfterMs }, options);
  }
}

/** Network trouble (timeouts, resets, DNS): retryable unless told otherwise. */
export class NetworkError extends BreachfeedError {
  constructor(message: string, options?: FactOptions) {
    super(message, { stage: options?.stage ?? 'fetch', kind: options?.kind ?? 'retryable', retryAfterMs: options?.retryAfterMs }, options);
  }
}

/** The input is unusable as it is (too large, not a feed, refused address, no article): permanent. */
export class ContentError extends BreachfeedError {
  constructor(message: string, options?: FactOptions) {
    super(message, { stage: options?.stage ?? 'fetch', kind: 'permanent' }, options);
  }
}

/** Bad configuration or arguments: the run cannot start. */
export class ConfigError extends BreachfeedError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, { stage: 'config', kind: 'permanent' }, options);
  }
}

/** The store cannot be opened or written: retryable (an outage), or contention between writers. */
export class StoreError extends BreachfeedError {
  constructor(message: string, options?: ErrorOptions & { kind?: FailureKind }) {
    super(message, { stage: 'store', kind: options?.kind ?? 'retryable' }, options);
  }
}

/** A client's bad request to the HTTP API; the app answers `{error, parameter}` with the status. */
export class ApiError extends BreachfeedError {
  constructor(readonly statusCode: number, message: string, readonly parameter?: string) {
    super(message, { stage: 'api', kind: 'permanent' });
  }
}

/** The facts of any error: ours carry them; anything else is a permanent failure of `stage` (a bug does not fix itself). */
export function factsOf(err: unknown, stage: FailureStage): Required<FailureFacts> {
  if (err instanceof BreachfeedError) return { stage: err.stage, kind: err.kind, retryAfterMs: err.retryAfterMs };
  return { stage, kind: 'permanent', retryAfterMs: null };
}

/** Whether another attempt could succeed (a fact of the kind; whether to make one is the policy's call). */
export function isRetryable(err: unknown): boolean {
  return err instanceof BreachfeedError && err.kind !== 'permanent';
}

/** One line for a user: our messages as they are, anything else with its class name (URLs in it formatted). */
export function describeError(err: unknown): string {
  if (err instanceof BreachfeedError) return err.message;
  if (err instanceof Error) return formatUrlsIn(`${err.name}: ${err.message}`.split('\n')[0]);
  return formatUrlsIn(String(err));
}

/** A URL quoted in an error line is cut to this many characters: the host and the start of the path say which one it is. */
const QUOTED_URL_CHARS = 120;

/**
 * A URL as error lines, stored reasons and logs quote it: without its userinfo (`user:secret@`
 * becomes `***@`) and, past QUOTED_URL_CHARS, cut with its length said. The one place that does
 * this; BreachfeedError applies it to every URL in its message.
 */
export function formatUrl(url: string): string {
  const safe = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/?#\s]*@)/i, '$1***@');
  if (safe.length <= QUOTED_URL_CHARS) return safe;
  return `${safe.slice(0, QUOTED_URL_CHARS - 20)}…(${safe.length.toLocaleString('en-US')} chars)`;
}

/** `text` with every URL in it formatted by formatUrl. Linear in the text. */
export function formatUrlsIn(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, formatUrl);
}
