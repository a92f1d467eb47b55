// Every way a fetch can fail, mapped in one place to the classes of src/errors.ts, so
// the runner can tell a retry (timeouts, resets, 5xx, 429) from a permanent failure
// (4xx, refused address, bad or oversized content).
import { BreachfeedError, ContentError, HttpStatusError, NetworkError } from '../errors';

/** 429, or 503 with Retry-After: the host asked us to slow down; retry no sooner than `retryAfterMs`. */
export class ThrottledError extends HttpStatusError {}

/** Not sent at all: the host is still inside a Retry-After pause it asked for. Throttled. */
export class HostBackoffError extends NetworkError {
  constructor(url: string, host: string, retryAfterMs: number) {
    super(`fetch: ${url} not sent: ${host} asked to wait ${Math.ceil(retryAfterMs / 1000)} s more (Retry-After)`, { kind: 'throttled', retryAfterMs });
  }
}

/** How long the server asked us to wait, if it did. */
export function retryAfterMsOf(err: unknown): number | null {
  return err instanceof BreachfeedError ? err.retryAfterMs : null;
}

/** Retry-After as milliseconds from now, at most `maxMs`: delta-seconds or an HTTP date; null if absent or unreadable. */
export function parseRetryAfter(value: string | undefined, maxMs: number, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  let ms: number;
  if (/^\d+$/.test(v)) ms = Number(v) * 1000;
  else {
    // V8's Date.parse takes "-5" or "1.5" as dates; an HTTP date always names its month.
    if (!/[a-z]{3}/i.test(v)) return null;
    const at = Date.parse(v);
    if (Number.isNaN(at)) return null;
    ms = at - now;
  }
  // Capped, so one odd header cannot park a host (or a job) for ever.
  return Math.min(Math.max(ms, 0), maxMs);
}

/** Why the request stopped, as far as the client knows it (set by the client, not parsed from errors). */
export interface FailureContext {
  url: string;
  /** Our total timer fired. */
  timedOut: boolean;
  /** The caller's signal aborted. */
  aborted: boolean;
  timeoutMs: number;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed for now',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CLOSED: 'connection closed',
};

/** Any error thrown while fetching → one of our classes with a one-line message. */
export function mapFetchError(err: unknown, ctx: FailureContext): Error {
  if (err instanceof ContentError || err instanceof NetworkError || err instanceof HttpStatusError) return err;
  const { url } = ctx;
  if (ctx.timedOut) return new NetworkError(`fetch: ${url} timed out after ${ctx.timeoutMs} ms`, { cause: err });
  if (ctx.aborted) return new NetworkError(`fetch: ${url} was cancelled`, { cause: err });

  const code = errorCode(err);
  if (code === 'EBREACHFEEDSSRF') {
    // The connect-time lookup refused an address the pre-check had not seen: DNS changed in between.
    return new ContentError(`fetch: ${url} refused: DNS answer changed to non-public address ${(err as { address?: string }).address ?? '?'}`, { cause: err });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new NetworkError(`fetch: ${url} connect timed out after ${ctx.connectTimeoutMs} ms`, { cause: err });
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return new NetworkError(`fetch: ${url} sent no response headers within ${ctx.headersTimeoutMs} ms`, { cause: err });
  if (code === 'UND_ERR_BODY_TIMEOUT') return new NetworkError(`fetch: ${url} body stalled for ${ctx.headersTimeoutMs} ms`, { cause: err });
  if (code === 'ERR_BUFFER_TOO_LARGE') return new ContentError(`fetch: ${url} body is too large once decompressed`, { cause: err });
  if (code && (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SELF_SIGNED/.test(code))) {
    return new ContentError(`fetch: ${url} TLS failed (${code})`, { cause: err });
  }
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return new ContentError(`fetch: ${url} sent response headers that are too large`, { cause: err });
  // undici's HTTPParserError does not always carry its HPE_ code, so its name decides too.
  if (code?.startsWith('HPE_') || (err as Error)?.name === 'HTTPParserError') {
    return new ContentError(`fetch: ${url} sent an invalid HTTP response${code ? ` (${code})` : ''}`, { cause: err });
  }
  if (code?.startsWith('Z_')) return new ContentError(`fetch: ${url} has a corrupt compressed body (${code})`, { cause: err });
  if (code && NETWORK_CODES[code]) return new NetworkError(`fetch: ${url} ${NETWORK_CODES[code]}`, { cause: err });
  if (code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_URL') return new ContentError(`fetch: ${url} is not a URL we can request`, { cause: err });
  const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new NetworkError(`fetch: ${url} failed (${code ?? detail})`, { cause: err });
}

/** The code of an error or of the error it wraps (undici wraps socket errors). */
function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
