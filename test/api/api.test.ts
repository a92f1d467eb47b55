import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { startServer } from '../../src/api/server';
import type { RecordStore } from '../../src/store/record-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { BreachRecord } from '../../src/types';
import { recordValidator } from '../helpers/record-validator';
import { makeTempDir } from '../helpers/temp-dir';
import { saveReport } from './api-server';

// The API over real HTTP on 127.0.0.1 with a real SQLite store.
describe('HTTP API', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: RecordStore;
  let app: FastifyInstance;
  let base: string;
  const get = async (p: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${p}`, { headers });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: metrics, CSV, NDJSON
    }
    return { status: res.status, type: res.headers.get('content-type'), body: body as any, text };
  };

  beforeAll(async () => {
    tmp = makeTempDir();
    store = openSqliteStore(path.join(tmp.dir, 'api.db'));
    for (let i = 0; i < 25; i++) await saveReport(store, i);
    ({ app, url: base } = await startServer({ store, port: 0 }));
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    tmp.cleanup();
  });

  it('binds 127.0.0.1 by default', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('GET /healthz', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('GET /records pages with a cursor through every record exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let more = true;
    while (more) {
      const r: Awaited<ReturnType<typeof get>> = await get(`/records?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      seen.push(...r.body.items.map((x: BreachRecord) => x.id));
      ({ nextCursor: cursor, hasMore: more } = r.body);
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const validate = recordValidator();
    const one = (await get('/records?limit=1')).body.items[0];
    expect(validate(one)).toBe(true);
  });

  it('pagination is stable while records are inserted: nothing skipped, nothing repeated', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    let more = true;
    while (more) {
      const r: Awaited<ReturnType<typeof get>> = await get(`/records?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...r.body.items.map((x: BreachRecord) => x.id));
      ({ nextCursor: cursor, hasMore: more } = r.body);
      if (inserted < 6) await saveReport(store, 100 + inserted++); // arrives between two page reads
    }
    // Polling the last cursor later returns exactly what arrived after the last page.
    const later = await get(`/records?limit=100&cursor=${cursor}`);
    seen.push(...later.body.items.map((x: BreachRecord) => x.id));
    expect(later.body.hasMore).toBe(false);
    const all = (await store.listRecords()).map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(all.sort());
  });

  it('filters records by organization, data type, dates and count', async () => {
    const byOrg = (await get('/records?organization=globex&limit=100')).body.items as BreachRecord[];
    expect(byOrg.length).toBeGreaterThan(0);
    expect(byOrg.every((r) => r.organization?.key === 'globex')).toBe(true);
    const byType = (await get('/records?dataType=medical&limit=100')).body.items as BreachRecord[];
    expect(byType.length).toBeGreaterThan(0);
    expect(byType.every((r) => r.dataTypes.some((d) => d.type === 'medical'))).toBe(true);
    const byDate = (await get('/records?since=2012&until=2013&limit=100')).body.items as BreachRecord[];
    expect(byDate.length).toBeGreaterThan(0);
    expect(byDate.every((r) => r.disclosedAt! >= '2012' && r.disclosedAt!.slice(0, 4) <= '2013')).toBe(true);
    const byCount = (await get('/records?minCount=20000&limit=100')).body.items as BreachRecord[];
    expect(byCount.every((r) => r.affectedCount!.value >= 20000)).toBe(true);
  });

  it('GET /records/:id and /incidents/:id', async () => {
    const [r] = (await get('/records?limit=1')).body.items as BreachRecord[];
    expect((await get(`/records/${r.id}`)).body).toEqual(r);
    const incidents = (await get('/incidents?order=newest&limit=1000')).body.items as { id: string; sources: { recordId: string }[] }[];
    const withR = incidents.find((i) => i.sources.some((s) => s.recordId === r.id))!;
    expect((await get(`/incidents/${withR.id}`)).body).toEqual(withR);
  });

  it('GET /incidents merges reports of the same breach and pages by cursor', async () => {
    const all = (await get('/incidents?order=newest&limit=1000')).body.items as { organization: { key: string }; breachDate: { value: string }; sources: unknown[] }[];
    // Same organization and year from different articles → one incident each.
    const keys = all.map((i) => `${i.organization.key}|${i.breachDate.value}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(all.reduce((n, i) => n + i.sources.length, 0)).toBe((await store.counts()).records);
    // Newest first: each page continues where the last ended.
    const first = await get('/incidents?order=newest&limit=2');
    const second = await get(`/incidents?order=newest&limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items]).toEqual(all.slice(0, 4));
    // In change order: the same incidents, each once, and a pointer for every id an incident had
    // before a report that comes first in its canonical order joined it.
    const changes = (await get('/incidents?limit=1000')).body.items as { id: string; mergedInto?: string }[];
    const ids = new Set(all.map((i) => (i as unknown as { id: string }).id));
    expect(changes.filter((c) => !c.mergedInto).map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(changes.filter((c) => c.mergedInto).every((c) => ids.has(c.mergedInto!))).toBe(true);
  });

  const bad: Record<string, [string, number, string]> = {
    'unknown id': ['/records/0123456789abcdef0123456789abcdef', 404, 'id'],
    'malformed id': ['/records/nope', 400, 'id'],
    'bad cursor': ['/records?cursor=garbage', 400, 'cursor'],
    'cursor of the other list': ['/incidents?cursor=eyJ2IjoxfQ', 400, 'cursor'],
    'non-numeric count': ['/records?minCount=many', 400, 'minCount'],
    'bad date': ['/records?since=last-week', 400, 'since'],
    'unknown data type': ['/records?dataType=shoe_size', 400, 'dataType'],
    'limit too large': ['/records?limit=100000', 400, 'limit'],
    'misspelled filter': ['/records?organisation=acme', 400, 'organisation'],
    'unknown incident': ['/incidents/0123456789abcdef0123456789abcdef', 404, 'id'],
  };
  it.each(Object.entries(bad))('%s → 4xx JSON naming the parameter', async (_name, [p, status, parameter]) => {
    const r = await get(p);
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ parameter });
    expect(typeof r.body.error).toBe('string');
  });

  it('an SQL-looking filter is just a string', async () => {
    const r = await get(`/records?organization=${encodeURIComponent("x' OR '1'='1")}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
  });

  it('exports NDJSON and CSV, streamed, with every record', async () => {
    const count = (await store.counts()).records;
    const nd = await get('/export.ndjson');
    expect(nd.type).toBe('application/x-ndjson');
    expect(nd.text.trim().split('\n').map((l) => JSON.parse(l).id)).toHaveLength(count);
    const csv = await get('/export.csv?organization=hooli');
    expect(csv.type).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,organization,/);
    expect(lines.slice(1).every((l) => l.includes(',Hooli,hooli,'))).toBe(true);
  });

  it('serves Prometheus metrics, the OpenAPI description and the record schema', async () => {
    const m = await get('/metrics');
    expect(m.text).toMatch(new RegExp(`^breachfeed_records_stored ${(await store.counts()).records}$`, 'm'));
    expect(m.text).toMatch(/^breachfeed_articles_processed\{verdict="breach"\} \d+$/m);
    const api = await get('/openapi.json');
    expect(api.body.openapi).toMatch(/^3\./);
    expect(Object.keys(api.body.paths)).toEqual(expect.arrayContaining(['/records', '/records/{id}', '/incidents', '/export.csv', '/metrics']));
    const schema = await get('/schema/record.json');
    expect(schema.body.properties.schema.const).toBe('breachfeed.record/1');
  });
});

describe('HTTP API beyond loopback', () => {
  it('refuses to bind elsewhere without a token', async () => {
    const tmp = makeTempDir();
    const store = openSqliteStore(path.join(tmp.dir, 'x.db'));
    try {
      await expect(startServer({ store, host: '0.0.0.0', port: 0 })).rejects.toThrow(/^serve: binding to 0\.0\.0\.0 .*set a token/);
    } finally {
      await store.close();
      tmp.cleanup();
    }
  });

  it('with a token, every route but /healthz needs it', async () => {
    const tmp = makeTempDir();
    const store = openSqliteStore(path.join(tmp.dir, 'y.db'));
    // Bound to loopback for the test; the token check is the same wherever it binds.
    const { app, url } = await startServer({ store, port: 0, readToken: 's3cret' });
    try {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/records`)).status).toBe(401);
      expect((await fetch(`${url}/records`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${url}/records`, { headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
    } finally {
      await app.close();
      await store.close();
      tmp.cleanup();
    }
  });
});
