import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import path from 'node:path';
import { openPostgresStore } from '../../src/store/postgres-store';
import type { ArticleOutcome, IncidentJson, IncidentPosition, RecordQuery, RecordStore } from '../../src/store/record-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { MergedIncident } from '../../src/store/merge-incidents';
import type { BreachRecord, Incident } from '../../src/types';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../helpers/postgres';
import { sampleIncident, sampleRecords } from '../helpers/sample-record';
import { makeTempDir } from '../helpers/temp-dir';

// Incidents stored and kept on write: the same contract on SQLite and on the real PostgreSQL.
interface Opened {
  store: RecordStore;
  cleanup: () => Promise<void>;
  /** Runs `sql` on the closed store's database, then opens it again. */
  reopenAfter: (sql: string) => Promise<RecordStore>;
}
type Open = () => Promise<Opened>;
const backends: [string, Open][] = [
  ['sqlite', async () => {
    const tmp = makeTempDir();
    const file = path.join(tmp.dir, 'store.db');
    return {
      store: openSqliteStore(file),
      cleanup: async () => tmp.cleanup(),
      reopenAfter: async (sql) => {
        const db = new Database(file);
        db.exec(sql);
        db.close();
        return openSqliteStore(file);
      },
    };
  }],
  ['postgres', async () => {
    const schema = uniqueSchema();
    const open = () => openPostgresStore({ connectionString: TEST_DATABASE_URL, schema });
    return {
      store: await open(),
      cleanup: () => dropSchema(schema),
      reopenAfter: async (sql) => {
        const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
        await client.connect();
        await client.query(sql);
        await client.end();
        return open();
      },
    };
  }],
];

const org = (name: string, key: string) => ({ name, key, evidence: `${name} said it was breached.` });
const outcome = (url: string): ArticleOutcome => ({ key: `key-${url}`, urlKey: `key-${url}`, url, canonicalUrl: url, feed: 'technode', status: 'breach', reason: null });

/** One article's records. */
function article(url: string, incidents: Partial<Incident>[]): { url: string; records: BreachRecord[] } {
  return { url, records: sampleRecords(url, incidents.map((i) => sampleIncident(i))) };
}

const undated = (url: string, disclosedAt: string) => article(url, [{ organization: org('Velora Travel', 'velora'), breachDate: null, disclosedAt }]);
const dated = (url: string, disclosedAt: string) => article(url, [{
  organization: org('Velora Travel', 'velora'), breachDate: { value: '2025-01', precision: 'month', text: 'in January' }, disclosedAt,
}]);

const parse = (i: IncidentJson) => JSON.parse(i.json) as MergedIncident;

async function allLive(store: RecordStore): Promise<MergedIncident[]> {
  return (await store.browseIncidents({}, null, 10_000)).map(parse).sort((a, b) => a.id.localeCompare(b.id));
}

/** Live incidents a page of the newest-first order holds. */
async function browse(store: RecordStore, query: RecordQuery, after: IncidentPosition | null, limit: number): Promise<MergedIncident[]> {
  return (await store.browseIncidents(query, after, limit)).map(parse);
}

/** Replays a change feed from the start, a few entries per page, into the state it describes. */
async function replay<T extends { seq: number }>(page: (after: number) => Promise<T[]>, apply: (entry: T) => void): Promise<void> {
  for (let after = 0; ;) {
    const entries = await page(after);
    entries.forEach(apply);
    if (entries.length < 3) return;
    after = entries[entries.length - 1].seq;
  }
}

