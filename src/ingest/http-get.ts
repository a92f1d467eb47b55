// The one HTTP client for feeds, pages and robots.txt. Each request: wait for a
// politeness slot on the host → check the address (SSRF guard) → GET with timeouts →
// follow redirects ourselves, so every hop goes through the same checks → read the body
// under a size cap → decompress under the same cap. Failures leave through mapFetchError.
import { Agent, request } from 'undici';
import { ContentError, formatUrl, HttpStatusError } from '../errors';
import { type HostGate, HostLimiter } from './host-limiter';
import { HostBackoffError, ThrottledError, mapFetchError, parseRetryAfter } from './fetch-errors';
import { resolveFetchOptions, type FetchOptions } from './fetch-options';
import { decodeContentEncoding, readCappedBody } from './read-body';
import { createSsrfGuard, type SsrfGuard } from './ssrf-guard';
import { urlProblem } from './url-policy';

export interface HttpGetInit {
  /** Extra request headers (e.g. If-None-Match). */
  headers?: Record<string, string>;
  /** Accept header. @default text/html and XML, then anything */
  accept?: string;
  /** Cancels the request (waiting for a slot included). */
  signal?: AbortSignal;
  /** A lower body cap for this request (robots.txt); never raises the client's. */
  maxBodyBytes?: number;
}

export interface HttpResponse {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  /** 2xx, or 304 (then `body` is empty). */
  status: number;
  /** Lowercased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  contentType: string | null;
  /** Decompressed body. */
  body: Buffer;
  /** Every URL redirected to, in order. */
  redirects: string[];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** How long a 429 or 503 without Retry-After holds its host. */
const THROTTLE_PAUSE_MS = 5_000;
const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8';

export interface HttpClientDeps {
  /** Replaces the SSRF guard (tests inject a stub resolver); ignored when private addresses are allowed. */
  guard?: SsrfGuard;
}

export class HttpClient {
  readonly options: Required<FetchOptions>;
  private readonly agent: Agent;
  private readonly limiter: HostLimiter;
  private readonly guard: SsrfGuard | null;
  private gate: HostGate | null = null;

  constructor(opts: FetchOptions = {}, deps: HttpClientDeps = {}) {
    this.options = resolveFetchOptions(opts);
    const o = this.options;
    this.guard = o.allowPrivateAddresses ? null : (deps.guard ?? createSsrfGuard());
    this.agent = new Agent({
      // The guard's lookup re-checks at connect time: the address used is the address checked.
      connect: { timeout: o.connectTimeoutMs, ...(this.guard ? { lookup: this.guard.lookup } : {}) },
      headersTimeout: o.headersTimeoutMs,
      bodyTimeout: o.headersTimeoutMs,
      connections: o.perHostConcurrency,
    });
    this.limiter = new HostLimiter(o.perHostConcurrency, o.perHostDelayMs);
  }

  /**
   * Shares per-host politeness beyond this process (distributed workers, through Redis): every
   * hop, redirects included, waits for a slot on the host it contacts, and a 429 or 503 pauses
   * that host for all of them. Called once, when the workers start.
   */
  useHostGate(gate: HostGate): void {
    this.gate = gate;
  }

