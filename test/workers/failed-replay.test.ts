import path from 'node:path';
import { runInline } from '../../src/pipeline/run-inline';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { BreachRecord } from '../../src/types';
import { type DistributedContext, openDistributed } from '../../workers/connect';
import { isSettled, readStatus, type FailedJob } from '../../workers/operator';
import { makeTempDir } from '../helpers/temp-dir';
import { cleanPrefix, comparable, type CliProcess, runCli, startCli, stopCli, TEST_REDIS_URL, uniquePrefix, waitFor, testSettings } from './helpers';
import { startTestSite, type TestSite, writeSiteConfig } from './test-site';
import { fetchDeps } from '../helpers/http-client';

const GOOD = '/ledger/2024/08/02/pinecrest-payroll-data-breach.html';
const FLAKY = '/ledger/2025/06/12/tixhaven-customer-data-stolen.html';
const GONE = '/ledger/2025/01/05/story-that-was-removed.html';

// An article whose server answers 500 ends in the failed set with its error after its
// retries; an operator lists it, fixes the cause, replays it, and gets its record.
describe('failed jobs: listed, replayed after the fix, discarded', () => {
  const prefix = uniquePrefix('replay');
  const env = {
    REDIS_URL: TEST_REDIS_URL, BREACHFEED_QUEUE_PREFIX: prefix,
    BREACHFEED_ATTEMPTS_ARTICLES: '2', BREACHFEED_BACKOFF_MS: '200',
  };
  let site: TestSite;
  let tmp: ReturnType<typeof makeTempDir>;
  let cfg: string;
  let db: string;
  let ctx: DistributedContext;
  let worker: CliProcess;

  const settle = (what: string) => waitFor(what, async () => {
    const s = await readStatus(ctx.queues, ctx.ledger, null);
    return s.items.seen > 0 && isSettled(s) ? s : undefined;
  }, 30_000, 150);
  const failedJobs = async () => {
    const r = await runCli(['jobs', 'failed', '-c', cfg, '--json'], env);
    expect(r.code).toBe(0);
    return r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as FailedJob);
  };

  beforeAll(async () => {
    site = await startTestSite([GOOD, FLAKY, GONE]);
    site.failWith.set(FLAKY, 500);
    tmp = makeTempDir();
    cfg = writeSiteConfig(path.join(tmp.dir, 'bf.yaml'), site);
    db = path.join(tmp.dir, 'w.db');
    ctx = await openDistributed(testSettings(TEST_REDIS_URL, env), 'command');
    expect((await runCli(['schedule', '-c', cfg], env)).code).toBe(0);
    worker = startCli(['worker', '-c', cfg, '--db', db], env);
    await settle('the first pass');
  }, 60_000);

  afterAll(async () => {
    if (worker) await stopCli(worker);
    await ctx?.close();
    await cleanPrefix(prefix);
    await site?.close();
    tmp?.cleanup();
  });

  it('a 5xx article is retried, then stays in the failed set with its error; a 404 fails at once', async () => {
    expect(site.hits.get(FLAKY)).toBe(2); // the attempt limit
    expect(site.hits.get(GONE)).toBe(1); // permanent: no retry
    const failed = await failedJobs();
    const flaky = failed.find((f) => f.target.endsWith(FLAKY));
    const gone = failed.find((f) => f.target.endsWith(GONE));
    expect(failed).toHaveLength(2);
    expect(flaky).toMatchObject({ queue: 'articles', attempts: 2, error: `fetch: ${site.baseUrl}${FLAKY} answered HTTP 500` });
    expect(flaky!.id).toMatch(/^article-[0-9a-f]{64}$/);
    expect(gone).toMatchObject({ queue: 'articles', attempts: 1, error: `fetch: ${site.baseUrl}${GONE} answered HTTP 404` });

    const text = await runCli(['jobs', 'failed', '-c', cfg], env);
    expect(text.stdout).toMatch(/^id +queue +for +attempts +age +last error$/m);
    expect(text.stdout).toContain(`answered HTTP 500`);
    // The failure is on record in the store and in the accounting, too.
    const status = await readStatus(ctx.queues, ctx.ledger, null);
    expect(status.items).toMatchObject({ seen: 3, records: 1, failed: 2, inFlight: 0 });
    const store = openSqliteStore(db);
    expect((await store.counts()).articles).toEqual({ breach: 1, no_incident: 0, failed: 2 });
    await store.close();
  });

  it('after the fix, `jobs retry <id>` yields exactly the record a first success gives', async () => {
    site.failWith.delete(FLAKY);
    const flaky = (await failedJobs()).find((f) => f.target.endsWith(FLAKY))!;
    const r = await runCli(['jobs', 'retry', flaky.id, '-c', cfg], env);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`retried 1 job\n  articles  ${flaky.id}\n`);
    const status = await settle('the replay');
    expect(status.items).toMatchObject({ seen: 3, records: 2, failed: 1, inFlight: 0 });

    const store = openSqliteStore(db);
    const replayed = (await store.listRecords()).filter((x) => x.article.url.endsWith(FLAKY));
    expect((await store.counts()).articles).toEqual({ breach: 2, no_incident: 0, failed: 1 });
    await store.close();
    // The same article through the inline runner, first time lucky.
    const fresh = openSqliteStore(path.join(tmp.dir, 'fresh.db'));
    site.failWith.set(GONE, 404);
    await runInline({ feeds: [{ id: 'testsite', url: site.feedUrl }], store: fresh, ...fetchDeps({ allowPrivateAddresses: true, perHostDelayMs: 0 }), concurrency: 2, maxItemsPerFeed: 10 });
    const first = (await fresh.listRecords()).filter((x) => x.article.url.endsWith(FLAKY));
    await fresh.close();
    expect(replayed.length).toBeGreaterThan(0);
    const byId = (a: BreachRecord, b: BreachRecord) => a.id.localeCompare(b.id);
    expect(replayed.sort(byId).map(comparable)).toEqual(first.sort(byId).map(comparable));
  });

  it('retrying an id that is not failed says so on stderr and exits 1', async () => {
    const r = await runCli(['jobs', 'retry', 'article-nope', '-c', cfg], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('breachfeed: jobs retry: no failed job with id article-nope\n');
  });

  it('`jobs discard --all --queue articles` removes the rest; the item stays counted as failed', async () => {
    const r = await runCli(['jobs', 'discard', '--all', '--queue', 'articles', '-c', cfg], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^discarded 1 job\n {2}articles {2}article-[0-9a-f]{64}\n$/);
    expect(await failedJobs()).toEqual([]);
    expect((await readStatus(ctx.queues, ctx.ledger, null)).items).toMatchObject({ seen: 3, records: 2, failed: 1 });
  });
});
