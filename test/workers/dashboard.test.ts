import Fastify, { type FastifyInstance } from 'fastify';
import { type DistributedContext, openDistributed } from '../../workers/connect';
import { registerDashboard } from '../../workers/dashboard';
import { QUEUE_NAMES } from '../../workers/settings';
import { cleanPrefix, TEST_REDIS_URL, uniquePrefix } from './helpers';

describe('bull-board dashboard at /admin/queues', () => {
  const prefix = uniquePrefix('board');
  let ctx: DistributedContext;
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    ctx = await openDistributed(TEST_REDIS_URL, 'command', undefined, { ...process.env, BREACHFEED_QUEUE_PREFIX: prefix });
    await ctx.queues.articles.add('article', { item: { feedId: 'f', url: 'http://127.0.0.1:9/a' }, itemId: 'f x' }, { jobId: 'article-board-test' });
    app = Fastify();
    await registerDashboard(app, { queues: QUEUE_NAMES.map((q) => ctx.queues[q]) });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.close();
    await cleanPrefix(prefix);
  });

  it('serves the UI page', async () => {
    const res = await fetch(`${base}/admin/queues`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/<div id="root">|bull/i);
  });

  it('its API lists the three queues with their counts', async () => {
    const res = await fetch(`${base}/admin/queues/api/queues`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { queues: { name: string; counts: Record<string, number> }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual([...QUEUE_NAMES].sort());
    expect(body.queues.find((q) => q.name === 'articles')!.counts.waiting).toBe(1);
  });
});
