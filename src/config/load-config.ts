import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ConfigError } from '../errors';
import { FETCH_DEFAULTS, type FetchOptions, resolveFetchOptions } from '../ingest/fetch-options';
import type { FeedConfig } from '../types';
import { DEFAULT_FEEDS } from './default-feeds';

export interface RunSettings {
  /** Articles processed at once. @default 4 */
  concurrency: number;
  /** Newest items taken from each feed per poll. @default 50 */
  maxItemsPerFeed: number;
}

export interface Config {
  feeds: FeedConfig[];
  /** SQLite file of the embedded store. @default data/breachfeed.db (env BREACHFEED_DB) */
  sqlitePath: string;
  /** PostgreSQL URL; when set it is the store (env DATABASE_URL). */
  databaseUrl: string | null;
  /** Redis URL for distributed mode (env REDIS_URL). */
  redisUrl: string | null;
  fetch: FetchOptions;
  run: RunSettings;
  /** The file it came from, for messages; null for the built-in defaults. */
  source: string | null;
}

const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    feeds: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'url'],
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' },
          url: { type: 'string', pattern: '^https?://' },
          name: { type: 'string' },
          intervalMins: { type: 'number', exclusiveMinimum: 0 },
        },
      },
    },
    store: {
      type: 'object',
      additionalProperties: false,
      properties: { sqlite: { type: 'string', minLength: 1 }, databaseUrl: { type: 'string', pattern: '^postgres(ql)?://' } },
    },
    redisUrl: { type: 'string', pattern: '^rediss?://' },
    // Keys only: resolveFetchOptions checks the values, with the fetcher's own messages.
    fetch: { type: 'object', additionalProperties: false, properties: Object.fromEntries(Object.keys(FETCH_DEFAULTS).map((k) => [k, {}])) },
    run: {
      type: 'object',
      additionalProperties: false,
      properties: {
        concurrency: { type: 'integer', minimum: 1, maximum: 64 },
        maxItemsPerFeed: { type: 'integer', minimum: 1 },
      },
    },
  },
};

const validate = new Ajv({ allErrors: false }).compile(CONFIG_SCHEMA);

/** The embedded store's file when neither the environment nor the config names one. */
const DEFAULT_SQLITE_PATH = 'data/breachfeed.db';

/**
 * Reads and validates the config file (or the built-in defaults when `file` is null),
 * then applies environment overrides. Throws ConfigError with one line naming the problem.
 */
export function loadConfig(file: string | null, env: NodeJS.ProcessEnv = process.env, defaultSqlitePath = DEFAULT_SQLITE_PATH): Config {
  let raw: unknown = {};
  if (file) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new ConfigError(`config: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    try {
      raw = YAML.parse(text) ?? {};
    } catch (err) {
      throw new ConfigError(`config: ${file} is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  if (!validate(raw)) {
    const e = validate.errors![0];
    const where = e.instancePath || '(top level)';
    const extra = e.keyword === 'additionalProperties' ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'` : '';
    throw new ConfigError(`config: ${file ?? 'defaults'}: ${where} ${e.message}${extra}`);
  }
  const c = raw as {
    feeds?: FeedConfig[]; store?: { sqlite?: string; databaseUrl?: string }; redisUrl?: string;
    fetch?: FetchOptions; run?: Partial<RunSettings>;
  };
  try {
    resolveFetchOptions(c.fetch);
  } catch (err) {
    throw new ConfigError(`config: ${file ?? 'defaults'}: ${(err as Error).message}`);
  }
  const feeds = c.feeds ?? DEFAULT_FEEDS;
  const seen = new Set<string>();
  for (const f of feeds) {
    if (seen.has(f.id)) throw new ConfigError(`config: ${file ?? 'defaults'}: feed id '${f.id}' is listed twice`);
    seen.add(f.id);
  }
  return {
    feeds,
    sqlitePath: env.BREACHFEED_DB || c.store?.sqlite || defaultSqlitePath,
    databaseUrl: env.DATABASE_URL || c.store?.databaseUrl || null,
    redisUrl: env.REDIS_URL || c.redisUrl || null,
    fetch: c.fetch ?? {},
    run: { concurrency: 4, maxItemsPerFeed: 50, ...c.run },
    source: file,
  };
}

/**
 * Where a config file is looked for without --config, in order. config/ is the folder the
 * compose stack mounts into the containers: a folder, not a file, because Docker turns a
 * missing file's mount into an empty directory, and because edits to a file in a mounted
 * folder reach `schedule --watch` (a mounted file keeps pointing at the replaced one).
 */
export const CONFIG_FILE_CANDIDATES = ['breachfeed.yaml', path.join('config', 'breachfeed.yaml')];

/** The config file to use: the one given, else the first of CONFIG_FILE_CANDIDATES present, else none (defaults). */
export function findConfigFile(given: string | undefined, cwd = process.cwd()): string | null {
  if (given) return given;
  return CONFIG_FILE_CANDIDATES.map((rel) => path.join(cwd, rel)).find((file) => fs.existsSync(file)) ?? null;
}
