// /metrics on the real server: clean under promtool (the Prometheus project's own checker; the
// Debian package `prometheus` ships it, and CI installs it), and consistent with the store.
import { execFileSync, spawnSync } from 'node:child_process';
import type { ArticleOutcome } from '../../src/store/record-store';
import { type ApiUnderTest, request, startApi } from './api-server';

const hasPromtool = spawnSync('promtool', ['--version']).status === 0;

describe('metrics', () => {
  let api: ApiUnderTest;
  beforeAll(async () => {
    api = await startApi('sqlite', 3);
  });
  afterAll(() => api.close());
  const metrics = async () => (await request(api.base, '/metrics')).text;

  (hasPromtool ? it : it.skip)('pass promtool check metrics', async () => {
    const text = await metrics();
    expect(execFileSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' })).toBe('');
  });
  if (!hasPromtool) console.warn('metrics.test: promtool not installed (apt-get install prometheus); its check is skipped');

  it('standard process metrics carry the prefix once', async () => {
    const text = await metrics();
    expect(text).toMatch(/^breachfeed_process_cpu_seconds_total /m);
    expect(text).not.toContain('process_process');
    expect(text).not.toMatch(/^breachfeed_nodejs_active_\w+_total/m);
  });

  it('follow the store: an article that failed and is stored again as no incident is no failure any more', async () => {
    const outcome: ArticleOutcome = { key: 'kf', urlKey: 'kf', url: 'https://x.example/a', canonicalUrl: 'https://x.example/a', feed: 'f', status: 'failed', reason: 'HTTP 500', stage: 'fetch' };
    await api.store.saveArticle(outcome, []);
    let text = await metrics();
    expect(text).toMatch(/^breachfeed_failures\{stage="fetch"\} 1$/m);
    expect(text).toMatch(/^breachfeed_articles_processed\{verdict="failed"\} 1$/m);
    await api.store.saveArticle({ ...outcome, status: 'no_incident', reason: 'no breach', stage: null }, []);
    text = await metrics();
    expect(text).not.toMatch(/^breachfeed_failures\{/m);
    expect(text).toMatch(/^breachfeed_articles_processed\{verdict="failed"\} 0$/m);
    expect(text).toMatch(/^breachfeed_articles_processed\{verdict="no_incident"\} 1$/m);
    expect(text).toMatch(/^breachfeed_records_stored 3$/m);
    expect(text).toMatch(/^breachfeed_incidents 3$/m);
  });

  it('read the store once per scrape, however many gauges show it', async () => {
    const counts = jest.spyOn(api.store, 'counts');
    try {
      await metrics();
      expect(counts).toHaveBeenCalledTimes(1);
      await metrics();
      expect(counts).toHaveBeenCalledTimes(2);
    } finally {
      counts.mockRestore();
    }
  });
});
