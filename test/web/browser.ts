// Debian's Chromium driven by playwright-core. The network is closed here: the flags stop Chromium's
// own calls home (which would only show up as refused connections).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { type ServeOptions, startServer } from '../../src/api/server';
import type { RecordStore } from '../../src/store/record-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeTempDir } from '../helpers/temp-dir';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots');

/** True when Chromium is installed; otherwise prints why the browser tests are skipped. */
export function hasChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (.ci/run installs it with apt-get)`);
  return false;
}

/** A headless Chromium with a fresh profile (playwright gives each launch its own --user-data-dir). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage', // a container's small /dev/shm must not crash the renderer
    ],
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}

/** A catalogue served on 127.0.0.1 from a SQLite store of the test's own, and a Chromium to look at it. */
export interface CatalogueSite {
  /** The store's file (filled before the server starts). */
  db: string;
  store: RecordStore;
  base: string;
  browser: Browser;
}

/**
 * Sets up (beforeAll) and tears down (afterAll) a CatalogueSite: `fill` writes the store first
 * (the demo's CLI run, or generated reports), then the server and the browser start.
 */
export function useCatalogueSite(fill: (db: string) => Promise<void>, server: Partial<ServeOptions> = {}): CatalogueSite {
  const site = {} as CatalogueSite;
  let tmp: ReturnType<typeof makeTempDir> | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    tmp = makeTempDir();
    site.db = path.join(tmp.dir, 'catalogue.db');
    await fill(site.db);
    site.store = openSqliteStore(site.db);
    const started = await startServer({ ...server, store: site.store, port: 0 });
    site.base = started.url;
    close = () => started.app.close();
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await close?.();
    await site.store?.close();
    tmp?.cleanup();
  });
  return site;
}
