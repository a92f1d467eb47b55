// Every environment variable breachfeed reads, once, with its default. Tests hold the sources,
// README, the example config and docker-compose.yml to this list, so no variable is read without
// being documented, and a deployment cannot set one that nothing reads.
export interface EnvironmentSetting {
  /** As documented; '-' when unset means "not used". */
  default: string;
  description: string;
}

export const ENVIRONMENT: Readonly<Record<string, EnvironmentSetting>> = {
  DATABASE_URL: { default: '-', description: 'PostgreSQL store (postgresql://user@host:5432/db); when set it is the store' },
  BREACHFEED_DB: { default: 'data/breachfeed.db', description: 'SQLite file of the embedded store' },
  REDIS_URL: { default: 'redis://127.0.0.1:6379', description: 'Redis of the distributed mode' },
  BREACHFEED_API_TOKEN: { default: '-', description: 'bearer token of the HTTP API (serve --token)' },
  BREACHFEED_QUEUE_PREFIX: { default: 'breachfeed', description: 'Redis key prefix: several deployments can share one Redis' },
  BREACHFEED_ATTEMPTS: { default: '3 / 4 / 8', description: 'tries before a job stays failed, every queue (feeds / articles / records)' },
  BREACHFEED_ATTEMPTS_FEEDS: { default: '3', description: 'tries of a feed poll' },
  BREACHFEED_ATTEMPTS_ARTICLES: { default: '4', description: 'tries of an article' },
  BREACHFEED_ATTEMPTS_RECORDS: { default: '8', description: 'tries of a store write' },
  BREACHFEED_BACKOFF_MS: { default: '60000 / 30000 / 5000', description: 'first retry delay, doubled each time' },
  BREACHFEED_KEEP_COMPLETED: { default: '5000', description: 'completed jobs kept per queue' },
  BREACHFEED_KEEP_FAILED: { default: '0 (all)', description: 'failed jobs kept per queue' },
  BREACHFEED_LOCK_MS: { default: '30000', description: 'job lock; a job whose worker stops renewing it this long goes to another worker' },
  BREACHFEED_DEFAULT_INTERVAL_MINS: { default: '30', description: 'poll interval of feeds without intervalMins' },
  BREACHFEED_LOG_LEVEL: { default: 'info', description: 'pino level of the long-running processes' },
  BREACHFEED_DEBUG: { default: '-', description: 'when set, unexpected errors also print their stack' },
};
