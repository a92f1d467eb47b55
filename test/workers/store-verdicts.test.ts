import path from 'node:path';
import type { Job } from 'bullmq';
import { StoreError } from '../../src/errors';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store';
import type { RecordStore } from '../../src/store/record-store';
import { identifyItem } from '../../src/ingest/canonicalize-url';
import { type DistributedContext, openDistributed } from '../../workers/connect';
import { itemIdOf } from '../../workers/item-ledger';
import { articlesProcessor, type ProcessorDeps, recordsProcessor } from '../../workers/processors';
import type { ArticleJobData, RecordsJobData } from '../../workers/queues';
import { fetchDeps } from '../helpers/http-client';
import { makeTempDir } from '../helpers/temp-dir';
import { cleanPrefix, TEST_REDIS_URL, uniquePrefix, testSettings } from './helpers';
import { startTestSite, type TestSite } from './test-site';

const PAGE = '/ledger/2024/08/02/pinecrest-payroll-data-breach.html';

// The `articles` worker stores verdicts itself when its process serves `records`; `records`
// takes over only the writes that failed, and a re-run after its own write is not a duplicate.
describe('articles worker: stores verdicts, hands failed writes to records', () => {
  const prefix = uniquePrefix('verdicts');
  let site: TestSite;
  let tmp: ReturnType<typeof makeTempDir>;
  let ctx: DistributedContext;
  let store: SqliteStore;
  let n = 0;

  beforeAll(async () => {
    site = await startTestSite([PAGE]);
    tmp = makeTempDir();
    ctx = await openDistributed(testSettings(TEST_REDIS_URL, { BREACHFEED_QUEUE_PREFIX: prefix }), 'command');
  });
  beforeEach(() => {
    store = openSqliteStore(path.join(tmp.dir, `store-${++n}.db`));
  });
  afterEach(async () => {
    await store.close();
    await ctx.queues.records.obliterate({ force: true });
    await cleanPrefix(`${prefix}:bf`);
  });
  afterAll(async () => {
    await ctx.close();
    await cleanPrefix(prefix);
    await site.close();
    tmp.cleanup();
  });

  const deps = (s: RecordStore, storeVerdicts = true): ProcessorDeps => ({
    store: s, ...fetchDeps({ allowPrivateAddresses: true, perHostDelayMs: 0 }), maxItemsPerFeed: 10,
    queues: ctx.queues, ledger: ctx.ledger, storeVerdicts,
  });
  /** A claimed item and a job for it, as a poll would leave them. */
  const claimedJob = async (attemptsMade = 0) => {
    const item = identifyItem({ feedId: 'testsite', url: `${site.baseUrl}${PAGE}` });
    const itemId = itemIdOf(item.feedId, item.urlKey);
    await ctx.ledger.claimItems([{ itemId, key: item.urlKey }]);
    return { itemId, job: { data: { item, itemId }, attemptsMade, stalledCounter: 0, opts: { attempts: 4 } } as unknown as Job<ArticleJobData> };
  };

  it('stores the verdict and settles the item, with no records job', async () => {
    const { itemId, job } = await claimedJob();
    const result = await articlesProcessor(deps(store))(job);
    expect(result).toMatchObject({ outcome: 'records', records: 1 });
    expect(result.handedOn).toBeUndefined();
    expect(await ctx.ledger.stateOf(itemId)).toBe('records');
    expect((await store.listRecords()).map((r) => r.organization?.name)).toEqual(['Pinecrest Payroll Services']);
    expect(await ctx.queues.records.getJobCounts('waiting')).toEqual({ waiting: 0 });
  });

  it('when the write fails, hands the verdict to records, whose job stores exactly it', async () => {
    const { itemId, job } = await claimedJob();
    // A store that is down for this write (the records worker's retry finds it back).
    const down = Object.create(store) as SqliteStore;
    down.saveArticle = async () => { throw new StoreError('store: cannot write to test.db: database is locked'); };
    const result = await articlesProcessor(deps(down))(job);
    expect(result).toMatchObject({ outcome: 'records', records: 1, handedOn: true });
    expect(await ctx.ledger.stateOf(itemId)).toBe('queued');
    expect(await store.listRecords()).toEqual([]);

    const [handed] = await ctx.queues.records.getJobs(['waiting']);
    expect(handed.data.itemId).toBe(itemId);
    await recordsProcessor({ store, ledger: ctx.ledger })(handed as Job<RecordsJobData>);
    expect(await ctx.ledger.stateOf(itemId)).toBe('records');
    expect((await store.listRecords()).map((r) => r.id)).toEqual(handed.data.records.map((r) => r.id));
  });

  it('a process that does not serve records hands every verdict on', async () => {
    const { itemId, job } = await claimedJob();
    const result = await articlesProcessor(deps(store, false))(job);
    expect(result).toMatchObject({ outcome: 'records', handedOn: true });
    expect(await store.listRecords()).toEqual([]);
    expect(await ctx.ledger.stateOf(itemId)).toBe('queued');
    expect(await ctx.queues.records.getJobCounts('waiting')).toEqual({ waiting: 1 });
  });

  it('a re-run after its own store write (worker died before the ledger update) settles as records, not duplicate', async () => {
    const first = await claimedJob();
    await articlesProcessor(deps(store))(first.job);
    await ctx.ledger.settle(first.itemId, 'queued'); // as if the ledger never heard of the write
    const rerun = await claimedJob(1);
    expect(await articlesProcessor(deps(store))(rerun.job)).toMatchObject({ outcome: 'records' });
    expect(await ctx.ledger.stateOf(first.itemId)).toBe('records');
    expect(await store.listRecords()).toHaveLength(1);
  });

  it('a first run that finds its article already stored is a duplicate', async () => {
    const first = await claimedJob();
    await articlesProcessor(deps(store))(first.job);
    await ctx.ledger.settle(first.itemId, 'queued');
    const again = await claimedJob(0);
    expect(await articlesProcessor(deps(store))(again.job)).toMatchObject({ outcome: 'duplicate' });
    expect(await ctx.ledger.stateOf(first.itemId)).toBe('duplicate');
  });
});
