// Opens what every distributed command needs: a checked Redis connection, the queues and the
// item ledger.
import type { Redis } from 'ioredis';
import { ItemLedger } from './item-ledger';
import { closeQueues, openQueues, type Queues } from './queues';
import { createRedis, probeRedis, type RedisRole } from './redis';
import type { DistributedSettings } from '../src/config/settings';

export interface DistributedContext {
  settings: DistributedSettings;
  redis: Redis;
  queues: Queues;
  ledger: ItemLedger;
  close(): Promise<void>;
}

/** Checks Redis first (one NetworkError line when unreachable), then opens the queues. */
export async function openDistributed(settings: DistributedSettings, role: RedisRole, onRedisError?: (err: Error) => void): Promise<DistributedContext> {
  await probeRedis(settings.redisUrl);
  const redis = createRedis(settings.redisUrl, role, onRedisError);
  const queues = openQueues(redis, settings, onRedisError);
  let closing: Promise<void> | null = null;
  return {
    settings,
    redis,
    queues,
    ledger: new ItemLedger(redis, settings.prefix, { retentionDays: settings.ledgerRetentionDays }),
    close() {
      closing ??= (async () => {
        await closeQueues(queues);
        await redis.quit().catch(() => redis.disconnect());
      })();
      return closing;
    },
  };
}

/** Deletes every key under a prefix (queues, ledger, locks): test clean-up and `--reset`-style tooling. */
export async function deletePrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let n = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) n += await redis.del(...keys);
  } while (cursor !== '0');
  return n;
}
