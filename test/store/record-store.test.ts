import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from '../../src/errors';
import type { ArticleOutcome, RecordStore } from '../../src/store/record-store';
import { openPostgresStore } from '../../src/store/postgres-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../helpers/postgres';
import { sampleIncident, sampleRecords } from '../helpers/sample-record';
import { makeTempDir } from '../helpers/temp-dir';

// The contract every backend meets: the same cases on SQLite and on the real PostgreSQL.
interface Opened { store: RecordStore; cleanup: () => Promise<void> }
const backends: [string, (dir: string) => Promise<Opened>][] = [
  ['sqlite', async (dir) => ({ store: openSqliteStore(path.join(dir, 'nested', 'store.db')), cleanup: async () => undefined })],
  ['postgres', async () => {
    const schema = uniqueSchema();
    const store = await openPostgresStore({ connectionString: TEST_DATABASE_URL, schema });
    return { store, cleanup: () => dropSchema(schema) };
  }],
];

function outcome(url: string, over: Partial<ArticleOutcome> = {}): ArticleOutcome {
  const key = `key-${url}`;
  return { key, urlKey: key, url, canonicalUrl: url, feed: 'technode', status: 'breach', reason: null, ...over };
}

describe.each(backends)('%s record store', (_name, open) => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: RecordStore;
  let opened: Opened;
  beforeEach(async () => {
    tmp = makeTempDir();
    opened = await open(tmp.dir);
    store = opened.store;
  });
  afterEach(async () => {
    await store.close();
    await opened.cleanup();
    tmp.cleanup();
  });

  it('stores records and reads them back unchanged', async () => {
    const records = sampleRecords('https://a.example/1');
    await store.saveArticle(outcome('https://a.example/1'), records);
    expect(await store.listRecords()).toEqual(records);
    expect(await store.getArticleStatus('key-https://a.example/1')).toBe('breach');
  });

  it('is idempotent by record id: saving twice keeps one row', async () => {
    const records = sampleRecords('https://a.example/1');
    await store.saveArticle(outcome('https://a.example/1'), records);
    await store.saveArticle(outcome('https://a.example/1'), records);
    expect((await store.counts()).records).toBe(1);
  });

  it('drops records that a re-extraction no longer yields', async () => {
    const url = 'https://a.example/2';
    await store.saveArticle(outcome(url), sampleRecords(url, [sampleIncident(), sampleIncident({ breachDate: null })]));
    expect((await store.counts()).records).toBe(2);
    await store.saveArticle(outcome(url), sampleRecords(url, [sampleIncident()]));
    expect((await store.counts()).records).toBe(1);
  });

  it('never lets a later failure overwrite an earlier success', async () => {
    const url = 'https://a.example/3';
    await store.saveArticle(outcome(url), sampleRecords(url));
    await store.saveArticle(outcome(url, { status: 'failed', reason: 'fetch: answered HTTP 500' }), []);
    expect(await store.getArticleStatus(`key-${url}`)).toBe('breach');
    expect((await store.counts()).records).toBe(1);
  });

  it('finds an article by the key of the feed link or GUID that led to it', async () => {
    await store.saveArticle(outcome('https://a.example/4', { urlKey: 'link-key', status: 'no_incident' }), []);
    expect(await store.getArticleStatus('link-key')).toBe('no_incident');
    await store.saveArticle(outcome('https://a.example/guid', { guidKey: 'guid-key', status: 'no_incident' }), []);
    expect(await store.getArticleStatus('guid-key')).toBe('no_incident');
    expect(await store.getArticleStatus('unknown')).toBeNull();
  });

  it('filters by organization and date, treating LIKE wildcards literally', async () => {
    await store.saveArticle(outcome('https://a.example/5'), sampleRecords('https://a.example/5'));
    const other = sampleIncident({ organization: { name: 'Weibo', key: 'weibo', evidence: '' }, disclosedAt: '2020-03-27' });
    await store.saveArticle(outcome('https://a.example/6'), sampleRecords('https://a.example/6', [other]));
    expect((await store.listRecords({ org: 'weib' })).map((r) => r.organization?.key)).toEqual(['weibo']);
    expect((await store.listRecords({ org: '%' }))).toHaveLength(0);
    expect((await store.listRecords({ since: '2020-01-01' })).map((r) => r.organization?.key)).toEqual(['weibo']);
    expect(await store.listRecords({ limit: 1 })).toHaveLength(1);
  });

  it('filters by data type (whole type), count and until-date at the precision given', async () => {
    await store.saveArticle(outcome('https://a.example/10'), sampleRecords('https://a.example/10'));
    const other = sampleIncident({
      organization: { name: 'Weibo', key: 'weibo', evidence: '' }, disclosedAt: '2020-03-27',
      dataTypes: [{ type: 'phone', text: 'phone numbers' }],
      affectedCount: { value: 538_000_000, unit: 'people', qualifier: null, text: '538 million Weibo users' },
    });
    await store.saveArticle(outcome('https://a.example/11'), sampleRecords('https://a.example/11', [other]));
    const keys = async (q: Parameters<RecordStore['listRecords']>[0]) => (await store.listRecords(q)).map((r) => r.organization?.key);
    expect(await keys({ dataType: 'phone' })).toEqual(['weibo']);
    expect(await keys({ dataType: 'payment_card' })).toEqual(['oneplus']);
    expect(await keys({ dataType: 'card' as never })).toEqual([]);
    expect(await keys({ minCount: 1_000_000 })).toEqual(['weibo']);
    expect(await keys({ until: '2019' })).toEqual(['oneplus']);
    expect(await keys({ until: '2020-03' })).toEqual(['weibo', 'oneplus']);
    expect(await keys({ since: '2019-11-22', until: '2019-11-22' })).toEqual(['oneplus']);
  });

  it('pages records in change order after a cursor, and a changed record moves to the end', async () => {
    for (let i = 0; i < 5; i++) await store.saveArticle(outcome(`https://p.example/${i}`), sampleRecords(`https://p.example/${i}`));
    const page1 = await store.pageRecords({}, 0, 2);
    const page2 = await store.pageRecords({}, page1[1].seq, 2);
    const page3 = await store.pageRecords({}, page2[1].seq, 2);
    const urls = [...page1, ...page2, ...page3].map((s) => s.record.article.url);
    expect(urls).toEqual([0, 1, 2, 3, 4].map((i) => `https://p.example/${i}`));
    // Saving the same record again changes nothing; changing it moves it after the last cursor.
    await store.saveArticle(outcome('https://p.example/0'), sampleRecords('https://p.example/0'));
    expect(await store.pageRecords({}, page3[0].seq, 10)).toEqual([]);
    const changed = sampleRecords('https://p.example/0', [sampleIncident({ confidence: 0.5 })]);
    await store.saveArticle(outcome('https://p.example/0'), changed);
    expect((await store.pageRecords({}, page3[0].seq, 10)).map((s) => s.record)).toEqual(changed);
    expect(await store.getRecord(changed[0].id)).toEqual(changed[0]);
    expect(await store.getRecord('nope')).toBeNull();
  });

  it('counts articles by verdict, and failures by the stage that failed (not by their reason)', async () => {
    await store.saveArticle(outcome('https://a.example/7'), sampleRecords('https://a.example/7'));
    await store.saveArticle(outcome('https://a.example/8', { status: 'no_incident' }), []);
    await store.saveArticle(outcome('https://a.example/9', { status: 'failed', reason: 'fetch: https://a.example/9 answered HTTP 500', stage: 'fetch' }), []);
    await store.saveArticle(outcome('https://a.example/10', { status: 'failed', reason: 'robots: no stage given' }), []);
    await store.saveArticle(outcome('https://a.example/11', { status: 'failed', reason: 'stalled: …', stage: 'queue' }), []);
    expect(await store.counts()).toEqual({
      articles: { breach: 1, no_incident: 1, failed: 3 }, records: 1, incidents: 1, failuresByStage: { fetch: 1, other: 1, queue: 1 },
    });
  });

  it('keeps feed state for conditional GET and back-off', async () => {
    expect(await store.getFeedState('f')).toBeNull();
    const state = { feedId: 'f', etag: '"abc"', lastModified: null, lastPolledAt: '2026-01-01T00:00:00Z', lastError: null, consecutiveFailures: 2 };
    await store.saveFeedState(state);
    expect(await store.getFeedState('f')).toEqual(state);
    await store.saveFeedState({ ...state, feedId: 'a', consecutiveFailures: 0 });
    expect((await store.listFeedStates()).map((f) => f.feedId)).toEqual(['a', 'f']);
  });

  it('close() is idempotent', async () => {
    const p = store.close();
    expect(store.close()).toBe(p);
    await p;
  });
});

describe('sqlite store errors', () => {
  it('an unwritable path gives one clear StoreError', () => {
    const tmp = makeTempDir();
    const blocker = path.join(tmp.dir, 'file');
    fs.writeFileSync(blocker, 'not a folder');
    try {
      expect(() => openSqliteStore(path.join(blocker, 'db.sqlite'))).toThrow(StoreError);
      expect(() => openSqliteStore(path.join(blocker, 'db.sqlite'))).toThrow(/^store: cannot open SQLite database .*file\/db\.sqlite: /);
    } finally {
      tmp.cleanup();
    }
  });

  it('a file that is not a database is refused, and left untouched', () => {
    const tmp = makeTempDir();
    const file = path.join(tmp.dir, 'notes.db');
    fs.writeFileSync(file, 'these are my notes, not a database\n'.repeat(200));
    const before = fs.readFileSync(file);
    try {
      expect(() => openSqliteStore(file)).toThrow(/^store: cannot open SQLite database .*notes\.db: /);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    } finally {
      tmp.cleanup();
    }
  });
});
