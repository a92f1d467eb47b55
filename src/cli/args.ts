// Checks of command-line values shared by the commands. Every message starts with the
// command's name (`worker: --concurrency must be …`), so a user knows which input was wrong.
import { createHash } from 'node:crypto';
import { ConfigError, formatUrl } from '../errors';
import { QUEUE_NAMES, type QueueName } from '../config/settings';
import { urlProblem } from '../ingest/url-policy';
import type { FeedConfig } from '../types';

/** commander's collector for a repeatable option. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

export function parsePositiveInt(command: string, flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${command}: ${flag} must be a positive integer (got ${value})`);
  return n;
}

/** A TCP port, from `min` (0: any free port) to 65535. */
export function parsePort(command: string, value: string, min: 0 | 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > 65535) throw new ConfigError(`${command}: --port must be ${min}-65535 (got ${value})`);
  return n;
}

/** `90s`, `15m`, `2h`, `3d` in milliseconds. */
export function parseDuration(command: string, flag: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/.exec(value.trim());
  if (!m) throw new ConfigError(`${command}: ${flag} must be a duration like 30m, 2h or 1d (got ${value})`);
  return Number(m[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

/** YYYY, YYYY-MM or YYYY-MM-DD, as the store compares dates. */
export function checkDate(command: string, flag: string, value: string | undefined): void {
  if (value !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
    throw new ConfigError(`${command}: ${flag} ${value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
}

/** Feed ids made from URLs stop here (then a hash of the rest keeps them apart): they go into job ids, keys and logs. */
const MAX_FEED_ID_CHARS = 80;

/** A feed given by URL on the command line (`maxUrlChars`: fetch.maxUrlChars); its id is made from the URL. */
export function feedFromUrl(command: string, url: string, maxUrlChars: number): FeedConfig {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError(`${command}: --feed ${formatUrl(url)} is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ConfigError(`${command}: --feed ${formatUrl(url)} is not an http(s) URL`);
  const problem = urlProblem(u, maxUrlChars);
  if (problem) throw new ConfigError(`${command}: --feed ${problem}`);
  return { id: feedIdOf(u), url };
}

/** `host/path` spelled with the characters a feed id allows, at most MAX_FEED_ID_CHARS. */
export function feedIdOf(u: URL): string {
  const id = `${u.hostname}${u.pathname}`.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/-+$/, '');
  if (id.length <= MAX_FEED_ID_CHARS) return id;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 12);
  return `${id.slice(0, MAX_FEED_ID_CHARS - hash.length - 1)}-${hash}`;
}

/** A queue list (`feeds,articles`); `where` names the command and flag in messages. */
export function parseQueueNames(where: string, value: string): QueueName[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new ConfigError(`${where} is empty (expected some of ${QUEUE_NAMES.join(', ')})`);
  for (const n of names) {
    if (!(QUEUE_NAMES as readonly string[]).includes(n)) throw new ConfigError(`${where}: unknown queue '${n}' (expected ${QUEUE_NAMES.join(', ')})`);
  }
  return [...new Set(names)] as QueueName[];
}

/** One queue name (`--queue`), or undefined for all. */
export function parseQueueOption(command: string, value: string | undefined): QueueName | undefined {
  if (value === undefined) return undefined;
  const [q, ...rest] = parseQueueNames(`${command}: --queue`, value);
  if (rest.length) throw new ConfigError(`${command}: --queue takes one queue name`);
  return q;
}
