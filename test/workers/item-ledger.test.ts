import { Redis } from 'ioredis';
import { ItemLedger } from '../../workers/item-ledger';
import { cleanPrefix, TEST_REDIS_URL, uniquePrefix } from './helpers';

describe('item ledger claims (one round trip per poll)', () => {
  const prefix = uniquePrefix('ledger');
  let redis: Redis;
  let ledger: ItemLedger;
  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL);
    ledger = new ItemLedger(redis, prefix, { retentionDays: 30 });
  });
  afterAll(async () => {
    redis.disconnect();
    await cleanPrefix(prefix);
  });

  it('claims in order: a second item with the same article in one poll is a duplicate', async () => {
    const verdicts = await ledger.claimItems([
      { itemId: 'feed-a https://news.example/1', key: 'news.example/1' },
      { itemId: 'feed-a https://news.example/2', key: 'news.example/2' },
      { itemId: 'feed-b https://news.example/1', key: 'news.example/1' },
    ]);
    expect(verdicts).toEqual(['enqueue', 'enqueue', 'duplicate']);
    expect(await ledger.counts()).toMatchObject({ seen: 3, duplicate: 1, pending: 2 });
  });

  it('a re-poll before the job finished enqueues again; after it settled the item is seen', async () => {
    const item = { itemId: 'feed-a https://news.example/1', key: 'news.example/1' };
    expect(await ledger.claimItems([item])).toEqual(['enqueue']);
    await ledger.settle(item.itemId, 'records');
    expect(await ledger.claimItems([item, { itemId: 'feed-b https://news.example/1', key: 'news.example/1' }])).toEqual(['seen', 'seen']);
  });

  it('an item robots.txt skipped is asked again (requeue) on the next poll', async () => {
    const item = { itemId: 'feed-a https://news.example/2', key: 'news.example/2' };
    await ledger.settle(item.itemId, 'skipped');
    expect(await ledger.claimItems([item])).toEqual(['requeue']);
    expect(await ledger.stateOf(item.itemId)).toBe('queued');
  });

  it('an empty poll costs no round trip and claims nothing', async () => {
    expect(await ledger.claimItems([])).toEqual([]);
  });
});
