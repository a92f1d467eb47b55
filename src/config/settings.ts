// The settings module: reads breachfeed.yaml and the environment once, at start, into one frozen
// Settings object, following the table in settings-table.ts. Nothing else reads process.env.
import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ConfigError } from '../errors';
import { resolveFetchOptions, type FetchOptions } from '../ingest/fetch-options';
import { urlProblem } from '../ingest/url-policy';
import type { FeedConfig } from '../types';
import { DEFAULT_FEEDS } from './default-feeds';
import { DEFAULT_REDIS_URL, type QueueName, SETTINGS, type SettingSpec } from './settings-table';

export { DEFAULT_REDIS_URL, QUEUE_NAMES, type QueueName } from './settings-table';

export interface QueuePolicy {
  /** Tries before a job stays in the failed set. */
  attempts: number;
  /** First retry delay; doubles on each further retry. */
  backoffMs: number;
}

export interface DistributedSettings {
  /** redisUrl, or DEFAULT_REDIS_URL when unset. */
  redisUrl: string;
  prefix: string;
  policies: Record<QueueName, QueuePolicy>;
  keepCompleted: number;
  keepFailed: number;
  lockMs: number;
  ledgerRetentionDays: number;
  defaultIntervalMins: number;
}

/** Every setting, resolved and checked (settings-table.ts says what each one is). */
export interface Settings {
  feeds: FeedConfig[];
  sqlitePath: string;
  databaseUrl: string | null;
  /** null when neither the file nor the environment names a Redis. */
  redisUrl: string | null;
  fetch: Required<FetchOptions>;
  run: { concurrency: number; maxItemsPerFeed: number };
  pool: { threads: number; taskTimeoutMs: number; maxHeapMb: number };
  scrape: { maxNestingDepth: number; maxMarkupChars: number };
  extract: { maxTextChars: number };
  distributed: DistributedSettings;
  worker: { graceSecs: number };
  api: { port: number; token: string | null; operateToken: string | null; corsOrigins: string | null };
  log: { level: string };
  debug: boolean;
  /** The file it came from, for messages; null for the built-in defaults. */
  source: string | null;
}

export type Environment = Readonly<Record<string, string | undefined>>;

const FEEDS_SCHEMA = {
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
};

/** The JSON schema of breachfeed.yaml, from the table. Fetch values are checked by resolveFetchOptions, with the fetcher's own messages. */
function fileSchema(): object {
  const root = { type: 'object', additionalProperties: false, properties: { feeds: FEEDS_SCHEMA } as Record<string, object> };
  for (const s of SETTINGS) {
    if (!s.yaml) continue;
    const parts = s.yaml.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node.properties[part] ??= { type: 'object', additionalProperties: false, properties: {} };
      node = node.properties[part] as typeof root;
    }
    node.properties[parts[parts.length - 1]] = s.key.startsWith('fetch.') ? {} : valueSchema(s);
  }
  return root;
}

function valueSchema(s: SettingSpec): object {
  if (s.type === 'boolean') return { type: 'boolean' };
  if (s.type === 'integer') return { type: 'integer', ...(s.min !== undefined ? { minimum: s.min } : {}), ...(s.max !== undefined ? { maximum: s.max } : {}) };
  return { type: 'string', minLength: 1, ...(s.pattern ? { pattern: s.pattern.re.source } : {}) };
}

const validateFile = new Ajv({ allErrors: false }).compile(fileSchema());

/** A value from the environment, checked against its row; ConfigError naming the variable. */
function fromEnv(s: SettingSpec, name: string, raw: string): string | number | boolean {
  if (s.type === 'boolean') return true;
  if (s.type === 'integer') {
    const n = Number(raw);
    const range = s.max !== undefined ? `${s.min}-${s.max}` : `>= ${s.min ?? 0}`;
    if (!Number.isInteger(n) || n < (s.min ?? 0) || n > (s.max ?? Infinity)) throw new ConfigError(`config: ${name} must be an integer ${range} (got ${raw})`);
    return n;
  }
  if (s.pattern && !s.pattern.re.test(raw)) throw new ConfigError(`config: ${name} '${raw}' ${s.pattern.says}`);
  return raw;
}

function readFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`config: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return YAML.parse(text) ?? {};
  } catch (err) {
    throw new ConfigError(`config: ${file} is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

const at = (obj: unknown, dotted: string): unknown => dotted.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);

function put(obj: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = obj;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Reads and checks the config file (or the built-in defaults when `file` is null) and the
 * environment, which wins over the file. `defaults` replaces table defaults (the demo's own
 * SQLite file). Throws ConfigError with one line naming the problem.
 */
export function loadSettings(file: string | null, env: Environment = process.env, defaults: { sqlitePath?: string } = {}): Settings {
  const raw = file ? readFile(file) : {};
  const where = file ?? 'defaults';
  if (!validateFile(raw)) {
    const e = validateFile.errors![0];
    const extra = e.keyword === 'additionalProperties' ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'` : '';
    throw new ConfigError(`config: ${where}: ${e.instancePath || '(top level)'} ${e.message}${extra}`);
  }
  const out: Record<string, unknown> = { feeds: (raw as { feeds?: FeedConfig[] }).feeds ?? DEFAULT_FEEDS };
  for (const s of SETTINGS) {
    const name = s.env.find((n) => env[n] !== undefined && env[n] !== '');
    const fileValue = s.yaml ? at(raw, s.yaml) : undefined;
    const fallback = (defaults as Record<string, unknown>)[s.key] ?? s.default;
    put(out, s.key, name ? fromEnv(s, name, env[name]!) : fileValue ?? fallback);
  }
  const settings = out as unknown as Settings;
  try {
    settings.fetch = resolveFetchOptions(settings.fetch);
  } catch (err) {
    throw new ConfigError(`config: ${where}: ${(err as Error).message}`);
  }
  settings.distributed.redisUrl = settings.redisUrl ?? DEFAULT_REDIS_URL;
  settings.source = file;
  const seen = new Set<string>();
  for (const f of settings.feeds) {
    if (seen.has(f.id)) throw new ConfigError(`config: ${where}: feed id '${f.id}' is listed twice`);
    seen.add(f.id);
    const problem = urlProblem(new URL(f.url), settings.fetch.maxUrlChars);
    if (problem) throw new ConfigError(`config: ${where}: feed '${f.id}': ${problem}`);
  }
  return deepFreeze(settings);
}

/** The debug setting alone, for errors raised before (or while) the settings load. */
export function isDebugEnabled(env: Environment = process.env): boolean {
  return SETTINGS.find((s) => s.key === 'debug')!.env.some((name) => !!env[name]);
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
