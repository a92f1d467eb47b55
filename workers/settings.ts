// Distributed-mode settings: environment-driven so every process of a deployment (and every
// test, with its own prefix) agrees without a config-file change.
import { ConfigError } from '../src/errors';

export const QUEUE_NAMES = ['feeds', 'articles', 'records'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface QueuePolicy {
  /** Tries before a job stays in the failed set. */
  attempts: number;
  /** First retry delay; doubles on each further retry. */
  backoffMs: number;
}

export interface DistributedSettings {
  redisUrl: string;
  /** Redis key prefix of every queue and of our own keys (env BREACHFEED_QUEUE_PREFIX). */
  prefix: string;
  policies: Record<QueueName, QueuePolicy>;
  /** Completed jobs kept per queue, for dedupe by job id and for the dashboard. */
  keepCompleted: number;
  /** Failed jobs kept per queue; 0 keeps them all until an operator retries or discards them. */
  keepFailed: number;
  /** Job lock; a job whose worker stops renewing it for this long is stalled and handed to another worker. */
  lockMs: number;
  /** Poll interval of feeds without their own `intervalMins`. */
  defaultIntervalMins: number;
}

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const DEFAULT_POLICIES: Record<QueueName, QueuePolicy> = {
  // A feed that fails is polled again at its next slot anyway: few, slow retries.
  feeds: { attempts: 3, backoffMs: 60_000 },
  // Publishers' 5xx and timeouts usually pass within minutes.
  articles: { attempts: 4, backoffMs: 30_000 },
  // Store outages: retry longer, the expensive work is already done.
  records: { attempts: 8, backoffMs: 5_000 },
};

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`config: ${name} must be an integer >= ${min} (got ${raw})`);
  return n;
}

/** Reads the settings from the environment, over the config's Redis URL. ConfigError on a bad value. */
export function readDistributedSettings(redisUrl: string | null, env: NodeJS.ProcessEnv = process.env): DistributedSettings {
  const prefix = env.BREACHFEED_QUEUE_PREFIX || 'breachfeed';
  if (!/^[A-Za-z0-9_.-]+$/.test(prefix)) throw new ConfigError(`config: BREACHFEED_QUEUE_PREFIX '${prefix}' may only hold letters, digits, '_', '.', '-'`);
  const url = redisUrl || DEFAULT_REDIS_URL;
  if (!/^rediss?:\/\//.test(url)) throw new ConfigError(`config: REDIS_URL '${url}' is not a redis:// or rediss:// URL`);
  const backoff = env.BREACHFEED_BACKOFF_MS;
  const policies = {} as Record<QueueName, QueuePolicy>;
  for (const q of QUEUE_NAMES) {
    const d = DEFAULT_POLICIES[q];
    policies[q] = {
      attempts: intFromEnv(env, `BREACHFEED_ATTEMPTS_${q.toUpperCase()}`, intFromEnv(env, 'BREACHFEED_ATTEMPTS', d.attempts, 1), 1),
      backoffMs: backoff !== undefined ? intFromEnv(env, 'BREACHFEED_BACKOFF_MS', d.backoffMs, 0) : d.backoffMs,
    };
  }
  return {
    redisUrl: url,
    prefix,
    policies,
    keepCompleted: intFromEnv(env, 'BREACHFEED_KEEP_COMPLETED', 5_000, 0),
    keepFailed: intFromEnv(env, 'BREACHFEED_KEEP_FAILED', 0, 0),
    lockMs: intFromEnv(env, 'BREACHFEED_LOCK_MS', 30_000, 1_000),
    defaultIntervalMins: intFromEnv(env, 'BREACHFEED_DEFAULT_INTERVAL_MINS', 30, 1),
  };
}

/** Parses a queue list (`feeds,articles`); ConfigError naming an unknown one. */
export function parseQueueNames(value: string, flag = '--queues'): QueueName[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new ConfigError(`${flag} is empty (expected some of ${QUEUE_NAMES.join(', ')})`);
  for (const n of names) {
    if (!(QUEUE_NAMES as readonly string[]).includes(n)) throw new ConfigError(`${flag}: unknown queue '${n}' (expected ${QUEUE_NAMES.join(', ')})`);
  }
  return [...new Set(names)] as QueueName[];
}
