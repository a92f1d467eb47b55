import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ContentError, HttpStatusError, NetworkError, isRetryable } from '../../src/errors';
import { mapFetchError, parseRetryAfter, type FailureContext } from '../../src/ingest/fetch-errors';
import { HttpClient } from '../../src/ingest/http-get';
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from '../helpers/tls-self-signed';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0], // in the past: go ahead
    ['99999999', 60 * 60 * 1000], // capped (fetch.maxRetryAfterMs)
  ])('%s → %d ms', (value, ms) => expect(parseRetryAfter(value, 60 * 60 * 1000, now)).toBe(ms));
  it.each([undefined, '', 'soon', '-5', '1.5'])('%s → null', (value) => expect(parseRetryAfter(value, 60 * 60 * 1000, now)).toBeNull());
});

describe('mapFetchError (cases loopback cannot produce)', () => {
  const ctx: FailureContext = { url: 'https://a.test/x', timedOut: false, aborted: false, timeoutMs: 20_000, connectTimeoutMs: 10_000, headersTimeoutMs: 15_000 };
  const withCode = (code: string, name = 'Error') => Object.assign(new Error('low-level detail'), { code, name });
  const cases: Record<string, [unknown, typeof ContentError | typeof NetworkError, string]> = {
    'connect timeout': [withCode('UND_ERR_CONNECT_TIMEOUT'), NetworkError, 'fetch: https://a.test/x connect timed out after 10000 ms'],
    'DNS failure': [withCode('ENOTFOUND'), NetworkError, 'fetch: https://a.test/x host not found'],
    'DNS not now': [withCode('EAI_AGAIN'), NetworkError, 'fetch: https://a.test/x host lookup failed for now'],
    'unreachable': [withCode('EHOSTUNREACH'), NetworkError, 'fetch: https://a.test/x host unreachable'],
    'expired certificate': [withCode('CERT_HAS_EXPIRED'), ContentError, 'fetch: https://a.test/x TLS failed (CERT_HAS_EXPIRED)'],
    'socket error wrapped in a cause': [Object.assign(new Error('other side closed'), { cause: withCode('ECONNRESET') }), NetworkError, 'fetch: https://a.test/x connection reset'],
    'something unknown': [new Error('weird\nsecond line'), NetworkError, 'fetch: https://a.test/x failed (weird)'],
  };
  it.each(Object.entries(cases))('%s', (_name, [err, cls, message]) => {
    const mapped = mapFetchError(err, ctx);
    expect(mapped).toBeInstanceOf(cls);
    expect(mapped.message).toBe(message);
    expect((mapped as Error & { cause?: unknown }).cause).toBe(err);
  });

  it('our own errors pass through unchanged', () => {
    const own = new HttpStatusError('https://a.test/x', 410);
    expect(mapFetchError(own, ctx)).toBe(own);
  });

  it('the total timer wins over whatever error the abort produced', () => {
    const mapped = mapFetchError(new Error('aborted'), { ...ctx, timedOut: true });
    expect(mapped).toBeInstanceOf(NetworkError);
    expect(isRetryable(mapped)).toBe(true);
    expect(mapped.message).toBe('fetch: https://a.test/x timed out after 20000 ms');
  });
});

describe('TLS over loopback', () => {
  it('a self-signed certificate is refused as a permanent TLS failure', async () => {
    const server = https.createServer({ key: SELF_SIGNED_KEY, cert: SELF_SIGNED_CERT }, (_req, res) => res.end('secret'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const client = new HttpClient({ allowPrivateAddresses: true, timeoutMs: 2_000, perHostDelayMs: 0 });
    try {
      const error = await client.get(url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      expect(isRetryable(error)).toBe(false);
      expect((error as Error).message).toMatch(/^fetch: https:\/\/127\.0\.0\.1:\d+\/ TLS failed \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)$/);
    } finally {
      await client.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
