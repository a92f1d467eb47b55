// Checks of command-line values shared by the commands. Every message starts with the
// command's name (`worker: --concurrency must be …`), so a user knows which input was wrong.
import { ConfigError } from '../errors';
import { QUEUE_NAMES, type QueueName } from '../config/settings';
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

/** A feed given by URL on the command line; its id is made from the URL. */
export function feedFromUrl(command: string, url: string): FeedConfig {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError(`${command}: --feed ${url} is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ConfigError(`${command}: --feed ${url} is not an http(s) URL`);
  const id = `${u.hostname}${u.pathname}`.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/-+$/, '');
  return { id, url };
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
