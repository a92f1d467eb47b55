// Shared by the distributed-mode tests: a queue prefix per test, the real CLI as child
// processes, clean-up of everything a test left in Redis.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { type DistributedSettings, loadSettings } from '../../src/config/settings';
import { deletePrefix, type DistributedContext } from '../../workers/connect';
import { isSettled, readStatus } from '../../workers/operator';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The CLI under test: the built bin (BREACHFEED_TEST_BIN overrides, for a locally patched entry). */
export const BIN = process.env.BREACHFEED_TEST_BIN ?? path.join(__dirname, '..', '..', 'bin', 'breachfeed.js');

/** The distributed settings a process with this environment (over the test's own) would use, on `redisUrl`. */
export function testSettings(redisUrl: string, env: NodeJS.ProcessEnv = {}): DistributedSettings {
  return loadSettings(null, { ...process.env, ...env, REDIS_URL: redisUrl }).distributed;
}

export function uniquePrefix(name: string): string {
  return `bftest-${name}-${randomBytes(4).toString('hex')}`;
}

/** Removes every key of a test's prefix. */
export async function cleanPrefix(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    await deletePrefix(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

export interface CliRun { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

export interface CliProcess {
  child: ChildProcess;
  /** Output so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves when the process has exited. */
  exited: Promise<CliRun>;
  /** Parsed JSON log lines (pino) so far. */
  logs(): Record<string, unknown>[];
}

/** Starts `breachfeed <args>` as a real child process. */
export function startCli(args: string[], env: NodeJS.ProcessEnv, cwd?: string): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<CliRun>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    get stdout() { return stdout; },
    get stderr() { return stderr; },
    exited,
    logs: () => stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** Runs `breachfeed <args>` to completion (killed after `timeoutMs`). */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, opts: { cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  const p = startCli(args, env, opts.cwd);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
  const r = await p.exited;
  clearTimeout(timer);
  return r;
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v as T;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Stops a child: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopCli(p: CliProcess, graceMs = 15_000): Promise<CliRun> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
  const r = await p.exited;
  clearTimeout(timer);
  return r;
}

/** The test-only parts of a record: what a rerun or another runner may legitimately change. */
export function comparable<T extends { article: { fetchedAt: string | null; feed: string | null } }>(r: T): T {
  return { ...r, article: { ...r.article, fetchedAt: null, feed: null } };
}

/** The status once items were seen and nothing is pending or in flight; undefined before (for waitFor). */
export async function settled(ctx: DistributedContext) {
  const s = await readStatus(ctx.queues, ctx.ledger, null);
  return s.items.seen > 0 && isSettled(s) ? s : undefined;
}
