// What HTTP consumers expect of the real server: compression, ETag and 304, Cache-Control, and
// CORS off by default and on for the configured origins only.
import http from 'node:http';
import zlib from 'node:zlib';
import { type ApiUnderTest, request, startApi } from './api-server';

/** A raw GET (fetch would decompress behind our back). */
function rawGet(base: string, p: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.request(`${base}${p}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

describe('HTTP features', () => {
  let api: ApiUnderTest;
  beforeAll(async () => {
    api = await startApi('sqlite', 25);
  });
  afterAll(() => api.close());

  it('compresses JSON and streamed exports for clients that accept it', async () => {
    const plain = await rawGet(api.base, '/records?limit=20');
    const gz = await rawGet(api.base, '/records?limit=20', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(plain.body.toString());
    expect(gz.body.length).toBeLessThan(plain.body.length / 3);
    const br = await rawGet(api.base, '/export.ndjson', { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString().trim().split('\n')).toHaveLength(25);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('read routes carry a strong ETag; If-None-Match answers 304 with no body, also when compressed', async () => {
    const first = await rawGet(api.base, '/records?limit=5');
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await rawGet(api.base, '/records?limit=5', { 'if-none-match': inm, 'accept-encoding': 'gzip' });
      expect([inm, again.status, again.body.length]).toEqual([inm, 304, 0]);
      expect(again.headers.etag).toBe(etag);
    }
    expect((await rawGet(api.base, '/records?limit=5', { 'if-none-match': '"stale"' })).status).toBe(200);
    const one = await rawGet(api.base, '/incidents?limit=1');
    expect((await rawGet(api.base, '/incidents?limit=1', { 'if-none-match': one.headers.etag! })).status).toBe(304);
  });

  it('Cache-Control: data revalidates (no-cache), health and metrics are never stored, errors neither', async () => {
    expect((await rawGet(api.base, '/records')).headers['cache-control']).toBe('no-cache');
    expect((await rawGet(api.base, '/openapi.json')).headers['cache-control']).toBe('no-cache');
    expect((await rawGet(api.base, '/healthz')).headers['cache-control']).toBe('no-store');
    expect((await rawGet(api.base, '/metrics')).headers['cache-control']).toBe('no-store');
    expect((await rawGet(api.base, '/records?limit=0')).headers['cache-control']).toBe('no-store');
  });

  it('CORS is off by default: no CORS headers, no preflight route', async () => {
    const r = await rawGet(api.base, '/records', { origin: 'https://dash.example' });
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect((await rawGet(api.base, '/records', { origin: 'https://dash.example', 'access-control-request-method': 'GET' }, 'OPTIONS')).status).toBe(404);
  });
});

describe('CORS with allowed origins', () => {
  it('answers preflights and reads for those origins only, the token still required', async () => {
    const api = await startApi('sqlite', 2, { corsOrigins: ['https://dash.example'], readToken: 'tok' });
    try {
      const pre = await rawGet(api.base, '/records', { origin: 'https://dash.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' }, 'OPTIONS');
      expect(pre.status).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe('https://dash.example');
      expect(pre.headers['access-control-allow-headers']).toMatch(/authorization/i);
      const read = await rawGet(api.base, '/records', { origin: 'https://dash.example', authorization: 'Bearer tok' });
      expect(read.status).toBe(200);
      expect(read.headers['access-control-allow-origin']).toBe('https://dash.example');
      expect(read.headers['access-control-expose-headers']).toMatch(/etag/i);
      const other = await rawGet(api.base, '/records', { origin: 'https://evil.example', authorization: 'Bearer tok' });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      expect((await request(api.base, '/records', { headers: { origin: 'https://dash.example' } })).status).toBe(401);
    } finally {
      await api.close();
    }
  });
});