  /** GET a URL: a 2xx or 304 response, or a classified error (HttpStatusError, NetworkError, ContentError). */
  async get(url: string, init: HttpGetInit = {}): Promise<HttpResponse> {
    const o = this.options;
    const controller = new AbortController();
    const state = { timedOut: false, aborted: false, currentUrl: url };
    const onCallerAbort = () => {
      state.aborted = true;
      controller.abort(init.signal?.reason);
    };
    if (init.signal?.aborted) onCallerAbort();
    init.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const budget = new TimeBudget(o.timeoutMs, () => {
      state.timedOut = true;
      controller.abort(new Error('timeout'));
    });
    try {
      return await this.follow(url, init, controller.signal, state, budget);
    } catch (err) {
      throw mapFetchError(err, { url: state.currentUrl, ...state, timeoutMs: o.timeoutMs, connectTimeoutMs: o.connectTimeoutMs, headersTimeoutMs: o.headersTimeoutMs });
    } finally {
      budget.stop();
      init.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private async follow(url: string, init: HttpGetInit, signal: AbortSignal, state: { currentUrl: string }, budget: TimeBudget): Promise<HttpResponse> {
    const o = this.options;
    const redirects: string[] = [];
    const seen = new Set<string>();
    let hop = parseHttpUrl(url, o.maxUrlChars);
    // A hop to the host already held keeps its slot: the politeness gap is between requests, not inside one.
    let slot: HeldSlot | null = null;
    try {
      for (;;) {
        state.currentUrl = hop.href;
        seen.add(withoutHash(hop));
        if (slot?.host !== hop.host) {
          slot?.release();
          slot = null;
          // Time queued behind politeness (the first host's, or a redirect's new host's) is not the server's fault.
          budget.pause();
          slot = await this.takeSlot(hop, signal);
        }
        budget.run();
        const res = await this.getOnce(hop, init, signal);
        const location = res.headers['location'];
        if (REDIRECT_STATUSES.has(res.status) && location) {
          const next = parseRedirect(url, location, hop, o.maxUrlChars);
          if (seen.has(withoutHash(next))) throw new ContentError(`fetch: ${url} redirect loop at ${next.href}`);
          if (redirects.length >= o.maxRedirects) throw new ContentError(`fetch: ${url} redirected more than ${o.maxRedirects} times`);
          redirects.push(next.href);
          hop = next;
          continue;
        }
        return { ...res, url, finalUrl: hop.href, redirects };
      }
    } finally {
      slot?.release();
    }
  }

  /** A politeness slot on the hop's host, in this process and (with a gate) across workers. */
  private async takeSlot(hop: URL, signal: AbortSignal): Promise<HeldSlot> {
    const o = this.options;
    const pausedMs = this.limiter.pausedForMs(hop.hostname);
    // A pause longer than our whole budget is not worth waiting out here; the queue retries later.
    if (pausedMs > o.timeoutMs) throw new HostBackoffError(hop.href, hop.hostname, pausedMs);
    const release = await this.limiter.acquire(hop.hostname, signal);
    try {
      // The host actually contacted, hop by hop: a redirect to another host takes that host's slot.
      const releaseShared = this.gate ? await this.gate.acquire(hop.host, o.timeoutMs, hop.href) : null;
      return { host: hop.host, release: () => { releaseShared?.(); release(); } };
    } catch (err) {
      release();
      throw err;
    }
  }

  /** One hop, its slot held: guard, request, status check, body. */
  private async getOnce(hop: URL, init: HttpGetInit, signal: AbortSignal): Promise<Omit<HttpResponse, 'url' | 'finalUrl' | 'redirects'>> {
    const o = this.options;
    const host = hop.hostname;
    if (this.guard) await this.guard.checkUrl(hop);
    const res = await request(hop, {
      dispatcher: this.agent,
      method: 'GET',
      signal,
      headers: {
        'user-agent': o.userAgent,
        'accept': init.accept ?? DEFAULT_ACCEPT,
        'accept-encoding': 'gzip, deflate, br',
        ...init.headers,
      },
    });
    const headers = flattenHeaders(res.headers);
    const status = res.statusCode;
    if (status >= 200 && status < 300) {
      const cap = Math.min(o.maxBodyBytes, init.maxBodyBytes ?? Infinity);
      // A declared length past the cap is refused before a byte is read.
      if (Number(headers['content-length']) > cap) {
        discardBody(res.body);
        throw new ContentError(`fetch: ${hop.href} body exceeds ${cap} bytes (Content-Length ${headers['content-length']})`);
      }
      const raw = await readCappedBody(res.body, cap, hop.href);
      const body = await decodeContentEncoding(raw, headers['content-encoding'], cap, hop.href);
      return { status, headers, contentType: headers['content-type'] ?? null, body };
    }
    // Only the status matters from here on; do not read what could be an endless body.
    discardBody(res.body);
    if (status === 304 || (REDIRECT_STATUSES.has(status) && headers['location'])) {
      return { status, headers, contentType: headers['content-type'] ?? null, body: Buffer.alloc(0) };
    }
    // 429 and 503 before the generic check: they are a request to slow down, not a failure of the page.
    if (status === 429 || status === 503) {
      const retryAfterMs = parseRetryAfter(headers['retry-after'], o.maxRetryAfterMs);
      const pauseMs = retryAfterMs ?? THROTTLE_PAUSE_MS;
      this.limiter.pauseHost(host, Date.now() + pauseMs);
      await this.gate?.pause(hop.host, pauseMs).catch(() => undefined); // politeness must not fail the request
      if (status === 429 || retryAfterMs !== null) throw new ThrottledError(hop.href, status, retryAfterMs);
    }
    throw new HttpStatusError(hop.href, status);
  }

  /** Space requests to `host` by at least `delayMs` (robots.txt Crawl-delay). */
  setHostDelay(host: string, delayMs: number): void {
    this.limiter.setHostDelay(host, delayMs);
  }

  /** Close pooled connections. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.agent.close().catch(() => undefined);
    return this.closing;
  }
  private closing: Promise<void> | undefined;
}

/** The request timeout as a budget that runs while requests do, and not while they wait for a politeness slot. */
class TimeBudget {
  private timer: NodeJS.Timeout | null = null;
  private since = 0;
  private stopped = false;

  constructor(private remainingMs: number, private readonly onOut: () => void) {}

  run(): void {
    if (this.timer || this.stopped) return;
    this.since = Date.now();
    this.timer = setTimeout(this.onOut, Math.max(0, this.remainingMs));
  }

  pause(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.remainingMs -= Date.now() - this.since;
  }

  stop(): void {
    this.pause();
    this.stopped = true;
  }
}

/** A politeness slot held by a request, on `host` (with its port). */
interface HeldSlot {
  host: string;
  release(): void;
}

function parseHttpUrl(value: string, maxUrlChars: number): URL {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new ContentError(`fetch: ${JSON.stringify(formatUrl(value))} is not a valid URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ContentError(`fetch: ${u.href} is not an http(s) URL`);
  const problem = urlProblem(u, maxUrlChars);
  if (problem) throw new ContentError(`fetch: ${problem}`);
  return u;
}

/** The next hop of a redirect; a Location we will not follow names both ends. */
function parseRedirect(url: string, location: string, from: URL, maxUrlChars: number): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new ContentError(`fetch: ${url} redirected to an invalid URL ${JSON.stringify(formatUrl(location))}`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new ContentError(`fetch: ${url} redirected to ${next.href}, which is not http(s)`);
  const problem = urlProblem(next, maxUrlChars);
  if (problem) throw new ContentError(`fetch: ${url} redirected to ${problem}`);
  return next;
}

/** Drop a body we will not read; an abort error from the dropped stream is expected, not a failure. */
function discardBody(body: { on(event: 'error', fn: () => void): unknown; destroy(): unknown }): void {
  body.on('error', () => undefined);
  body.destroy();
}

function withoutHash(u: URL): string {
  return u.href.replace(/#.*$/, '');
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
