// Every setting breachfeed has, once: where it lives in the Settings object, its type and
// default, the environment variables and the breachfeed.yaml path that set it, and what it is
// for. The loader (settings.ts), the README's configuration table and the list of environment
// variables (environment.ts) all read this table.
import { FETCH_DEFAULTS } from '../ingest/fetch-options';

export type SettingType = 'string' | 'integer' | 'boolean';

export interface SettingSpec {
  /** Dotted path in the Settings object. */
  key: string;
  type: SettingType;
  /** null: unset unless given. */
  default: string | number | boolean | null;
  /** Environment variables that set it; the first one set wins over the file. */
  env: string[];
  /** Dotted path in breachfeed.yaml; null when only the environment sets it. */
  yaml: string | null;
  doc: string;
  /** Integers: the lowest (and highest) accepted value. */
  min?: number;
  max?: number;
  /** Strings: what a value must match, and how to say so. */
  pattern?: { re: RegExp; says: string };
}

/** The Redis of worker, schedule and the operator commands when redisUrl is unset. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export const QUEUE_NAMES = ['feeds', 'articles', 'records'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

const NAME = { re: /^[A-Za-z0-9_.-]+$/, says: "may only hold letters, digits, '_', '.', '-'" };

const fetchRow = (name: keyof typeof FETCH_DEFAULTS, doc: string, type: SettingType = 'integer'): SettingSpec => ({
  key: `fetch.${name}`, type, default: FETCH_DEFAULTS[name], env: [], yaml: `fetch.${name}`, doc,
});

/** Per queue: tries, first backoff (why these numbers: see the comments). */
const QUEUE_DEFAULTS: Record<QueueName, { attempts: number; backoffMs: number }> = {
  // A feed that fails is polled again at its next slot anyway: few, slow retries.
  feeds: { attempts: 3, backoffMs: 60_000 },
  // Publishers' 5xx and timeouts usually pass within minutes.
  articles: { attempts: 4, backoffMs: 30_000 },
  // Store outages: retry longer, the expensive work is already done.
  records: { attempts: 8, backoffMs: 5_000 },
};

const queueRows = (q: QueueName): SettingSpec[] => [
  {
    key: `distributed.policies.${q}.attempts`, type: 'integer', default: QUEUE_DEFAULTS[q].attempts, min: 1,
    env: [`BREACHFEED_ATTEMPTS_${q.toUpperCase()}`, 'BREACHFEED_ATTEMPTS'], yaml: `queues.${q}.attempts`,
    doc: `tries of a ${q} job before it stays failed`,
  },
  {
    key: `distributed.policies.${q}.backoffMs`, type: 'integer', default: QUEUE_DEFAULTS[q].backoffMs, min: 0,
    env: ['BREACHFEED_BACKOFF_MS'], yaml: `queues.${q}.backoffMs`, doc: `first retry delay of a ${q} job, doubled each time`,
  },
];

