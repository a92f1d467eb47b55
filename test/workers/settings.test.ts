import { parseDuration, parseQueueNames } from '../../src/cli/args';
import { type Environment, loadSettings } from '../../src/config/settings';
import { ConfigError } from '../../src/errors';
import { identifyItem } from '../../src/ingest/canonicalize-url';
import { articleJobId, feedPollJobId, jobOptions } from '../../workers/queues';

const readDistributedSettings = (redisUrl: string | null, env: Environment) => loadSettings(null, { ...env, REDIS_URL: redisUrl ?? undefined }).distributed;
const linkKey = (url: string) => identifyItem({ feedId: 'f', url }).urlKey;

describe('distributed settings and job ids', () => {
  it('reads defaults, and per-queue overrides from the environment', () => {
    const d = readDistributedSettings(null, {});
    expect(d).toMatchObject({ redisUrl: 'redis://127.0.0.1:6379', prefix: 'breachfeed', keepFailed: 0, lockMs: 30_000 });
    expect(d.policies.articles).toEqual({ attempts: 4, backoffMs: 30_000 });
    const o = readDistributedSettings('redis://10.0.0.5:6380', { BREACHFEED_ATTEMPTS: '2', BREACHFEED_ATTEMPTS_RECORDS: '9', BREACHFEED_BACKOFF_MS: '100', BREACHFEED_QUEUE_PREFIX: 'bf-a' });
    expect(o.policies).toEqual({ feeds: { attempts: 2, backoffMs: 100 }, articles: { attempts: 2, backoffMs: 100 }, records: { attempts: 9, backoffMs: 100 } });
    expect(o.redisUrl).toBe('redis://10.0.0.5:6380');
    expect(jobOptions('records', o)).toMatchObject({ attempts: 9, backoff: { type: 'policy', delay: 100 }, removeOnFail: false });
  });

  it('refuses bad values with one line naming the variable', () => {
    expect(() => readDistributedSettings(null, { BREACHFEED_ATTEMPTS: 'lots' })).toThrow(new ConfigError('config: BREACHFEED_ATTEMPTS must be an integer >= 1 (got lots)'));
    expect(() => readDistributedSettings(null, { BREACHFEED_QUEUE_PREFIX: 'a:b' })).toThrow(/BREACHFEED_QUEUE_PREFIX 'a:b'/);
    expect(() => parseQueueNames('worker: --queues', 'feeds,,')).not.toThrow();
    expect(() => parseQueueNames('worker: --queues', ',')).toThrow(/^worker: --queues is empty/);
  });

  it('job ids are deterministic and safe for BullMQ (no colon, not an integer)', () => {
    const a = articleJobId(linkKey('https://News.example/story?utm_source=rss&b=2&a=1#top'));
    const b = articleJobId(linkKey('https://news.example/story?a=1&b=2'));
    expect(a).toBe(b);
    expect(a).toMatch(/^article-[0-9a-f]{64}$/);
    expect(feedPollJobId('ledger', 29_000_000)).toBe('poll-ledger-29000000');
    // A link that is no URL still gets a stable key (its job then fails with the URL error).
    expect(linkKey('not a url')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('parses durations for --since', () => {
    expect(parseDuration('jobs failed', '--since', '90s')).toBe(90_000);
    expect(parseDuration('jobs failed', '--since', '2h')).toBe(7_200_000);
    expect(parseDuration('jobs failed', '--since', '1.5d')).toBe(129_600_000);
    expect(() => parseDuration('jobs failed', '--since', '2 weeks')).toThrow(ConfigError);
  });
});
