import path from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { type DistributedContext, openDistributed } from '../../workers/connect';
import { makeTempDir } from '../helpers/temp-dir';
import { cleanPrefix, runCli, TEST_REDIS_URL, uniquePrefix, testSettings } from './helpers';

// pause / resume / drain through the CLI, checked against the queues themselves.
describe('breachfeed queues pause|resume|drain', () => {
  const prefix = uniquePrefix('queues');
  const env = { REDIS_URL: TEST_REDIS_URL, BREACHFEED_QUEUE_PREFIX: prefix };
  let ctx: DistributedContext;
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    tmp = makeTempDir();
    ctx = await openDistributed(testSettings(TEST_REDIS_URL, env), 'command');
    // Claimed by a poll, as the jobs' items would be.
    await ctx.ledger.claimItems(['1', '2', '3', 'later'].map((n) => ({ itemId: `f ${n}`, key: `key-${n}` })));
    await ctx.queues.articles.addBulk([1, 2, 3].map((n) => ({
      name: 'article', data: { item: { feedId: 'f', url: `http://127.0.0.1:9/${n}` }, itemId: `f ${n}` }, opts: { jobId: `article-ops-${n}` },
    })));
    await ctx.queues.articles.add('article', { item: { feedId: 'f', url: 'http://127.0.0.1:9/later' }, itemId: 'f later' }, { jobId: 'article-ops-later', delay: 600_000 });
  });
  afterAll(async () => {
    await ctx?.close();
    await cleanPrefix(prefix);
    tmp?.cleanup();
  });

  it('pause and resume one queue; status shows it', async () => {
    const p = await runCli(['queues', 'pause', 'articles'], env);
    expect(p.stdout).toBe('articles paused\n');
    expect(await ctx.queues.articles.isPaused()).toBe(true);
    expect(await ctx.queues.records.isPaused()).toBe(false);
    const s = await runCli(['status', '--json', '--db', ':memory:'], env);
    expect(JSON.parse(s.stdout).queues.articles).toMatchObject({ paused: true, waiting: 3, delayed: 1 });
    const r = await runCli(['queues', 'resume', 'all'], env);
    expect(r.stdout).toBe('feeds resumed\narticles resumed\nrecords resumed\n');
    expect(await ctx.queues.articles.isPaused()).toBe(false);
  });

  it('drain drops waiting jobs; --delayed drops delayed ones too; drained items are counted failed', async () => {
    const db = path.join(tmp.dir, 'ops.db');
    expect((await ctx.ledger.counts())).toMatchObject({ seen: 4, pending: 4 });
    const d = await runCli(['queues', 'drain', 'articles', '--db', db], env);
    expect(d.stdout).toBe('articles drained: 3 jobs removed\n');
    expect(await ctx.queues.articles.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 0, delayed: 1 });
    expect((await ctx.ledger.counts())).toMatchObject({ seen: 4, pending: 1, failed: 3 });
    const dd = await runCli(['queues', 'drain', 'articles', '--delayed', '--db', db], env);
    expect(dd.stdout).toBe('articles drained: 1 job removed\n');
    expect(await ctx.queues.articles.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 0, delayed: 0 });
    expect((await ctx.ledger.counts())).toMatchObject({ seen: 4, pending: 0, failed: 4 });
    const store = openSqliteStore(db);
    expect(await store.counts()).toMatchObject({ articles: { failed: 4 }, failuresByStage: { queue: 4 } });
    await store.close();
  });
});
