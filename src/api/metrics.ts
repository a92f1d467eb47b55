import client from 'prom-client';
import type { RecordStore, StoreCounts } from '../store/record-store';

export type QueueDepths = () => Promise<Record<string, Record<string, number>>>;

/**
 * Prometheus metrics read from the store (and the queues, when Redis is configured) at scrape
 * time, so every API process reports the same shared truth instead of its own counters.
 */
export function createMetrics(store: RecordStore, queueDepths?: QueueDepths): client.Registry {
  const registry = new client.Registry();
  // Standard process and Node.js metrics under our prefix: breachfeed_process_cpu_seconds_total, …
  client.collectDefaultMetrics({ register: registry, prefix: 'breachfeed_' });
  // prom-client names three gauges …_total, which promtool (and Prometheus naming) keeps for
  // counters; the same numbers by type remain (breachfeed_nodejs_active_handles{type}, …).
  for (const name of ['active_handles_total', 'active_requests_total', 'active_resources_total']) registry.removeSingleMetric(`breachfeed_nodejs_${name}`);
  // One read of the store per scrape, shared by the gauges below (each counts a large table): a
  // scrape starts every gauge's collect in the same turn of the event loop.
  let pending: Promise<StoreCounts> | null = null;
  const counts = () => {
    if (!pending) {
      pending = store.counts();
      setImmediate(() => {
        pending = null;
      });
    }
    return pending;
  };
  new client.Gauge({
    name: 'breachfeed_records_stored',
    help: 'Breach records in the store',
    registers: [registry],
    async collect() {
      this.set((await counts()).records);
    },
  });
  new client.Gauge({
    name: 'breachfeed_incidents',
    help: 'Incidents in the store (records merged across sources)',
    registers: [registry],
    async collect() {
      this.set((await counts()).incidents);
    },
  });
  new client.Gauge({
    name: 'breachfeed_articles_processed',
    help: 'Articles processed, by verdict (breach, no_incident, failed)',
    labelNames: ['verdict'],
    registers: [registry],
    async collect() {
      const { articles } = await counts();
      this.reset(); // a label absent from the store now must not keep its last value
      for (const [verdict, n] of Object.entries(articles)) this.set({ verdict }, n);
    },
  });
  new client.Gauge({
    name: 'breachfeed_failures',
    help: 'Articles whose last attempt failed, by stage (fetch, scrape, extract, store, …)',
    labelNames: ['stage'],
    registers: [registry],
    async collect() {
      const { failuresByStage } = await counts();
      this.reset();
      for (const [stage, n] of Object.entries(failuresByStage)) this.set({ stage }, n);
    },
  });
  if (queueDepths) {
    new client.Gauge({
      name: 'breachfeed_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        const depths = await queueDepths();
        this.reset();
        for (const [queue, states] of Object.entries(depths)) {
          for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
        }
      },
    });
  }
  return registry;
}
