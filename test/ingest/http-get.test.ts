// The hostile-server suite for the one HTTP client: every case ends within its small
// timeout with a classified error (or a correct body), and the measures are logged.
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContentError, HttpStatusError, NetworkError, isRetryable } from '../../src/errors';
import { HostBackoffError, ThrottledError, retryAfterMsOf } from '../../src/ingest/fetch-errors';
import { DEFAULT_USER_AGENT, type FetchOptions } from '../../src/ingest/fetch-options';
import { HttpClient } from '../../src/ingest/http-get';
import { formatMeasures, measureCase, type CaseMeasure } from '../helpers/measure-case';
import { getBombs, startHostileServer, type HostileServer } from '../helpers/hostile-server';

const MiB = 1024 * 1024;
const TEST_OPTS: FetchOptions = {
  allowPrivateAddresses: true,
  timeoutMs: 2_000,
  connectTimeoutMs: 1_000,
  headersTimeoutMs: 1_000,
  maxBodyBytes: MiB,
  perHostDelayMs: 0,
  perHostConcurrency: 8,
};

let server: HostileServer;
const clients: HttpClient[] = [];
const measures: CaseMeasure[] = [];

function client(opts: FetchOptions = {}): HttpClient {
  const c = new HttpClient({ ...TEST_OPTS, ...opts });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await startHostileServer();
  await getBombs(); // built once, outside the measured cases
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
  const table = formatMeasures(measures);
  if (process.env.BREACHFEED_MEASURES_FILE) writeFileSync(process.env.BREACHFEED_MEASURES_FILE, table + '\n');
  else console.log(`hostile-server measures:\n${table}`);
});

type ErrorClass = typeof ContentError | typeof NetworkError | typeof HttpStatusError;

interface HostileCase {
  path: string;
  opts?: FetchOptions;
  error: ErrorClass;
  retryable: boolean;
  message: RegExp;
}

const hostileCases: Record<string, HostileCase> = {
  'server that never answers': {
    path: '/never',
    error: NetworkError,
    retryable: true,
    message: /^fetch: http:\/\/127\.0\.0\.1:\d+\/never sent no response headers within 1000 ms$/,
  },
  'headers trickled one byte per second, never finished': {
    path: '/trickle-headers',
    error: NetworkError,
    retryable: true,
    message: /\/trickle-headers sent no response headers within 1000 ms$/,
  },
  '404 with an endless body': { path: '/404-endless', error: HttpStatusError, retryable: false, message: /\/404-endless answered HTTP 404$/ },
  'server that trickles one byte per second': {
    path: '/trickle',
    // The idle timer (2 s) never fires at one byte a second; the total timer must.
    opts: { timeoutMs: 2_500, headersTimeoutMs: 2_000 },
    error: NetworkError,
    retryable: true,
    message: /^fetch: http:\/\/127\.0\.0\.1:\d+\/trickle timed out after 2500 ms$/,
  },
  'endless body': {
    path: '/endless',
    error: ContentError,
    retryable: false,
    message: /\/endless body exceeds 1048576 bytes$/,
  },
  '50 MB body (Content-Length declared)': {
    path: '/50mb',
    error: ContentError,
    retryable: false,
    message: /\/50mb body exceeds 1048576 bytes \(Content-Length 52428800\)$/,
  },
  'gzip bomb (256 MiB of zeros in 255 KB)': {
    path: '/gzip-bomb',
    error: ContentError,
    retryable: false,
    message: /\/gzip-bomb body exceeds 1048576 bytes once decompressed \(gzip\)$/,
  },
  'brotli bomb (256 MiB of zeros)': {
    path: '/br-bomb',
    error: ContentError,
    retryable: false,
    message: /\/br-bomb body exceeds 1048576 bytes once decompressed \(br\)$/,
  },
  '10 redirects with a limit of 5': {
    path: '/redirect-chain?n=9',
    error: ContentError,
    retryable: false,
    message: /\/redirect-chain\?n=9 redirected more than 5 times$/,
  },
  'redirect loop': {
    path: '/loop-a',
    error: ContentError,
    retryable: false,
    message: /\/loop-a redirect loop at http:\/\/127\.0\.0\.1:\d+\/loop-a#again$/,
  },
  '50 MB body (chunked, no length)': {
    path: '/50mb-chunked',
    error: ContentError,
    retryable: false,
    message: /\/50mb-chunked body exceeds 1048576 bytes$/,
  },
  'server that is not speaking HTTP': { path: '/not-http', error: ContentError, retryable: false, message: /\/not-http sent an invalid HTTP response( \(HPE_[A-Z_]+\))?$/ },
  '64 KiB response header': { path: '/huge-headers', error: ContentError, retryable: false, message: /\/huge-headers sent response headers that are too large$/ },
  'redirect to file://': { path: '/to-file', error: ContentError, retryable: false, message: /^fetch: http:\/\/127\.0\.0\.1:\d+\/to-file redirected to file:\/\/\/etc\/passwd, which is not http\(s\)$/ },
  '404': { path: '/404', error: HttpStatusError, retryable: false, message: /^fetch: http:\/\/127\.0\.0\.1:\d+\/404 answered HTTP 404$/ },
  '410': { path: '/410', error: HttpStatusError, retryable: false, message: /\/410 answered HTTP 410$/ },
  '500': { path: '/500', error: HttpStatusError, retryable: true, message: /\/500 answered HTTP 500$/ },
  'connection reset before any response': { path: '/reset', error: NetworkError, retryable: true, message: /\/reset connection closed by the server$|\/reset connection reset$/ },
  'corrupt gzip body': { path: '/corrupt-gzip', error: ContentError, retryable: false, message: /\/corrupt-gzip has a corrupt gzip body$/ },
};

