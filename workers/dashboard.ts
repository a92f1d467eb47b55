// The bull-board dashboard on a fastify app. Access control (a token when bound beyond
// 127.0.0.1) belongs to the app that mounts it.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';

export const DASHBOARD_PATH = '/admin/queues';

export interface DashboardOptions {
  queues: Queue[];
  /** @default /admin/queues */
  basePath?: string;
  /** Hide retry/clean/pause buttons (a read-only view). @default false */
  readOnly?: boolean;
}

/** Registers bull-board under `basePath` on `app` (call before app.listen / app.ready). */
export async function registerDashboard(app: FastifyInstance, opts: DashboardOptions): Promise<void> {
  const basePath = opts.basePath ?? DASHBOARD_PATH;
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: opts.queues.map((q) => new BullMQAdapter(q, { readOnlyMode: Boolean(opts.readOnly) })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'breachfeed' } },
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: basePath });
}
