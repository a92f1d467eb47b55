import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../../src/api/app';
import { openPostgresStore } from '../../src/store/postgres-store';
import type { RecordStore } from '../../src/store/record-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { saveReport } from '../api/api-server';
import { uniqueDatabase } from '../helpers/postgres';
import { hasStackTrace, runCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

/** Every page of a list the API serves, followed by cursor. */
async function readAll(store: RecordStore, url: string): Promise<unknown[]> {
  const app = await buildApp({ store });
  try {
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const items: unknown[] = [];
    for (let cursor = ''; ;) {
      const body = await (await fetch(`${base}${url}&limit=7${cursor}`)).json() as { items: unknown[]; nextCursor: string | null; hasMore: boolean };
      items.push(...body.items);
      if (!body.hasMore) return items;
      cursor = `&cursor=${body.nextCursor}`;
    }
  } finally {
    await app.close();
  }
}

const isLive = (item: unknown) => !('deleted' in (item as object)) && !('mergedInto' in (item as object));

// Moving from the SQLite file to PostgreSQL: export, then import.
describe('breachfeed import', () => {
  const database = uniqueDatabase('bftest_import');
  let tmp: ReturnType<typeof makeTempDir>;
  let sqliteFile: string;
  let exported: string;
  beforeAll(async () => {
    await database.create();
    tmp = makeTempDir();
    sqliteFile = path.join(tmp.dir, 'source.db');
    const store = openSqliteStore(sqliteFile);
    for (let i = 0; i < 40; i++) await saveReport(store, i);
    // A re-extraction that yields nothing: a tombstone the export does not carry.
    await store.saveArticle({ key: 'k3', urlKey: 'k3', url: 'https://news0.example/story-3', canonicalUrl: 'https://news0.example/story-3', feed: 'f', status: 'no_incident', reason: 'none' }, []);
    await store.close();
    exported = path.join(tmp.dir, 'records.ndjson');
    const r = await runCli(['export', '--format', 'ndjson', '--db', sqliteFile, '--out', exported]);
    expect(r.code).toBe(0);
  });
  afterAll(async () => {
    tmp?.cleanup();
    await database.drop();
  });

  it('SQLite → PostgreSQL gives the same records and incidents; importing again changes nothing', async () => {
    for (let round = 0; round < 2; round++) {
      const r = await runCli(['import', exported], { env: { DATABASE_URL: database.url, BREACHFEED_DB: '' } });
      expect({ code: r.code, stdout: r.stdout.trim() }).toEqual({ code: 0, stdout: 'imported 39 records' });
    }
    const source = openSqliteStore(sqliteFile);
    const target = await openPostgresStore({ connectionString: database.url });
    try {
      expect((await target.counts()).records).toBe(39);
      expect((await readAll(target, '/records?')).filter(isLive)).toEqual((await readAll(source, '/records?')).filter(isLive));
      const incidents = await readAll(source, '/incidents?order=newest');
      expect(incidents.length).toBe(5); // five organizations, each breached in one year
      expect(await readAll(target, '/incidents?order=newest')).toEqual(incidents);
      // The change feed of the target, replayed, holds the same live incidents.
      expect((await readAll(target, '/incidents?')).filter(isLive).length).toBe(incidents.length);
    } finally {
      await source.close();
      await target.close();
    }
  }, 60_000);

  it('a line that is not a record is refused by number, the others are imported, exit 1', async () => {
    const file = path.join(tmp.dir, 'mixed.ndjson');
    const [first] = fs.readFileSync(exported, 'utf8').split('\n');
    fs.writeFileSync(file, `${first}\n{"id": "x"}\nnot json\n`);
    const db = path.join(tmp.dir, 'mixed.db');
    const r = await runCli(['import', '--db', db, file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 2: not a breachfeed record/);
    expect(r.stderr).toMatch(/line 3: not JSON/);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stdout.trim()).toBe('imported 1 records, refused 2 lines (above)');
  });

  it('reads stdin with -, and names a missing file in one line', async () => {
    const db = path.join(tmp.dir, 'stdin.db');
    const r = await runCli(['import', '--db', db, '-'], { input: fs.readFileSync(exported, 'utf8') });
    expect({ code: r.code, stdout: r.stdout.trim() }).toEqual({ code: 0, stdout: 'imported 39 records' });
    const missing = await runCli(['import', '--db', db, path.join(tmp.dir, 'nope.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});