describe.each(backends)('%s incidents', (_name, open) => {
  let opened: Opened;
  let store: RecordStore;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
  });
  afterEach(async () => {
    await store.close();
    await opened.cleanup();
  });
  const save = (a: { url: string; records: BreachRecord[] }) => store.saveArticle(outcome(a.url), a.records);

  it('an id answers after its incident merged into another: a pointer to the incident that holds it', async () => {
    await save(undated('https://a.example/1', '2025-02-10'));
    const [first] = await allLive(store);
    await save(dated('https://b.example/2', '2025-02-11'));
    const live = await allLive(store);
    expect(live).toHaveLength(1);
    expect(live[0].sources).toHaveLength(2);
    // The dated report comes first in the canonical order, so the incident's id is now its own.
    expect(live[0].id).not.toBe(first.id);
    expect(await store.getIncident(first.id)).toEqual({ state: 'merged', id: first.id, mergedInto: live[0].id });
    const feed = await store.pageIncidentChanges({}, 0, 100);
    // The incident a pointer names is in the feed before the pointer.
    expect(feed.map((c) => ('incident' in c ? c.incident.id : c.tombstone))).toEqual([live[0].id, { id: first.id, mergedInto: live[0].id }]);
    expect(await store.getIncident('0'.repeat(32))).toBeNull();
  });

  it('the dated report arriving first gives the same incident, and no pointer is needed', async () => {
    await save(dated('https://b.example/2', '2025-02-11'));
    const [first] = await allLive(store);
    await save(undated('https://a.example/1', '2025-02-10'));
    expect((await allLive(store)).map((i) => i.id)).toEqual([first.id]);
  });

  it('a deletion leaves tombstones: the record in the records feed, its incident in the incidents feed', async () => {
    const url = 'https://a.example/two';
    const two = article(url, [{ organization: org('Northwind', 'northwind') }, { organization: org('Contoso', 'contoso') }]);
    await save(two);
    const contoso = (await allLive(store)).find((i) => i.organization?.key === 'contoso')!;
    const changes = await store.pageRecordChanges({}, 0, 100);
    const last = changes[changes.length - 1].seq;
    const incidentsLast = (await store.pageIncidentChanges({}, 0, 100)).at(-1)!.seq;

    await store.saveArticle(outcome(url), [two.records[0]]); // re-extracted: Contoso is gone
    expect(await store.pageRecordChanges({}, last, 100)).toEqual([{ seq: expect.any(Number), tombstone: { id: two.records[1].id, deleted: true } }]);
    expect(await store.pageIncidentChanges({}, incidentsLast, 100)).toEqual([{ seq: expect.any(Number), tombstone: { id: contoso.id, deleted: true } }]);
    expect(await store.getIncident(contoso.id)).toEqual({ state: 'deleted', id: contoso.id });
    expect(await store.getRecord(two.records[1].id)).toBeNull();
    expect((await store.counts()).records).toBe(1);
    expect((await store.counts()).incidents).toBe(1);

    // Extracted again, it comes back: live, at the end of both feeds.
    await save(two);
    expect((await store.pageRecordChanges({}, last, 100)).map((c) => 'record' in c && c.record.id)).toEqual([two.records[1].id]);
    expect((await store.getIncident(contoso.id))?.state).toBe('live');
  });

  it('a split after a deletion: the old id answers again as its own incident', async () => {
    await save(undated('https://a.example/1', '2025-02-10'));
    const [alone] = await allLive(store);
    const late = dated('https://b.example/2', '2025-02-11');
    await save(late);
    await store.saveArticle(outcome(late.url), []); // the dated report is withdrawn
    expect(await allLive(store)).toEqual([alone]);
    expect((await store.getIncident(alone.id))?.state).toBe('live');
  });

  it('a record re-extracted under another organization: its old incident points to the new one', async () => {
    const url = 'https://a.example/renamed';
    await save(article(url, [{ organization: org('Acme', 'acme'), breachDate: null }]));
    const [before] = await allLive(store);
    await save(article(url, [{ organization: org('Acme Corporation', 'acme-corporation'), breachDate: null }])); // same record id, new organization
    const [after] = await allLive(store);
    expect(after.organization?.key).toBe('acme-corporation');
    expect(await store.getIncident(before.id)).toEqual({ state: 'merged', id: before.id, mergedInto: after.id });
    // And the pointer follows that incident when it merges on: a dated report takes the first place.
    await save(article('https://b.example/dated', [{ organization: org('Acme Corporation', 'acme-corporation'), breachDate: { value: '2019', precision: 'year', text: 'in 2019' }, disclosedAt: '2019-11-22' }]));
    const [merged] = await allLive(store);
    expect(merged.sources).toHaveLength(2);
    const pointer = await store.getIncident(before.id);
    expect(pointer).toEqual({ state: 'merged', id: before.id, mergedInto: merged.id });
  });

  it('replaying both change feeds from the start rebuilds exactly the current records and incidents', async () => {
    const a = article('https://a.example/a', [{ organization: org('Acme', 'acme') }, { organization: org('Globex', 'globex'), breachDate: null }]);
    await save(a);
    await save(undated('https://v.example/1', '2025-02-10'));
    await save(dated('https://v.example/2', '2025-02-11'));
    await save(dated('https://v.example/3', '2025-02-20'));
    await store.saveArticle(outcome(a.url), [a.records[0]]);
    await save(article('https://a.example/b', [{ organization: null }]));
    await store.saveArticle(outcome('https://v.example/2'), [{ ...dated('https://v.example/2', '2025-02-11').records[0], affectedCount: null }]);

    const records = new Map<string, BreachRecord>();
    await replay((after) => store.pageRecordChanges({}, after, 3), (c) => ('record' in c ? records.set(c.record.id, c.record) : records.delete(c.tombstone.id)));
    expect([...records.values()].sort((x, y) => x.id.localeCompare(y.id)))
      .toEqual((await store.listRecords()).sort((x, y) => x.id.localeCompare(y.id)));

    const incidents = new Map<string, MergedIncident>();
    await replay((after) => store.pageIncidentChanges({}, after, 3), (c) => ('incident' in c ? incidents.set(c.incident.id, parse(c.incident)) : incidents.delete(c.tombstone.id)));
    expect([...incidents.values()].sort((x, y) => x.id.localeCompare(y.id))).toEqual(await allLive(store));
  });

  it('pages live incidents newest disclosure first, with filters, by position', async () => {
    await save(article('https://a.example/1', [{ organization: org('Acme', 'acme'), disclosedAt: '2024-01-01' }]));
    await save(article('https://a.example/2', [{ organization: org('Globex', 'globex'), disclosedAt: '2025-06-01', affectedCount: null }]));
    await save(article('https://a.example/3', [{ organization: org('Initech', 'initech'), disclosedAt: '2023-03-01' }]));
    const first = await browse(store, {}, null, 2);
    expect(first.map((i) => i.organization?.name)).toEqual(['Globex', 'Acme']);
    const last = first[1];
    expect((await browse(store, {}, { disclosedAt: last.disclosedAt ?? '', id: last.id }, 2)).map((i) => i.organization?.name)).toEqual(['Initech']);
    expect((await browse(store, { minCount: 1 }, null, 10)).map((i) => i.organization?.name)).toEqual(['Acme', 'Initech']);
    expect((await browse(store, { org: 'glob' }, null, 10)).map((i) => i.organization?.name)).toEqual(['Globex']);
  });

  it('incidents do not depend on the order the reports arrive in', async () => {
    const reports = [
      undated('https://v.example/1', '2025-02-10'), dated('https://v.example/2', '2025-02-11'), dated('https://v.example/3', '2025-03-01'),
      undated('https://v.example/4', '2025-09-30'),
      article('https://o.example/1', [{ disclosedAt: '2019-11-22', breachDate: null }, { disclosedAt: '2019-11-22' }]),
      article('https://o.example/2', [{ disclosedAt: '2018-01-19' }]),
      article('https://o.example/3', [{ organization: null }]),
    ];
    let expected: MergedIncident[] | null = null;
    await fc.assert(fc.asyncProperty(fc.shuffledSubarray(reports, { minLength: reports.length }), async (order) => {
      const o = await open();
      try {
        for (const r of order) await o.store.saveArticle(outcome(r.url), r.records);
        const live = await allLive(o.store);
        expected ??= live;
        expect(live).toEqual(expected);
      } finally {
        await o.store.close();
        await o.cleanup();
      }
    }), { numRuns: 6 });
  });

  it('a store from before incidents were kept builds them when opened', async () => {
    await save(dated('https://b.example/2', '2025-02-11'));
    const before = await allLive(store);
    await store.close();
    // As a store migrated from before incidents were kept: no incidents, marked unbuilt.
    opened.store = store = await opened.reopenAfter(`DELETE FROM incidents; UPDATE store_meta SET value = '0' WHERE key = 'incidents_built'`);
    expect(await allLive(store)).toEqual(before);
  });

  it('import upserts records idempotently, keeping other records of their articles', async () => {
    const a = article('https://a.example/1', [{ organization: org('Acme', 'acme') }, { organization: org('Globex', 'globex') }]);
    expect(await store.importRecords([[{ articleKey: 'k1', record: a.records[0] }]])).toBe(1);
    await store.importRecords([[{ articleKey: 'k1', record: a.records[1] }], [{ articleKey: 'k1', record: a.records[0] }]]);
    const seqs = (await store.pageRecordChanges({}, 0, 100)).map((c) => c.seq);
    await store.importRecords([a.records.map((record) => ({ articleKey: 'k1', record }))]);
    expect((await store.pageRecordChanges({}, 0, 100)).map((c) => c.seq)).toEqual(seqs);
    expect((await store.counts()).records).toBe(2);
    expect((await allLive(store)).map((i) => i.organization?.key).sort()).toEqual(['acme', 'globex']);
    expect(await store.getArticleStatus('k1')).toBe('breach');
  });

  it('an import that fails part way leaves the store as it was', async () => {
    const a = article('https://a.example/1', [{ organization: org('Acme', 'acme') }]);
    async function* failing() {
      yield [{ articleKey: 'k1', record: a.records[0] }];
      throw new Error('input: line 2 is cut short');
    }
    await expect(store.importRecords(failing())).rejects.toThrow('input: line 2 is cut short');
    expect(await store.counts()).toMatchObject({ records: 0, incidents: 0 });
    await store.importRecords([[{ articleKey: 'k1', record: a.records[0] }]]); // and the store still writes
    expect((await store.counts()).records).toBe(1);
  });
});
