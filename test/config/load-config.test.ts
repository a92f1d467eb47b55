import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_FEEDS } from '../../src/config/default-feeds';
import { findConfigFile, loadSettings } from '../../src/config/settings';
import { ConfigError } from '../../src/errors';
import { makeTempDir } from '../helpers/temp-dir';

describe('loadSettings', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (tmp = makeTempDir()));
  afterEach(() => tmp.cleanup());
  const write = (text: string) => {
    const f = path.join(tmp.dir, 'breachfeed.yaml');
    fs.writeFileSync(f, text);
    return f;
  };

  it('uses the built-in feeds and SQLite default without a file', () => {
    const c = loadSettings(null, {});
    expect(c.feeds).toEqual(DEFAULT_FEEDS);
    expect(c.feeds.length).toBeGreaterThanOrEqual(15);
    expect(c.sqlitePath).toBe('data/breachfeed.db');
    expect(c.run).toEqual({ concurrency: 4, maxItemsPerFeed: 50 });
  });

  it('reads a file and applies environment overrides', () => {
    const f = write('feeds:\n  - id: one\n    url: https://one.example/feed\nstore:\n  sqlite: x.db\nrun:\n  concurrency: 2\n');
    const c = loadSettings(f, { BREACHFEED_DB: 'y.db', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(c.feeds).toEqual([{ id: 'one', url: 'https://one.example/feed' }]);
    expect(c.sqlitePath).toBe('y.db');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.run.concurrency).toBe(2);
  });

  const bad: Record<string, [string, RegExp]> = {
    'not YAML': ['feeds: [unclosed', /is not valid YAML/],
    'feed without url': ['feeds:\n  - id: x\n', /\/feeds\/0 must have required property 'url'/],
    'non-http url': ['feeds:\n  - id: x\n    url: file:///etc/passwd\n', /\/feeds\/0\/url must match pattern/],
    'unknown key': ['fetchh: {}\n', /must NOT have additional properties 'fetchh'/],
    'zero concurrency': ['run:\n  concurrency: 0\n', /\/run\/concurrency must be >= 1/],
    'duplicate feed id': ['feeds:\n  - {id: a, url: "https://a.example/f"}\n  - {id: a, url: "https://b.example/f"}\n', /feed id 'a' is listed twice/],
  };
  it.each(Object.entries(bad))('%s → one-line ConfigError', (_name, [text, message]) => {
    const f = write(text);
    let err: unknown;
    try {
      loadSettings(f, {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  it('names a missing file', () => {
    expect(() => loadSettings(path.join(tmp.dir, 'nope.yaml'), {})).toThrow(/^config: cannot read .*nope\.yaml: ENOENT$/);
  });

  it('finds ./breachfeed.yaml only when present', () => {
    expect(findConfigFile(undefined, tmp.dir)).toBeNull();
    const f = write('{}');
    expect(findConfigFile(undefined, tmp.dir)).toBe(f);
    expect(findConfigFile('other.yaml', tmp.dir)).toBe('other.yaml');
  });

  it('finds ./config/breachfeed.yaml (the compose mount) when there is no ./breachfeed.yaml', () => {
    fs.mkdirSync(path.join(tmp.dir, 'config'));
    expect(findConfigFile(undefined, tmp.dir)).toBeNull(); // an empty mounted folder: the defaults
    const inFolder = path.join(tmp.dir, 'config', 'breachfeed.yaml');
    fs.writeFileSync(inFolder, '{}');
    expect(findConfigFile(undefined, tmp.dir)).toBe(inFolder);
    const local = write('{}'); // ./breachfeed.yaml comes first
    expect(findConfigFile(undefined, tmp.dir)).toBe(local);
  });
});

describe('loadSettings fetch options', () => {
  it('checks fetch values with the fetcher’s own rules', () => {
    const tmp = makeTempDir();
    try {
      const f = path.join(tmp.dir, 'c.yaml');
      fs.writeFileSync(f, 'fetch:\n  timeoutMs: 0\n');
      expect(() => loadSettings(f, {})).toThrow(/^config: .*c\.yaml: fetch\.timeoutMs must be/);
      fs.writeFileSync(f, 'fetch:\n  timeoutMs: 5000\n  robotsTtlMs: 60000\n');
      expect(loadSettings(f, {}).fetch).toMatchObject({ timeoutMs: 5000, robotsTtlMs: 60000 });
    } finally {
      tmp.cleanup();
    }
  });
});
