import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { uniqueDatabase } from '../helpers/postgres';
import { runCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

// `DATABASE_URL=… breachfeed demo` stores in PostgreSQL, as `run` would, not in data/demo.db.
// A database of this test's own: DATABASE_URL names a database, not a schema.
describe('breachfeed demo with DATABASE_URL', () => {
  const database = uniqueDatabase('bftest_demo');
  const databaseUrl = database.url;
  let tmp: ReturnType<typeof makeTempDir>;

  beforeAll(async () => {
    await database.create();
    tmp = makeTempDir();
  });
  afterAll(async () => {
    tmp?.cleanup();
    await database.drop();
  });

  it('stores the records in PostgreSQL and says so', async () => {
    const r = await runCli(['demo'], { cwd: tmp.dir, env: { DATABASE_URL: databaseUrl, BREACHFEED_DB: '' }, timeoutMs: 90_000 });
    expect({ code: r.code, stderr: r.stderr.split('\n').filter((l) => /error|cannot/i.test(l)) }).toEqual({ code: 0, stderr: [] });
    expect(r.stdout).toContain(`database: ${databaseUrl.replace(/\/\/[^/@]*@/, '//***@')}`);
    const shown = Number(/stored records \((\d+)\)/.exec(r.stdout)?.[1]);
    expect(shown).toBeGreaterThan(5);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM records');
      expect(Number(rows[0].n)).toBe(shown);
    } finally {
      await client.end();
    }
    expect(fs.existsSync(path.join(tmp.dir, 'data', 'demo.db'))).toBe(false);
  }, 120_000);

  it('refuses in one line when the database cannot be reached', async () => {
    const r = await runCli(['demo'], { cwd: tmp.dir, env: { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none' } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^breachfeed: store: cannot open PostgreSQL database postgresql:\/\/\*\*\*@127\.0\.0\.1:1\/none: [^\n]+$/);
    expect(r.stdout).toBe('');
  });
});
