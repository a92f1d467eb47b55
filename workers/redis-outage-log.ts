// A Redis outage in the log: one line when the connection is lost, one when it is back (with how
// long it lasted and how many errors it caused), not one per failed command or reconnect try.
import { ErrorCode } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../src/logger';

/** Errors this soon after Redis is back still belong to the outage (other connections reconnect a little later). */
const SETTLE_MS = 5_000;

export class RedisOutageLog {
  private downSince: number | null = null;
  private backAt = 0;
  private errors = 0;

  constructor(private readonly logger: Logger) {}

  /** Follows one connection's state. */
  watch(redis: Redis): void {
    redis.on('reconnecting', () => this.lost(null));
    redis.on('ready', () => this.back());
  }

  /** A connection or worker error: logged once as the outage's start, else counted into it. */
  error = (err: Error, context: Record<string, unknown> = {}): void => {
    if (this.downSince !== null || Date.now() - this.backAt < SETTLE_MS) {
      this.errors++;
      return;
    }
    // A job whose lock expired while its worker could not reach Redis: another worker runs it again (harmless).
    if ((err as { code?: unknown }).code === ErrorCode.JobLockNotExist) {
      this.logger.warn({ ...context, err: err.message }, 'job lost its lock; another worker takes it over');
      return;
    }
    if (isConnectionError(err)) return this.lost(err);
    this.logger.error({ ...context, err: err.message }, 'worker error');
  };

  private lost(err: Error | null): void {
    if (this.downSince !== null) return;
    this.downSince = Date.now();
    this.errors = 0;
    this.logger.warn({ err: err?.message }, 'redis connection lost; reconnecting');
  }

  private back(): void {
    if (this.downSince === null) return;
    const secs = Math.round((Date.now() - this.downSince) / 100) / 10;
    this.logger.info({ outageSecs: secs, errors: this.errors }, `redis connection back after ${secs} s`);
    this.downSince = null;
    this.backAt = Date.now();
  }
}

/** Socket-level failures (by their system error code), as ioredis reports a lost connection. */
function isConnectionError(err: Error): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|ENETUNREACH)$/.test(code);
}
