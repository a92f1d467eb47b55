import fs from 'node:fs';
import path from 'node:path';
import { type DistributedContext, openDistributed } from '../../workers/connect';
import { makeTempDir } from '../helpers/temp-dir';
import { cleanPrefix, runCli, TEST_REDIS_URL, uniquePrefix, testSettings } from './helpers';

// Job schedulers follow the config; racing `schedule` processes create each one once.
describe('breachfeed schedule', () => {
  const prefix = uniquePrefix('schedule');
  const env = { REDIS_URL: TEST_REDIS_URL, BREACHFEED_QUEUE_PREFIX: prefix };
  let tmp: ReturnType<typeof makeTempDir>;
  let ctx: DistributedContext;
  const cfg = (feeds: { id: string; mins?: number }[]) => {
    const file = path.join(tmp.dir, 'bf.yaml');
    fs.writeFileSync(file, ['feeds:', ...feeds.map((f) => `  - { id: ${f.id}, url: "http://127.0.0.1:9/${f.id}.xml"${f.mins ? `, intervalMins: ${f.mins}` : ''} }`)].join('\n'));
    return file;
  };
  const schedulers = async () => (await ctx.queues.feeds.getJobSchedulers(0, -1, true))
    .map((s) => ({ id: s.key, every: Number(s.every) })).sort((a, b) => a.id.localeCompare(b.id));

  beforeAll(async () => {
    tmp = makeTempDir();
    ctx = await openDistributed(testSettings(TEST_REDIS_URL, env), 'command');
  });
  afterAll(async () => {
    await ctx?.close();
    await cleanPrefix(prefix);
    tmp?.cleanup();
  });

  it('two schedule processes started together create each scheduler once, with one first poll each', async () => {
    const file = cfg([{ id: 'alpha', mins: 15 }, { id: 'beta' }, { id: 'gamma', mins: 60 }]);
    const [a, b] = await Promise.all([runCli(['schedule', '-c', file, '--json'], env), runCli(['schedule', '-c', file, '--json'], env)]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    const actions = [a, b].map((r) => (JSON.parse(r.stdout) as { changes: { action: string }[] }).changes.map((c) => c.action));
    // One process created all three; the other, holding the lock after it, found nothing to do.
    expect(actions.sort()).toEqual([['created', 'created', 'created'], ['unchanged', 'unchanged', 'unchanged']]);
    expect(await schedulers()).toEqual([
      { id: 'feed-alpha', every: 15 * 60_000 },
      { id: 'feed-beta', every: 30 * 60_000 },
      { id: 'feed-gamma', every: 60 * 60_000 },
    ]);
    const counts = await ctx.queues.feeds.getJobCounts('waiting', 'delayed', 'active');
    expect(counts.waiting + counts.delayed + counts.active).toBe(3);
  });

  it('reconciles with an edited config: a changed interval takes effect, a removed feed stops being polled', async () => {
    const file = cfg([{ id: 'alpha', mins: 5 }, { id: 'beta' }]);
    const r = await runCli(['schedule', '-c', file], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^alpha +updated +5 min /m);
    expect(r.stdout).toMatch(/^beta +unchanged +30 min /m);
    expect(r.stdout).toMatch(/^gamma +removed +60 min +-$/m);
    expect(await schedulers()).toEqual([{ id: 'feed-alpha', every: 5 * 60_000 }, { id: 'feed-beta', every: 30 * 60_000 }]);
    // No poll of the removed feed is left waiting.
    const pending = await ctx.queues.feeds.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(pending.map((j) => j.data.feed.id).sort()).toEqual(['alpha', 'beta']);
  });

  it('--now enqueues one poll per feed, once per minute slot', async () => {
    const file = cfg([{ id: 'alpha', mins: 5 }, { id: 'beta' }]);
    const first = await runCli(['schedule', '-c', file, '--now', '--json'], env);
    const again = await runCli(['schedule', '-c', file, '--now', '--json'], env);
    expect([first.stderr, again.stderr, first.code, again.code]).toEqual(['', '', 0, 0]);
    const ids = (r: { stdout: string }) => (JSON.parse(r.stdout) as { polledNow: string[] }).polledNow;
    expect(ids(first)).toHaveLength(2);
    expect(ids(first)[0]).toMatch(/^poll-alpha-\d+$/);
    // Same slot (unless the minute turned in between): the same ids, no second job.
    const sameSlot = ids(first)[0] === ids(again)[0];
    const pending = (await ctx.queues.feeds.getJobs(['waiting'])).filter((j) => j.id!.startsWith('poll-'));
    expect(pending).toHaveLength(sameSlot ? 2 : 4);
  });
});
