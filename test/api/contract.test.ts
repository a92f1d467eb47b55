// The API as a contract, on both stores: /openapi.json validates as OpenAPI, every route's real
// responses (successes and errors) keep the schemas it declares, bad input is a 400 naming the
// parameter (every case once found to answer 5xx or a wrong 200), a store that does not answer
// is a 503 on every route. Real server on 127.0.0.1, real SQLite file and PostgreSQL schema.
import { encodeCursor } from '../../src/api/cursor';
import { startServer } from '../../src/api/server';
import type { BreachRecord } from '../../src/types';
import { sampleIncident, sampleRecords } from '../helpers/sample-record';
import { type ApiUnderTest, contractOf, openStore, type Reply, request, saveReport, startApi, STORE_KINDS } from './api-server';
import { validateOpenApi } from './validate-openapi';

const b64 = (json: string) => Buffer.from(json).toString('base64url');

/** Each request once answered 5xx, or 200 with a wrong result; each is a 400 naming the parameter. */
const REFUSED: Record<string, [string, string]> = {
  'minCount 1e100': ['/records?minCount=1e100', 'minCount'],
  'minCount past 2^53': ['/records?minCount=99999999999999999999', 'minCount'],
  'minCount 2^53': ['/records?minCount=9007199254740992', 'minCount'],
  'minCount on incidents': ['/incidents?minCount=1e100', 'minCount'],
  'NUL organization': ['/records?organization=%00', 'organization'],
  'NUL inside organization': ['/incidents?organization=ac%00me', 'organization'],
  'bad UTF-8 organization': ['/records?organization=%FF%FE', 'organization'],
  'bad UTF-8 on incidents': ['/incidents?organization=%C3%28', 'organization'],
  'cursor v 1.5': ['/records?cursor=eyJ2IjoxLjV9', 'cursor'],
  'cursor v 1e308': ['/records?cursor=eyJ2IjoxZTMwOH0', 'cursor'],
  'cursor v -5': [`/records?cursor=${b64('{"v":-5}')}`, 'cursor'],
  'cursor with padding of another form': [`/records?cursor=${b64('{"v":3 }')}`, 'cursor'],
  'records cursor of the newest-first incidents': [`/records?cursor=${encodeCursor('2025-01-01|0123456789abcdef0123456789abcdef', 'position')}`, 'cursor'],
  'newest-first incidents cursor of records': ['/incidents?order=newest&cursor=eyJ2IjoxfQ', 'cursor'],
  'unknown incident order': ['/incidents?order=oldest', 'order'],
  'incidents cursor zzzz': [`/incidents?cursor=${b64('{"v":"zzzz"}')}`, 'cursor'],
  'incidents cursor of records': ['/incidents?cursor=eyJ2IjoxfQ', 'cursor'],
  'empty cursor': ['/records?cursor=', 'cursor'],
  'month 13': ['/records?since=2025-13-45', 'since'],
  'date 9999-99-99': ['/records?since=9999-99-99', 'since'],
  'February 30': ['/incidents?until=2025-02-30', 'until'],
  'February 29 of a common year': ['/records?until=2025-02-29', 'until'],
  'export csv minCount 1e100': ['/export.csv?minCount=1e100', 'minCount'],
  'export ndjson NUL organization': ['/export.ndjson?organization=%00', 'organization'],
  'export bad date': ['/export.csv?since=2025-00', 'since'],
  'organization past 200 characters': [`/records?organization=${'a'.repeat(201)}`, 'organization'],
  'limit Infinity': ['/records?limit=Infinity', 'limit'],
  'minCount -Infinity': ['/incidents?minCount=-Infinity', 'minCount'],
  'minCount 1e400': ['/export.ndjson?minCount=1e400', 'minCount'],
  'empty parameter name': ['/records?=1', ''],
  'bad UTF-8 in the path': ['/records/%C3%28', 'path'],
  'limit twice': ['/records?limit=1&limit=2', 'limit'],
  'limit 0': ['/incidents?limit=0', 'limit'],
  'unknown parameter': ['/records?organisation=acme', 'organisation'],
  'malformed id': ['/records/nope', 'id'],
  'malformed incident id': ['/incidents/ABC', 'id'],
};

/** Accepted at the edges of the ranges. */
const ACCEPTED = [
  '/records?since=2024-02-29', '/records?minCount=9007199254740991', '/records?minCount=0', '/incidents?until=2012-12-31',
  `/records?organization=${encodeURIComponent('Umbrélla ✓')}`, '/export.csv?since=2013&until=2014-06', '/records?limit=1000',
];

