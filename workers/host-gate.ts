// Per-host politeness across processes. BullMQ's open-source rate limiter is per queue, and
// the fetcher's HostLimiter is per process, so N workers would each ask a host for its full
// share. This gate keeps the limits (requests in flight, gap between starts) in Redis.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { HostBackoffError } from '../src/ingest/fetch-errors';
import type { HostGate } from '../src/ingest/host-limiter';
import { LuaScript } from './redis';

export interface RedisHostGateOptions {
  prefix: string;
  /** Requests in flight to one host across all workers. */
  concurrency: number;
  /** Minimum gap between the starts of two requests to one host. */
  delayMs: number;
  /** A slot held longer than this (its worker died) is freed. */
  leaseMs: number;
}

// KEYS: leases (zset token → expiry), next-start time. ARGV: token, limit, delay, lease.
// Returns 0 when the slot is granted, else how many ms to wait before asking again.
// Redis's own clock, so workers on hosts with skewed clocks agree.
const ACQUIRE_SCRIPT = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextAt > now then return nextAt - now end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, math.min(tonumber(first[2]) - now, 25))
end
local lease = tonumber(ARGV[4])
redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
redis.call('PEXPIRE', KEYS[1], lease)
local delay = tonumber(ARGV[3])
if delay > 0 then redis.call('SET', KEYS[2], now + delay, 'PX', delay) end
return 0`, 2);

// KEYS: next-start time. ARGV: pause ms. Pushes the next start to now + pause, never earlier.
const PAUSE_SCRIPT = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pause = tonumber(ARGV[1])
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if now + pause > nextAt then redis.call('SET', KEYS[1], now + pause, 'PX', pause) end
return 0`, 1);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A HostGate backed by Redis, for HttpClient.useHostGate: one host's limits hold across all workers. */
export function createRedisHostGate(redis: Redis, opts: RedisHostGateOptions): HostGate {
  const keysOf = (host: string) => [`${opts.prefix}:bf:host:${host.toLowerCase()}:leases`, `${opts.prefix}:bf:host:${host.toLowerCase()}:next`];
  return {
    async acquire(host, maxWaitMs, url) {
      const [leases, next] = keysOf(host);
      const token = randomBytes(8).toString('hex');
      for (;;) {
        const wait = Number(await ACQUIRE_SCRIPT.run(redis, [leases, next], [token, opts.concurrency, opts.delayMs, opts.leaseMs]));
        if (wait === 0) break;
        // A pause longer than the request's whole budget is not waited out here: the job comes back later.
        if (wait > maxWaitMs) throw new HostBackoffError(url, host, wait);
        await sleep(Math.min(wait, 1_000) + Math.floor(Math.random() * 5));
      }
      // Not awaited: the request goes on at once; a lease whose release is lost expires by itself.
      return () => {
        redis.zrem(leases, token).catch(() => undefined);
      };
    },
    async pause(host, ms) {
      if (ms > 0) await PAUSE_SCRIPT.run(redis, [keysOf(host)[1]], [ms]);
    },
  };
}