describe('HttpClient against a hostile server', () => {
  it.each(Object.entries(hostileCases))('%s', async (name, c) => {
    const { error } = await measureCase(name, () => client(c.opts).get(server.url(c.path)), measures);
    expect(error).toBeInstanceOf(c.error);
    expect(isRetryable(error)).toBe(c.retryable);
    expect((error as Error).message).toMatch(c.message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('hangs up on an endless body instead of reading it to the end', async () => {
    await expect(client().get(server.url('/endless?hangup'))).rejects.toThrow(ContentError);
    await waitFor(() => server.bytesSent.has('/endless?hangup'));
    // The server stops as soon as the socket closes; the client read little past the cap.
    expect(server.bytesSent.get('/endless?hangup')).toBeLessThan(64 * MiB);
  });

  it('follows 10 redirects when the limit allows them', async () => {
    const { value: res } = await measureCase('10 redirects with a limit of 10', () => client({ maxRedirects: 10 }).get(server.url('/redirect-chain?n=9')), measures);
    expect(res?.status).toBe(200);
    expect(res?.redirects).toHaveLength(10);
    expect(res?.finalUrl).toBe(server.url('/ok'));
    expect(res?.body.toString()).toContain('OK page');
  });

  it('429 with Retry-After: throttled, retryable, and the host is then left alone', async () => {
    const c = client(); // its own client: the pause it records must not slow other tests
    const { error } = await measureCase('429 with Retry-After: 3', () => c.get(server.url('/429')), measures);
    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(isRetryable(error)).toBe(true);
    expect(retryAfterMsOf(error)).toBe(3_000);
    expect((error as Error).message).toMatch(/\/429 answered HTTP 429$/);

    // The pause (3 s) is longer than the whole request budget (2 s): refused without a request.
    const again = await c.get(server.url('/ok?after-429')).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(HostBackoffError);
    expect(isRetryable(again)).toBe(true);
    expect(retryAfterMsOf(again)).toBeGreaterThan(2_000);
    expect(server.hits.get('/ok?after-429') ?? 0).toBe(0);
  });

  it('503 with an HTTP-date Retry-After', async () => {
    const error = await client().get(server.url('/503-date')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect(isRetryable(error)).toBe(true);
    expect(retryAfterMsOf(error)).toBeGreaterThan(100_000);
    expect(retryAfterMsOf(error)).toBeLessThanOrEqual(120_000);
  });

  it('waits out a short Retry-After instead of failing', async () => {
    const c = client({ timeoutMs: 3_000 });
    server.route('/429-short', (_req, res) => {
      res.writeHead(429, { 'retry-after': '1' });
      res.end();
    });
    await expect(c.get(server.url('/429-short'))).rejects.toThrow(ThrottledError);
    const before = Date.now();
    const res = await c.get(server.url('/ok'));
    expect(res.status).toBe(200);
    const okArrival = server.log.filter((l) => l.path === '/ok').at(-1)!.at;
    expect(okArrival - before).toBeGreaterThanOrEqual(900);
  });

  it('connection refused is a retryable network error', async () => {
    const port = await freePort();
    const error = await client().get(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe(`fetch: http://127.0.0.1:${port}/ connection refused`);
  });

  it('a caller abort ends the request with a one-line error', async () => {
    const ac = new AbortController();
    const pending = client({ headersTimeoutMs: 5_000, timeoutMs: 5_000 }).get(server.url('/never?abort'), { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    await expect(pending).rejects.toThrow(/^fetch: http:\/\/127\.0\.0\.1:\d+\/never\?abort was cancelled$/);
  });

  it('refuses URLs that are not http(s)', async () => {
    await expect(client().get('file:///etc/passwd')).rejects.toThrow(new ContentError('fetch: file:///etc/passwd is not an http(s) URL'));
    await expect(client().get('not a url')).rejects.toThrow(ContentError);
  });

  it.each([
    ['/gzip-page', 'Compressed with gzip.'],
    ['/deflate-page', 'Compressed with deflate.'],
    ['/raw-deflate-page', 'Compressed with raw deflate.'],
    ['/br-page', 'Compressed with brotli.'],
  ])('decompresses %s', async (path, text) => {
    const res = await client().get(server.url(path));
    expect(res.body.toString('utf8')).toContain(text);
  });

  it('sends the descriptive User-Agent and asks for compression', async () => {
    await client().get(server.url('/ok?ua'));
    const req = server.log.find((l) => l.path === '/ok?ua')!;
    expect(req.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(req.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('returns 304 as a response, with an empty body', async () => {
    const res = await client().get(server.url('/feed/etag'), { headers: { 'if-none-match': '"v1"' } });
    expect(res.status).toBe(304);
    expect(res.body.length).toBe(0);
  });
});

async function waitFor(check: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
