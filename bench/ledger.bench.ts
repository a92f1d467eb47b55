// The item ledger's Redis memory over months of polling (issue 14): 1,000,000 items claimed and
// settled over 100 simulated days with the default retention (30 days). Settled entries expire
// with their day, so used_memory grows for the first 30 days, then stays flat however many items
// have passed through. `npm run bench ledger`; BENCH_LEDGER_ITEMS sets the count.
import { Redis } from 'ioredis';
import { deletePrefix } from '../workers/connect';
import { itemIdOf, ItemLedger } from '../workers/item-ledger';

const DAY_MS = 24 * 60 * 60 * 1000;
const DAYS = 100;
const RETENTION_DAYS = 30;
const BATCH = 500;

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

export async function main(): Promise<void> {
  const items = Number(process.env.BENCH_LEDGER_ITEMS ?? 1_000_000);
  const redis = new Redis(process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `bfbench-ledger-${process.pid}`;
  // Simulated days from today on: each write drops the day that left the window (its expiry
  // time, in Redis's real clock, would come later).
  const start = Date.now();
  let now = start;
  const ledger = new ItemLedger(redis, prefix, { retentionDays: RETENTION_DAYS, now: () => now });
  const perDay = Math.ceil(items / DAYS);
  const baseline = await usedMemory(redis);
  const rows: string[] = [];
  const t0 = Date.now();
  try {
    for (let day = 0; day < DAYS; day++) {
      now = start + day * DAY_MS;
      for (let i = day * perDay; i < Math.min(items, (day + 1) * perDay); i += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, items - i) }, (_, j) => {
          const key = `article-${i + j}`;
          return { itemId: itemIdOf(`feed-${(i + j) % 16}`, key), key };
        });
        await ledger.claimItems(batch);
        await Promise.all(batch.map((b, j) => ledger.settle(b.itemId, j % 10 === 0 ? 'failed' : 'records')));
      }
      if ((day + 1) % 10 === 0) {
        const c = await ledger.counts();
        const mib = (await usedMemory(redis) - baseline) / 2 ** 20;
        rows.push(`| ${day + 1} | ${Math.min(items, (day + 1) * perDay).toLocaleString('en')} | ${c.seen.toLocaleString('en')} | ${mib.toFixed(1)} |`);
      }
    }
  } finally {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  }
  console.log(`\nledger: ${items.toLocaleString('en')} items over ${DAYS} days, retention ${RETENTION_DAYS} days (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  console.log('| day | items settled so far | entries kept (seen) | Redis used_memory Δ MiB |');
  console.log('|---|---|---|---|');
  for (const row of rows) console.log(row);
}
