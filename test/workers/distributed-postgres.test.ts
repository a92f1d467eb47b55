import fs from 'node:fs';
import path from 'node:path';
import { type Newsroom, readNewsroomManifest, startNewsroom } from '../../src/demo/newsroom-server';
import { runInline } from '../../src/pipeline/run-inline';
import { openPostgresStore } from '../../src/store/postgres-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { BreachRecord, FeedConfig } from '../../src/types';
import { type DistributedContext, openDistributed } from '../../workers/connect';
import { isSettled, readStatus } from '../../workers/operator';
import { uniqueDatabase } from '../helpers/postgres';
import { makeTempDir } from '../helpers/temp-dir';
import { cleanPrefix, comparable, type CliProcess, runCli, startCli, stopCli, TEST_REDIS_URL, uniquePrefix, waitFor, testSettings } from './helpers';
import { fetchDeps } from '../helpers/http-client';

// The shared store of a multi-host deployment: two workers writing to PostgreSQL (a database
// of this test's own, as DATABASE_URL names a database, not a schema) store what inline stores.
describe('distributed run with the PostgreSQL store (DATABASE_URL)', () => {
  const prefix = uniquePrefix('pg');
  const database = uniqueDatabase('bftest_dist');
  const databaseUrl = database.url;
  const env = { REDIS_URL: TEST_REDIS_URL, BREACHFEED_QUEUE_PREFIX: prefix, DATABASE_URL: databaseUrl };
  let newsroom: Newsroom;
  let tmp: ReturnType<typeof makeTempDir>;
  let ctx: DistributedContext;
  let workers: CliProcess[] = [];

  beforeAll(async () => {
    await database.create();
    newsroom = await startNewsroom();
    tmp = makeTempDir();
    ctx = await openDistributed(testSettings(TEST_REDIS_URL, env), 'command');
  });
  afterAll(async () => {
    for (const w of workers) await stopCli(w);
    await ctx?.close();
    await cleanPrefix(prefix);
    await newsroom?.close();
    tmp?.cleanup();
    await database.drop();
  });

  it('stores exactly the records the inline runner stores', async () => {
    const manifest = await readNewsroomManifest();
    const feeds: FeedConfig[] = manifest.feeds.map((f) => ({ id: f.id, url: `${newsroom.baseUrl}${f.path}` }));
    const cfg = path.join(tmp.dir, 'bf.yaml');
    fs.writeFileSync(cfg, ['feeds:', ...feeds.map((f) => `  - { id: ${f.id}, url: "${f.url}" }`), 'fetch: { allowPrivateAddresses: true, perHostDelayMs: 0 }'].join('\n'));
    expect((await runCli(['schedule', '-c', cfg], env)).code).toBe(0);
    workers = [0, 1].map(() => startCli(['worker', '-c', cfg, '--concurrency', '2'], env));
    await waitFor('the run to settle', async () => {
      const s = await readStatus(ctx.queues, ctx.ledger, null);
      return s.queues.feeds.completed === feeds.length && s.items.seen > 0 && isSettled(s) ? s : undefined;
    }, 60_000, 200);
    for (const w of workers) expect((await stopCli(w)).code).toBe(0);
    workers = [];

    const store = await openPostgresStore({ connectionString: databaseUrl });
    const got = await store.listRecords();
    const counts = await store.counts();
    await store.close();
    const inlineStore = openSqliteStore(path.join(tmp.dir, 'inline.db'));
    await runInline({ feeds, store: inlineStore, ...fetchDeps({ allowPrivateAddresses: true, perHostDelayMs: 0 }), concurrency: 4, maxItemsPerFeed: 50 });
    const want = await inlineStore.listRecords();
    const wantCounts = await inlineStore.counts();
    await inlineStore.close();

    const byId = (a: BreachRecord, b: BreachRecord) => a.id.localeCompare(b.id);
    expect(want.length).toBeGreaterThan(0);
    expect(got.sort(byId).map(comparable)).toEqual(want.sort(byId).map(comparable));
    expect(counts.articles).toEqual(wantCounts.articles);

    const status = await runCli(['status', '--json'], env);
    expect(JSON.parse(status.stdout).store.location).toBe(databaseUrl.replace(/\/$/, '').replace(/\/\/[^/@]*@/, '//***@'));
  }, 120_000);
});
