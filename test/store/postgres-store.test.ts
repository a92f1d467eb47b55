// PostgreSQL-only cases: concurrency between separate pools (as between workers) and connection errors.
import net from 'node:net';
import { StoreError } from '../../src/errors';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres-store';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../helpers/postgres';
import { sampleRecords } from '../helpers/sample-record';

describe('postgres store', () => {
  const schema = uniqueSchema();
  const stores: PostgresStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await dropSchema(schema);
  });

  it('two processes starting at once migrate once, and concurrent writers of one record leave one row', async () => {
    const opened = await Promise.all([1, 2, 3].map(() => openPostgresStore({ connectionString: TEST_DATABASE_URL, schema })));
    stores.push(...opened);
    const records = sampleRecords('https://a.example/same');
    const outcome = { key: 'k-same', urlKey: 'k-same', url: 'https://a.example/same', canonicalUrl: 'https://a.example/same', feed: 'f', status: 'breach' as const, reason: null };
    await Promise.all(opened.flatMap((s) => [1, 2, 3, 4].map(() => s.saveArticle(outcome, records))));
    const counts = await opened[0].counts();
    expect(counts.records).toBe(1);
    expect(counts.articles.breach).toBe(1);
    expect(await opened[1].listRecords()).toEqual(records);
  });

  it('an unreachable server gives one clear StoreError, without hanging', async () => {
    // A port on loopback that nothing listens on: take a free one and close it again.
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const url = `postgresql://postgres:secret@127.0.0.1:${port}/test`;
    const err = await openPostgresStore({ connectionString: url }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(new RegExp(`^store: cannot open PostgreSQL database postgresql://\\*\\*\\*@127\\.0\\.0\\.1:${port}/test: .*ECONNREFUSED`));
    expect((err as Error).message).not.toContain('secret');
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openPostgresStore({ connectionString: TEST_DATABASE_URL, schema: 'x; drop table y' })).rejects.toThrow(/not a plain identifier/);
  });
});
