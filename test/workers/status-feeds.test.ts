// `breachfeed status` lists feeds that are backing off after failures, with their last error.
import path from 'node:path';
import { formatStoreStatus } from '../../src/cli/commands/status';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeTempDir } from '../helpers/temp-dir';
import { cleanPrefix, runCli, TEST_REDIS_URL, uniquePrefix } from './helpers';

describe('status and failing feeds', () => {
  const prefix = uniquePrefix('status');
  const tmp = makeTempDir();
  afterAll(async () => {
    await cleanPrefix(prefix);
    tmp.cleanup();
  });

  it('shows each failing feed, its failure count, next poll and last error', async () => {
    const db = path.join(tmp.dir, 's.db');
    const store = openSqliteStore(db);
    await store.saveFeedState({ feedId: 'healthy', etag: null, lastModified: null, lastPolledAt: '2026-01-01T00:00:00.000Z', lastError: null, consecutiveFailures: 0 });
    await store.saveFeedState({
      feedId: 'broken', etag: null, lastModified: null, lastPolledAt: '2026-01-01T00:00:00.000Z',
      lastError: 'feed broken: https://x.example/feed is not a valid feed (Unexpected close tag)', consecutiveFailures: 3,
    });
    await store.close();
    const env = { REDIS_URL: TEST_REDIS_URL, BREACHFEED_QUEUE_PREFIX: prefix };
    const text = await runCli(['status', '--db', db], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^feeds: +2 polled, 1 failing$/m);
    expect(text.stdout).toContain('  broken: 3 failures in a row, next poll after 2026-01-01T00:20:00.000Z; last error: feed broken: https://x.example/feed is not a valid feed');
    const json = JSON.parse((await runCli(['status', '--db', db, '--json'], env)).stdout);
    expect(json.feeds.find((f: { feedId: string }) => f.feedId === 'broken').nextPollAfter).toBe('2026-01-01T00:20:00.000Z');
  });

  it('without Redis (the embedded default): the store accounting, failures by stage, feeds backing off', async () => {
    const store = openSqliteStore(':memory:');
    const failed = { url: 'u', canonicalUrl: 'u', feed: 'f', status: 'failed' as 'failed' | 'no_incident' };
    await store.saveArticle({ ...failed, key: 'a', urlKey: 'a', reason: 'fetch: u answered HTTP 500', stage: 'fetch' }, []);
    await store.saveArticle({ ...failed, key: 'b', urlKey: 'b', reason: 'scrape: u has no article body', stage: 'scrape' }, []);
    await store.saveArticle({ ...failed, key: 'c', urlKey: 'c', status: 'no_incident', reason: null }, []);
    await store.saveFeedState({ feedId: 'broken', etag: null, lastModified: null, lastPolledAt: '2026-01-01T00:00:00.000Z', lastError: 'feed broken: HTTP 500', consecutiveFailures: 1 });
    const text = formatStoreStatus({ ...(await store.counts()), location: store.location }, await store.listFeedStates());
    await store.close();
    expect(text).toBe([
      'store:      0 breach articles, 1 without incident, 2 failed; 0 records (:memory:)',
      'failures:   fetch 1, scrape 1 (by stage)',
      'feeds:      1 polled, 1 failing',
      '  broken: 1 failure in a row, next poll after 2026-01-01T00:05:00.000Z; last error: feed broken: HTTP 500',
      'queues:     none (no Redis configured or running: the embedded default)',
    ].join('\n'));
  });
});
