import path from 'node:path';
import { type Newsroom, type NewsroomManifest, readNewsroomManifest, startNewsroom } from '../../src/demo/newsroom-server';
import { runInline, type RunSummary } from '../../src/pipeline/run-inline';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store';
import type { BreachRecord, FeedConfig } from '../../src/types';
import { recordValidator } from '../helpers/record-validator';
import { makeTempDir } from '../helpers/temp-dir';
import { fetchDeps } from '../helpers/http-client';

// End to end over the bundled newsroom: real HTTP on 127.0.0.1, real SQLite file, real stages.
describe('inline run over the demo newsroom', () => {
  let newsroom: Newsroom;
  let manifest: NewsroomManifest;
  let tmp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  let feeds: FeedConfig[];
  let first: RunSummary;
  let records: BreachRecord[];

  const run = () => runInline({
    feeds, store, ...fetchDeps({ allowPrivateAddresses: true, perHostDelayMs: 0, timeoutMs: 10_000 }), concurrency: 4, maxItemsPerFeed: 50,
  });

  beforeAll(async () => {
    newsroom = await startNewsroom();
    manifest = await readNewsroomManifest();
    tmp = makeTempDir();
    store = openSqliteStore(path.join(tmp.dir, 'data', 'demo.db'));
    feeds = manifest.feeds.map((f) => ({ id: f.id, url: `${newsroom.baseUrl}${f.path}` }));
    first = await run();
    records = await store.listRecords();
  });
  afterAll(async () => {
    await store.close();
    await newsroom.close();
    tmp.cleanup();
  });

  it('accounts for every feed item: records, no-incident verdict, duplicate or failure', async () => {
    const links = manifest.articles.reduce((n, a) => n + a.feeds.length, 0);
    expect(first.feeds).toEqual({ ok: manifest.feeds.length, failed: 0, notModified: 0, deferred: 0 });
    expect(first.items.total).toBe(links);
    expect(first.items.new + first.items.duplicate).toBe(links);
    expect(first.articles.withIncidents + first.articles.noIncident + first.articles.failed).toBe(first.items.new);
    expect(first.failures).toEqual([]);
    // Listed twice (once with tracking parameters): processed once.
    expect(first.items.duplicate).toBe(links - manifest.articles.length);
    const counts = await store.counts();
    expect(counts.articles).toEqual({ breach: first.articles.withIncidents, no_incident: first.articles.noIncident, failed: 0 });
    expect(counts.records).toBe(first.records);
  });

  it('stores records that satisfy the published schema', () => {
    const validate = recordValidator();
    for (const r of records) expect(validate(r) ? [] : validate.errors).toEqual([]);
  });

  it('non-breach articles yield no record', () => {
    const withRecords = new Set(records.map((r) => new URL(r.article.url).pathname));
    for (const a of manifest.articles.filter((x) => !x.expected.breach)) expect(withRecords.has(a.path)).toBe(false);
  });

  it('each breach article yields exactly the incidents a careful reader would record', () => {
    const simplify = (r: BreachRecord) => ({
      organization: r.organization?.name ?? null,
      dataTypes: r.dataTypes.map((d) => d.type).sort(),
      notLeaked: [...r.notLeaked].sort(),
      affectedCount: r.affectedCount?.value ?? null,
      breachDate: r.breachDate?.value ?? null,
    });
    for (const a of manifest.articles) {
      if (!a.expected.breach) continue;
      const got = records.filter((r) => new URL(r.article.url).pathname === a.path).map(simplify);
      const want = a.expected.incidents.map((i) => ({ ...i, dataTypes: [...i.dataTypes].sort(), notLeaked: [...i.notLeaked].sort() }));
      const byKey = (x: { organization: string | null; breachDate: string | null }) => `${x.organization}|${x.breachDate}`;
      expect({ article: a.id, incidents: [...got].sort((x, y) => byKey(x).localeCompare(byKey(y))) })
        .toEqual({ article: a.id, incidents: [...want].sort((x, y) => byKey(x).localeCompare(byKey(y))) });
    }
  });

  it('a second run stores nothing new: every item is a duplicate', async () => {
    const second = await run();
    expect(second.items.duplicate).toBe(second.items.total);
    expect(second.records).toBe(0);
    expect(await store.listRecords()).toEqual(records);
  });
});