describe.each(STORE_KINDS)('API contract on %s', (kind) => {
  let api: ApiUnderTest;
  let check: ReturnType<typeof contractOf>;
  const get = async (p: string, init?: RequestInit): Promise<Reply> => {
    const r = await request(api.base, p, init);
    expect(check(init?.method ?? 'GET', p, r)).toEqual([]);
    return r;
  };

  beforeAll(async () => {
    api = await startApi(kind);
    check = contractOf((await request(api.base, '/openapi.json')).body);
  });
  afterAll(() => api.close());
  afterEach(() => expect(api.errorLogs).toEqual([]));

  it('/openapi.json is a valid OpenAPI description of every route and status', async () => {
    const doc = (await request(api.base, '/openapi.json')).body;
    expect(await validateOpenApi(doc)).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/export.csv', '/export.ndjson', '/export/incidents.csv', '/export/incidents.ndjson', '/healthz', '/incidents', '/incidents/{id}', '/metrics', '/openapi.json', '/records', '/records/{id}', '/schema/record.json',
    ]);
    expect(Object.keys(doc.paths['/records'].get.responses)).toEqual(['200', '304', '400', '503']);
    expect(Object.keys(doc.paths['/records/{id}'].get.responses)).toEqual(['200', '304', '400', '404', '503']);
    expect(doc.paths['/healthz'].get.security).toEqual([]);
  });

  it.each(Object.entries(REFUSED))('%s → 400 JSON naming the parameter', async (_name, [p, parameter]) => {
    const r = await get(p);
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/^application\/json/);
    expect(r.body).toEqual({ error: expect.any(String), parameter });
  });

  it.each(ACCEPTED)('%s → 200', async (p) => {
    expect((await get(p)).status).toBe(200);
  });

  it('every route answers what it declares: pages, items, exports, health, metrics, 404s', async () => {
    const page = await get('/records?limit=3');
    expect(page.body.items).toHaveLength(3);
    const record = page.body.items[0] as BreachRecord;
    await get(`/records/${record.id}`);
    const incidents = await get('/incidents?limit=2');
    expect(incidents.body.hasMore).toBe(true);
    await get(`/incidents?limit=2&cursor=${incidents.body.nextCursor}`);
    await get(`/incidents/${incidents.body.items[0].id}`);
    await get('/records/0123456789abcdef0123456789abcdef');
    await get('/incidents/0123456789abcdef0123456789abcdef');
    for (const p of ['/export.csv?organization=hooli', '/export.ndjson', '/export/incidents.ndjson?minCount=1', '/export/incidents.csv', '/healthz', '/metrics', '/schema/record.json', '/openapi.json']) {
      expect((await get(p)).status).toBe(200);
    }
    expect((await get('/nowhere')).status).toBe(404);
  });

  it('ids that stopped being incidents answer: 301 to the incident a merged one joined, 410 for a deleted one', async () => {
    const report = (url: string, breachDate: BreachRecord['breachDate'], disclosedAt: string) => sampleRecords(url, [sampleIncident({
      organization: { name: 'Velora Travel', key: 'velora-travel', evidence: 'Velora Travel was breached.' }, breachDate, disclosedAt,
    })]);
    const outcome = (url: string) => ({ key: `key-${url}`, urlKey: `key-${url}`, url, canonicalUrl: url, feed: 'f', status: 'breach' as const, reason: null });
    const before = (await get('/incidents?limit=1000')).body.nextCursor as string;
    const recordsBefore = (await get('/records?limit=1000')).body.nextCursor as string;
    await api.store.saveArticle(outcome('https://v.example/1'), report('https://v.example/1', null, '2025-02-10'));
    const [undated] = (await get(`/incidents?cursor=${before}`)).body.items as { id: string }[];
    const dated = report('https://v.example/2', { value: '2025-01', precision: 'month', text: 'in January' }, '2025-02-11');
    await api.store.saveArticle(outcome('https://v.example/2'), dated);
    const merged = await get(`/incidents/${undated.id}`);
    expect(merged.status).toBe(301);
    expect(merged.body).toEqual({ id: undated.id, mergedInto: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const target = new URL(merged.headers.get('location')!, `${api.base}/incidents/${undated.id}`).pathname;
    expect(target).toBe(`/incidents/${merged.body.mergedInto}`);
    expect((await get(target)).body.sources).toHaveLength(2);

    await api.store.saveArticle(outcome('https://v.example/1'), []);
    await api.store.saveArticle(outcome('https://v.example/2'), []);
    const gone = await get(target);
    expect([gone.status, gone.body]).toEqual([410, { id: merged.body.mergedInto, deleted: true }]);
    // Both change feeds carry the deletions, once each, after the cursors kept before.
    expect((await get(`/records?cursor=${recordsBefore}`)).body.items).toEqual([
      { id: sampleRecords('https://v.example/1')[0].id, deleted: true }, { id: dated[0].id, deleted: true },
    ]);
    const feed = (await get(`/incidents?cursor=${before}`)).body.items;
    expect(feed).toEqual(expect.arrayContaining([{ id: undated.id, deleted: true }, { id: merged.body.mergedInto, deleted: true }]));
    expect(feed).toHaveLength(2);
  });

  it('a filter with no match is an empty page with the cursor to poll', async () => {
    const r = await get('/records?organization=nobody-at-all');
    expect(r.body).toEqual({ items: [], nextCursor: encodeCursor(0), hasMore: false });
  });
});

describe.each(STORE_KINDS)('a store that does not answer, on %s', (kind) => {
  it('is a 503 with a JSON error on every route, never a 500 or a 200 cut short', async () => {
    const { store, cleanup } = await openStore(kind);
    const [record] = await saveReport(store, 1);
    const { app, url } = await startServer({ store, port: 0 });
    try {
      const check = contractOf((await request(url, '/openapi.json')).body);
      await store.close(); // the store goes away under the running server
      for (const p of ['/records', `/records/${record.id}`, '/incidents', `/incidents/${record.id}`, '/export.csv', '/export.ndjson', '/metrics', '/healthz']) {
        const r = await request(url, p);
        expect([p, r.status]).toEqual([p, 503]);
        expect(r.type).toMatch(/^application\/json/);
        expect(typeof r.body.error).toBe('string');
        expect(check('GET', p, r)).toEqual([]);
      }
    } finally {
      await app.close();
      await cleanup();
    }
  });
});