export const SETTINGS: readonly SettingSpec[] = [
  {
    key: 'sqlitePath', type: 'string', default: 'data/breachfeed.db', env: ['BREACHFEED_DB'], yaml: 'store.sqlite',
    doc: 'SQLite file of the embedded store, created on first use',
  },
  {
    key: 'databaseUrl', type: 'string', default: null, env: ['DATABASE_URL'], yaml: 'store.databaseUrl',
    pattern: { re: /^postgres(ql)?:\/\//, says: 'is not a postgresql:// URL' },
    doc: 'PostgreSQL store (postgresql://user@host:5432/db); when set it is the store',
  },
  {
    key: 'redisUrl', type: 'string', default: null, env: ['REDIS_URL'], yaml: 'redisUrl',
    pattern: { re: /^rediss?:\/\//, says: 'is not a redis:// or rediss:// URL' },
    doc: `Redis of the distributed mode (unset: ${DEFAULT_REDIS_URL}); serve shows the queue dashboard only when set`,
  },
  fetchRow('timeoutMs', 'whole request: connection, headers, redirects and body'),
  fetchRow('connectTimeoutMs', 'TCP (and TLS) connect of one hop'),
  fetchRow('headersTimeoutMs', 'request sent to headers received; also the longest silence in a body'),
  fetchRow('maxBodyBytes', 'larger responses are refused, not truncated'),
  fetchRow('maxRedirects', 'redirect hops followed'),
  fetchRow('userAgent', 'sent on every request, so site owners can reach us', 'string'),
  fetchRow('allowPrivateAddresses', 'skip the SSRF guard (private, loopback and link-local targets)', 'boolean'),
  fetchRow('perHostConcurrency', 'requests in flight to one host (across all workers)'),
  fetchRow('perHostDelayMs', 'politeness: minimum gap between two requests to one host'),
  fetchRow('maxFeedItems', 'entries read from one feed'),
  fetchRow('robotsTtlMs', "how long a host's robots.txt is trusted"),
  fetchRow('maxRetryAfterMs', "cap on a 429/503's Retry-After, which pauses the host and delays the job's next attempt"),
  fetchRow('maxUrlChars', 'longer URLs (config, --feed, feed links, redirects) are refused, with exit code 2 for config and --feed'),
  {
    key: 'pool.threads', type: 'integer', default: 0, min: 0, max: 64, env: [], yaml: 'pool.threads',
    doc: 'worker threads that scrape and extract, shared by all articles of a process; 0: one per core',
  },
  {
    key: 'pool.taskTimeoutMs', type: 'integer', default: 10_000, min: 100, env: [], yaml: 'pool.taskTimeoutMs',
    doc: 'wall time one page may take to scrape, and again to extract; past it the thread is ended and the item fails (`scrape: URL exceeded 10 s`)',
  },
  {
    key: 'pool.maxHeapMb', type: 'integer', default: 256, min: 32, env: [], yaml: 'pool.maxHeapMb',
    doc: 'heap of one worker thread; a page needing more fails (`extract: URL exceeded 256 MB of heap`)',
  },
  {
    key: 'scrape.maxNestingDepth', type: 'integer', default: 25_000, min: 50, env: [], yaml: 'scrape.maxNestingDepth',
    doc: "a page is read up to where its tags nest deeper than this; the records' `article.truncated` says so",
  },
  {
    key: 'scrape.maxMarkupChars', type: 'integer', default: 1_000_000, min: 10_000, env: [], yaml: 'scrape.maxMarkupChars',
    doc: "a page is read up to where its markup outside scripts and styles passes this many characters (parsing costs about 40 bytes a character); the records' `article.truncated` says so",
  },
  {
    key: 'extract.maxTextChars', type: 'integer', default: 100_000, min: 1_000, env: [], yaml: 'extract.maxTextChars',
    doc: "extraction reads the first this many characters of an article's text; the records' `article.truncated` says so",
  },
  { key: 'run.concurrency', type: 'integer', default: 4, min: 1, max: 64, env: [], yaml: 'run.concurrency', doc: 'articles processed at once (worker --concurrency overrides)' },
  { key: 'run.maxItemsPerFeed', type: 'integer', default: 50, min: 1, env: [], yaml: 'run.maxItemsPerFeed', doc: 'newest items taken from each feed per poll' },
  {
    key: 'distributed.prefix', type: 'string', default: 'breachfeed', pattern: NAME, env: ['BREACHFEED_QUEUE_PREFIX'], yaml: 'queues.prefix',
    doc: 'Redis key prefix: several deployments can share one Redis',
  },
  ...QUEUE_NAMES.flatMap(queueRows),
  {
    key: 'distributed.keepCompleted', type: 'integer', default: 5_000, min: 0, env: ['BREACHFEED_KEEP_COMPLETED'], yaml: 'queues.keepCompleted',
    doc: 'completed jobs kept per queue (dashboard, dedupe)',
  },
  {
    key: 'distributed.keepFailed', type: 'integer', default: 0, min: 0, env: ['BREACHFEED_KEEP_FAILED'], yaml: 'queues.keepFailed',
    doc: 'failed jobs kept per queue; 0 keeps them all',
  },
  {
    key: 'distributed.lockMs', type: 'integer', default: 30_000, min: 1_000, env: ['BREACHFEED_LOCK_MS'], yaml: 'queues.lockMs',
    doc: 'job lock; a job whose worker stops renewing it this long goes to another worker',
  },
  {
    key: 'distributed.ledgerRetentionDays', type: 'integer', default: 30, min: 1, env: ['BREACHFEED_LEDGER_RETENTION_DAYS'], yaml: 'queues.ledgerRetentionDays',
    doc: "days Redis keeps a settled item's ledger entry (the store keeps its verdict for good)",
  },
  {
    key: 'distributed.defaultIntervalMins', type: 'integer', default: 30, min: 1, env: ['BREACHFEED_DEFAULT_INTERVAL_MINS'], yaml: 'queues.defaultIntervalMins',
    doc: 'poll interval of feeds without intervalMins',
  },
  { key: 'worker.graceSecs', type: 'integer', default: 30, min: 1, env: [], yaml: 'worker.graceSecs', doc: 'on shutdown, how long running jobs may finish (worker --grace overrides)' },
  { key: 'api.port', type: 'integer', default: 8080, min: 0, max: 65535, env: [], yaml: 'api.port', doc: 'port of the HTTP API (serve --port overrides)' },
  { key: 'api.token', type: 'string', default: null, env: ['BREACHFEED_API_TOKEN'], yaml: null, doc: 'read token of the HTTP API: records, incidents, exports, metrics (serve --token overrides); a token is required off loopback' },
  { key: 'api.operateToken', type: 'string', default: null, env: ['BREACHFEED_API_OPERATE_TOKEN'], yaml: null, doc: 'operate token: also the queue dashboard and its actions, and its sign-in form (serve --operate-token overrides); unset: the read token grants them' },
  { key: 'api.corsOrigins', type: 'string', default: null, env: ['BREACHFEED_API_CORS_ORIGINS'], yaml: 'api.corsOrigins', doc: 'origins (comma-separated, or *) whose pages may read the API (CORS); unset: CORS off' },
  {
    key: 'log.level', type: 'string', default: 'info', env: ['BREACHFEED_LOG_LEVEL'], yaml: 'log.level',
    pattern: { re: /^(fatal|error|warn|info|debug|trace|silent)$/, says: 'is not a log level (fatal, error, warn, info, debug, trace, silent)' },
    doc: 'pino level of every log line',
  },
  { key: 'debug', type: 'boolean', default: false, env: ['BREACHFEED_DEBUG'], yaml: null, doc: 'when set, unexpected errors also print their stack' },
];
