import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_FEEDS } from '../../src/config/default-feeds';
import { type DistributedContext, openDistributed } from '../../workers/connect';
import { makeTempDir } from '../helpers/temp-dir';
import { cleanPrefix, type CliProcess, startCli, stopCli, TEST_REDIS_URL, uniquePrefix, waitFor, testSettings } from './helpers';

// The compose scheduler: `schedule --watch` in a folder whose config/ mount holds no file yet
// schedules the built-in feeds, and follows a config file copied in later.
describe('breachfeed schedule --watch', () => {
  const prefix = uniquePrefix('watch');
  const env = { REDIS_URL: TEST_REDIS_URL, BREACHFEED_QUEUE_PREFIX: prefix };
  let tmp: ReturnType<typeof makeTempDir>;
  let ctx: DistributedContext;
  let scheduler: CliProcess | undefined;
  const schedulerIds = async () => (await ctx.queues.feeds.getJobSchedulers(0, -1, true)).map((s) => s.key).sort();

  beforeAll(async () => {
    tmp = makeTempDir();
    fs.mkdirSync(path.join(tmp.dir, 'config'));
    ctx = await openDistributed(testSettings(TEST_REDIS_URL, env), 'command');
  });
  afterAll(async () => {
    if (scheduler) await stopCli(scheduler);
    await ctx?.close();
    await cleanPrefix(prefix);
    tmp?.cleanup();
  });

  it('starts on the defaults and applies config/breachfeed.yaml once it appears', async () => {
    scheduler = startCli(['schedule', '--watch', '--watch-seconds', '1'], env, tmp.dir);
    const defaults = DEFAULT_FEEDS.map((f) => `feed-${f.id}`).sort();
    await waitFor('the default schedulers', async () => JSON.stringify(await schedulerIds()) === JSON.stringify(defaults));

    fs.writeFileSync(path.join(tmp.dir, 'config', 'breachfeed.yaml'), 'feeds:\n  - { id: own, url: "http://127.0.0.1:9/own.xml" }\n');
    await waitFor('the config file applied', async () => JSON.stringify(await schedulerIds()) === JSON.stringify(['feed-own']), 15_000);
    expect(scheduler.logs().some((l) => l.msg === 'config changed: schedules reconciled')).toBe(true);
    const r = await stopCli(scheduler);
    scheduler = undefined;
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  });
});
